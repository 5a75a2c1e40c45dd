import BaogaoIngest

/// The stage of an amount: the budget as approved, as adjusted, the actual
/// figure, or the draft/estimate of a budget year.
public enum FactStage: String, Sendable, Equatable, CaseIterable {
    case budget, adjusted, actual, planned
}

/// What a fact's relation word (`NumberFact.relation`: `增长`, `为调整预算的`, `占`,
/// `含`, a stage word) says about the fact, decided once when the fact is read and
/// stored with it in the index (one byte of its attributes), so that every reader
/// — the ranker, list answers, the number-range engine, series — agrees, and none
/// compares relation strings again.
///
/// Raw values are the stored codes; a code an older or newer writer does not know
/// reads as `.other`.
public enum FactRelation: UInt8, Sendable, Equatable, CaseIterable, Codable {
    /// No relation word: an amount as stated (an actual figure, unless its
    /// sentence says otherwise).
    case unmarked = 0
    /// A change up on the previous year (增长, 同比增加, 增幅 …).
    case increase = 1
    /// A change down (下降, 减少, 降幅 …); the extractor stores the value negative.
    case decrease = 2
    /// A change up against the budget, not the previous year (超收, 较年初预算增加, 调增).
    case increaseOnBudget = 3
    /// A change down against the budget (短收, 较预算减少, 调减).
    case decreaseOnBudget = 4
    /// A completion rate (为预算的, 完成调整预算的, 为计划的 …).
    case completion = 5
    /// A share of a whole (占 …的比重).
    case share = 6
    /// A part written inside its whole's figure: `（含高新区 10亿元）`.
    case part = 7
    /// Amounts by stage: the budget (预算), as adjusted (调整为), the actual figure
    /// (完成, 执行数), the final accounts (决算), a plan or estimate (预计, 安排).
    case budget = 8
    case adjusted = 9
    case actual = 10
    case finalAccounts = 11
    case planned = 12
    /// A relation word none of the above (高于, 为上年的 …).
    case other = 13
    /// An amount arranged (安排, 拟安排): a plan, and for a year under way the budget
    /// the congress approved (`批准全旗公共财政预算支出安排54.89亿元`).
    case arranged = 14

    public static let increaseWords = ["增长", "增加", "增幅", "提高", "上升", "多收", "超收", "调增"]
    public static let decreaseWords = ["下降", "减少", "降幅", "降低", "回落", "下滑", "减收", "短收", "调减"]
    /// A completion relation holds one of these (为预算的, 完成调整预算的, 超过预算的, 为计划的).
    static let completionMarks = ["预算的", "计划的", "预期的", "目标的", "任务的"]
    /// A change holding one of these is measured against the budget.
    static let budgetMarks = ["预算", "超收", "短收", "调增", "调减"]
    /// The stage words an amount's relation can be (`RelationFinder.stage`).
    static let stageWords: [String: FactRelation] = [
        "实际完成": .actual, "完成": .actual, "实际": .actual, "完成数": .actual, "执行数": .actual,
        "决算": .finalAccounts, "决算数": .finalAccounts, "预算数": .budget, "调整数": .adjusted,
        "调整为": .adjusted, "调增为": .adjusted, "调减为": .adjusted, "拟调整为": .adjusted,
        "预算": .budget,
        "预计": .planned, "预计完成": .planned, "安排": .arranged, "拟安排": .arranged
    ]

    /// Reads a relation word as the extractor writes it.
    public init(_ relation: String?) {
        guard let r = relation else {
            self = .unmarked
            return
        }
        if r == "含" {
            self = .part
        } else if let stage = Self.stageWords[r] {
            self = stage
        } else if Self.increaseWords.contains(where: { UTF8Cursor.contains(r, $0) }) {
            self = Self.budgetMarks.contains(where: { UTF8Cursor.contains(r, $0) }) ? .increaseOnBudget : .increase
        } else if Self.decreaseWords.contains(where: { UTF8Cursor.contains(r, $0) }) {
            self = Self.budgetMarks.contains(where: { UTF8Cursor.contains(r, $0) }) ? .decreaseOnBudget : .decrease
        } else if Self.completionMarks.contains(where: { UTF8Cursor.contains(r, $0) }) {
            self = .completion
        } else if UTF8Cursor.contains(r, "占") {
            self = .share
        } else {
            self = .other
        }
    }

    /// Reads a stored code.
    public init(code: UInt8) { self = FactRelation(rawValue: code) ?? .other }

    /// A change, either way, on the previous year or on the budget.
    public var isChange: Bool { isIncrease || isDecrease }
    public var isIncrease: Bool { self == .increase || self == .increaseOnBudget }
    public var isDecrease: Bool { self == .decrease || self == .decreaseOnBudget }
    /// A change measured against the budget (`较年初预算增加`, 超收, 调增 of an
    /// adjustment), not against the previous year.
    public var isOverBudget: Bool { self == .increaseOnBudget || self == .decreaseOnBudget }

    /// A budget, an adjusted budget, an arrangement or an estimate: a figure for the
    /// whole year, whatever part of it the report reviews.
    public var isPlan: Bool { self == .budget || self == .adjusted || self == .arranged || self == .planned }

    /// The stage of an amount: unmarked is the actual figure; nil for relations
    /// that name no stage.
    public var stage: FactStage? {
        switch self {
        case .unmarked, .actual, .finalAccounts: return .actual
        case .budget: return .budget
        case .adjusted: return .adjusted
        case .planned, .arranged: return .planned
        default: return nil
        }
    }
}
