/// A question as `ask` understands it: what is asked (a figure, a list of budget
/// lines, a definition), about which year, region and scope, and which item.
///
/// A plain value: `QuestionParser.parse` builds it without touching the index,
/// so the parser is tested as a table (question → fields) and the engine can be
/// reasoned about separately.
public struct Question: Sendable, Equatable {
    public enum Form: String, Sendable, Equatable {
        /// "2023年江津区一般公共预算收入是多少？": one figure.
        case value
        /// "解放区2024年哪些支出科目超过1亿元？": the budget lines that qualify.
        case list
        /// "什么是三保？": a glossary definition.
        case definition
    }

    /// The year a question speaks of. 今年/上年 are relative to each report: a
    /// 2024 report's 今年 is 2024 (its budget year), its 上年 is 2023 (its execution year).
    public enum YearRef: Sendable, Equatable {
        case year(Int)
        case current
        case previous
    }

    /// What is measured about the item.
    public enum Metric: String, Sendable, Equatable {
        /// An amount (收入, 支出, 余额, 限额, 结余 …).
        case amount
        /// A change against the previous year (增长, 下降, 增幅, 同比 …), in %.
        case growth
        /// A completion rate (为预算的, 完成预算的, 为调整预算的 …), in %.
        case completion
        /// A share (占…的比重, 占比), in %.
        case share
        /// A count of things (多少家, 多少个, 多少户 …).
        case count
        /// A change against the previous year asked with its direction open (变化,
        /// 增减): answered with the signed change and whether it rose or fell.
        case change
        /// The amount a revenue came in over or under its budget (超收, 短收, 比预算
        /// 增收): an amount compared with the budget, not with the previous year.
        case overBudget
        /// The amount of a change on the previous year (较上年增加多少, 比上年同期增收多少):
        /// an amount, where 增长多少 asks for a rate.
        case amountChange
        /// The change of a rate or share, in percentage points (占GDP的比重比上年提高多少,
        /// 增幅高于年初预算安排多少).
        case pointChange
    }

    /// A part of the year a figure covers: 上半年 is months 1–6, 1—7月 months 1–7,
    /// 前三季度 months 1–9; 年末/年底/截至…年底 the year's end (a balance), 年初 its start.
    public enum Period: Sendable, Equatable {
        case months(Int, Int)
        case yearEnd
        case yearStart
    }

    /// The stage of an amount: the budget as approved, as adjusted, the actual
    /// figure, or the draft/estimate of a budget year.
    public enum Stage: String, Sendable, Equatable {
        case budget, adjusted, actual, planned
    }

    public var text: String
    public var form: Form
    public var year: YearRef?
    /// A region of the index the question names (`江津` → `江津区`).
    public var region: String?
    /// A place name the question names that no report of the index covers.
    public var unknownRegion: String?
    /// 全区, 区级, 全市, 市级, 本级, 镇级, 高新区 … as written.
    public var scope: String?
    public var metric: Metric
    /// The part of the year asked about, when the question names one.
    public var period: Period?
    /// For counts: the unit asked for (列, 个, 项, 家, 人 …).
    public var countUnit: String?
    /// For counts: what the question counts after the unit (`企业获得贷款` of
    /// 帮助多少家企业获得贷款), which a sentence states after the figure.
    public var countedThing: String?
    /// Two figures asked at once (`一般公共预算收入和支出分别是多少`): their labels,
    /// each answered as its own value question with the rest of this one.
    public var parts: [String] = []
    /// The index's regions inside `unknownRegion` (重庆 → its districts with reports):
    /// a list over regions reads them; a refusal names them first.
    public var regionsInside: [String] = []
    public var stage: Stage?
    /// The item, e.g. `一般公共预算收入`, `教育支出`, `专项债务余额`; for lists, the
    /// one budget line asked about (`哪些地区的教育支出超过10亿元`), nil for every line.
    public var label: String?
    /// For definitions: the term asked about, quotes removed.
    public var term: String?
    /// For lists: the threshold in the query language (`>1亿元`, `增长>10%`,
    /// `1000万元..1亿元`, `下降>0%`), nil for "every line".
    public var range: String?
    /// For lists: `range` read once by the query language's parser, so the list
    /// answer compares numbers, not text; nil for "every line" or an unreadable one.
    public var threshold: NumberRange?
    /// For lists about the parts of one figure (`一般公共预算收入总量中哪些收入超过5亿元`):
    /// that figure's item, whose paragraph lists the parts.
    public var whole: String?
    /// For lists: the kind of line asked for (`支出`, `收入`), nil for any line.
    public var itemKind: String?
    /// For lists: the budget the lines belong to (`一般公共预算`, `政府性基金`), when named.
    public var budget: String?

    public init(
        text: String, form: Form = .value, year: YearRef? = nil, region: String? = nil,
        unknownRegion: String? = nil, scope: String? = nil, metric: Metric = .amount,
        stage: Stage? = nil, label: String? = nil, term: String? = nil, range: String? = nil,
        itemKind: String? = nil, budget: String? = nil
    ) {
        self.text = text
        self.form = form
        self.year = year
        self.region = region
        self.unknownRegion = unknownRegion
        self.scope = scope
        self.metric = metric
        self.stage = stage
        self.label = label
        self.term = term
        self.range = range
        self.itemKind = itemKind
        self.budget = budget
    }
}
