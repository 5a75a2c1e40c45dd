/// What a fact's relation word (`NumberFact.relation`, as `RelationWords` and the
/// stage reader of BaogaoAnalysis write it) says about the fact, read in this one
/// place: the ranker, the list answers and the number-range engine used to keep
/// their own lists of these words, and the lists disagreed.
enum FactRelation: Equatable, Sendable {
    /// A change up on the previous year (增长, 同比增加, 增幅, 超收 …).
    case increase
    /// A change down (下降, 减少, 降幅, 短收 …); the extractor stores the value negative.
    case decrease
    /// A completion rate (为预算的, 完成调整预算的, 为计划的 …).
    case completion
    /// A share of a whole (占 …的比重).
    case share
    /// A part written inside its whole's figure: `（含高新区 10亿元）`.
    case part
    /// Which figure of the item an amount is: budget, adjusted, actual, plan.
    case stage(Question.Stage)
    /// No relation word: an amount as stated (an actual figure, unless its
    /// sentence says otherwise).
    case unmarked
    /// A relation word none of the above (高于, 为上年的 …).
    case other

    static let increaseWords = ["增长", "增加", "增幅", "提高", "上升", "多收", "超收", "调增"]
    static let decreaseWords = ["下降", "减少", "降幅", "降低", "回落", "下滑", "减收", "短收", "调减"]
    /// A completion relation holds one of these (为预算的, 完成调整预算的, 超过预算的, 为计划的).
    static let completionMarks = ["预算的", "计划的", "预期的", "目标的", "任务的"]
    /// The stage words an amount's relation can be (`RelationFinder.stage`), by stage.
    static let stageWords: [String: Question.Stage] = [
        "实际完成": .actual, "完成": .actual, "执行数": .actual, "决算": .actual, "决算数": .actual,
        "调整为": .adjusted, "调增为": .adjusted, "调减为": .adjusted, "拟调整为": .adjusted,
        "预算": .budget,
        "预计": .planned, "预计完成": .planned, "安排": .planned, "拟安排": .planned
    ]

    init(_ relation: String?) {
        guard let r = relation else {
            self = .unmarked
            return
        }
        if r == "含" {
            self = .part
            return
        }
        if let stage = Self.stageWords[r] {
            self = .stage(stage)
            return
        }
        if Self.increaseWords.contains(where: { r.contains($0) }) {
            self = .increase
            return
        }
        if Self.decreaseWords.contains(where: { r.contains($0) }) {
            self = .decrease
            return
        }
        if Self.completionMarks.contains(where: { r.contains($0) }) {
            self = .completion
            return
        }
        if r.contains("占") {
            self = .share
            return
        }
        self = .other
    }

    /// A change on the previous year, either way.
    var isChange: Bool { self == .increase || self == .decrease }

    /// A change measured against the budget (`较年初预算增加`, as the extractor
    /// writes 较年初预算超收; 调增, 调减 of an adjustment), not against the previous year.
    func isOverBudget(_ relation: String?) -> Bool {
        isChange && (relation.map { r in ["预算", "超收", "短收", "调增", "调减"].contains { r.contains($0) } } ?? false)
    }

    /// The stage of an amount: unmarked is the actual figure; nil for relations
    /// that name no stage.
    var stage: Question.Stage? {
        switch self {
        case .unmarked: return .actual
        case .stage(let s): return s
        default: return nil
        }
    }
}
