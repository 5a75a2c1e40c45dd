import BaogaoAnalysis

/// A question as `ask` understands it: one case per form, each holding only what
/// that form asks.
///
/// A plain value: `QuestionParser.parse` builds it without touching the index,
/// so the parser is tested as a table (question → fields) and the engine can be
/// reasoned about separately.
public enum Question: Sendable, Equatable {
    /// "2023年江津区一般公共预算收入是多少？": one figure.
    case figure(FigureQuestion)
    /// "一般公共预算收入和支出分别是多少？": two figures or more, each asked as its own
    /// question with the rest of this one, each answered with its own citation.
    case figures([FigureQuestion])
    /// "解放区2024年哪些支出科目超过1亿元？": the lines that qualify.
    case list(ListQuestion)
    /// "什么是三保？": a glossary definition.
    case definition(DefinitionQuestion)

    /// The question as asked (normalised).
    public var text: String {
        switch self {
        case .figure(let q): return q.text
        case .figures(let qs): return qs.first?.text ?? ""
        case .list(let q): return q.text
        case .definition(let q): return q.text
        }
    }

    /// The form's name, as `ask --json` gives it: `value`, `list` or `definition`.
    public var formName: String {
        switch self {
        case .figure, .figures: return "value"
        case .list: return "list"
        case .definition: return "definition"
        }
    }

    /// The narrowing of a figure or list question; nil for a definition.
    public var within: Narrowing? {
        switch self {
        case .figure(let q): return q.within
        case .figures(let qs): return qs.first?.within
        case .list(let q): return q.within
        case .definition: return nil
        }
    }

    /// The year a question speaks of. 今年/上年 are relative to each report: a
    /// 2024 report's 今年 is 2024 (its budget year), its 上年 is 2023 (its execution year).
    public enum YearRef: Sendable, Equatable {
        case year(Int)
        case current
        case previous
    }

    /// A part of the year a figure covers: 上半年 is months 1–6, 1—7月 months 1–7,
    /// 前三季度 months 1–9; 年末/年底/截至…年底 the year's end (a balance), 年初 its start.
    public enum Period: Sendable, Equatable {
        case months(Int, Int)
        case yearEnd
        case yearStart
    }

    /// The stage of an amount (budget, adjusted, actual, planned): the facts' own.
    public typealias Stage = FactStage

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
}

/// Where and when a figure or list question looks: the year, the part of the
/// year, the region and the scope it names.
public struct Narrowing: Sendable, Equatable {
    public var year: Question.YearRef?
    /// The part of the year asked about, when the question names one.
    public var period: Question.Period?
    /// A region of the index the question names (`江津` → `江津区`).
    public var region: String?
    /// A place name the question names that no report of the index covers.
    public var unknownRegion: String?
    /// The index's regions inside `unknownRegion` (重庆 → its districts with reports):
    /// a list over regions reads them; a refusal names them first.
    public var regionsInside: [String] = []
    /// 全区, 区级, 全市, 市级, 本级, 镇级, 高新区 … as written.
    public var scope: String?
    /// A place inside `region` with no report of its own (`利通区` of 吴忠市): only the
    /// part of a figure the region's report gives for it answers (`其中：…利通区…`).
    public var place: String?

    public init(
        year: Question.YearRef? = nil, period: Question.Period? = nil, region: String? = nil,
        unknownRegion: String? = nil, regionsInside: [String] = [], scope: String? = nil, place: String? = nil
    ) {
        self.year = year
        self.period = period
        self.region = region
        self.unknownRegion = unknownRegion
        self.regionsInside = regionsInside
        self.scope = scope
        self.place = place
    }
}

/// A figure or list question: its narrowing's fields read as its own (`q.region`,
/// `q.year`, … through `within`).
@dynamicMemberLookup
public protocol NarrowedQuestion {
    var within: Narrowing { get set }
}

extension NarrowedQuestion {
    public subscript<T>(dynamicMember path: WritableKeyPath<Narrowing, T>) -> T {
        get { within[keyPath: path] }
        set { within[keyPath: path] = newValue }
    }
}

/// A question about one figure: an item, what is measured about it, and its stage.
public struct FigureQuestion: NarrowedQuestion, Sendable, Equatable {
    public var text: String
    public var within: Narrowing
    /// The item, e.g. `一般公共预算收入`, `教育支出`, `专项债务余额`; nil when the
    /// question names none.
    public var label: String?
    public var metric: Question.Metric
    public var stage: Question.Stage?
    /// For counts: what is counted, when the question says.
    public var counted: Counted?
    /// What a change or rate is measured against, when the question names something
    /// other than the previous year or the budget (`比2019年决算数`, `比中期调整预算`):
    /// the figure's statement must name it too.
    public var reference: String?

    /// A count's unit and thing: 多少列 → unit 列; 帮助多少家企业获得贷款 → unit 家,
    /// thing `企业获得贷款`, which a sentence states after the figure.
    public struct Counted: Sendable, Equatable {
        public var unit: String?
        public var thing: String?
    }

    public init(
        text: String, within: Narrowing = Narrowing(), label: String? = nil, metric: Question.Metric = .amount,
        stage: Question.Stage? = nil, counted: Counted? = nil
    ) {
        self.text = text
        self.within = within
        self.label = label
        self.metric = metric
        self.stage = stage
        self.counted = counted
    }
}

/// A question about every line that qualifies: `哪些地区的教育支出超过10亿元`,
/// `解放区2024年哪些支出科目超过1亿元`, `一般公共预算收入总量中哪些收入超过5亿元`.
public struct ListQuestion: NarrowedQuestion, Sendable, Equatable {
    public var text: String
    public var within: Narrowing
    /// The one line asked about (`哪些地区的教育支出超过10亿元`: 教育支出), nil for every line.
    public var label: String?
    public var threshold: Threshold
    /// For the parts of one figure (`一般公共预算收入总量中哪些收入超过5亿元`): that
    /// figure's item, whose paragraph lists the parts.
    public var whole: String?
    /// The kind of line asked for (`支出`, `收入`), nil for any line.
    public var itemKind: String?
    /// The budget the lines belong to (`一般公共预算`, `政府性基金`), when named.
    public var budget: String?

    /// What a line's figure must satisfy.
    public enum Threshold: Sendable, Equatable {
        /// No threshold: every line.
        case every
        /// A range read by the query language (`>1亿元`, `增长>10%`), with its text.
        case range(NumberRange, written: String)
        /// A threshold the query language cannot read: the question is refused.
        case unreadable(String)

        public var range: NumberRange? {
            if case .range(let r, _) = self { return r }
            return nil
        }

        /// The threshold as written in the query language, nil for every line.
        public var written: String? {
            switch self {
            case .every: return nil
            case .range(_, let w), .unreadable(let w): return w
            }
        }
    }

    public init(
        text: String, within: Narrowing = Narrowing(), label: String? = nil, threshold: Threshold = .every,
        whole: String? = nil, itemKind: String? = nil, budget: String? = nil
    ) {
        self.text = text
        self.within = within
        self.label = label
        self.threshold = threshold
        self.whole = whole
        self.itemKind = itemKind
        self.budget = budget
    }
}

/// `什么是三保？`: the term asked about, quotes removed.
public struct DefinitionQuestion: Sendable, Equatable {
    public var text: String
    public var term: String

    public init(text: String, term: String) {
        self.text = text
        self.term = term
    }
}
