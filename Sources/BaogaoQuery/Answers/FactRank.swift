/// How well one fact answers a value question, as named fields compared one after
/// another (`FactRanker` lists the order and why). A record rather than a sum, so
/// that "each field outweighs all that follow" holds by construction and a lost
/// comparison can be told in words (`baogao ask --explain`).
///
/// What the question asks outweighs what it leaves open: a stage the question
/// names (`完成`) is compared before a scope it does not, so the 18225万元 that 非税收入
/// 完成 states beats an unmarked 3619万元 that only the unasked-scope order prefers.
struct FactRank: Sendable {
    /// The fields in the order they are compared: an earlier field decides alone
    /// unless two candidates tie on it.
    enum Field: String, Sendable, CaseIterable {
        case label, scope, stage, year, report, order
    }

    /// `LabelMatch`'s score of the fact's label for the asked one.
    var label: Double
    var scope: ScopeFit
    var stage: StageFit
    /// With no year asked: whether the fact is of its report's execution year (the
    /// latest actual figure). Always true when a year was asked: the filter decided.
    var latestActual: Bool
    /// With no year asked: the report's budget year, newer first; 0 when one was asked.
    var reportYear: Int
    /// Reading order in the index (segment, fact): earlier first. A report states a
    /// figure first where it reports it; later mentions repeat it.
    var segment: Int
    var fact: Int
    /// Whether the question named a stage but no scope: then stage is compared first.
    var stageAskedScopeNot = false

    /// The first field, in comparison order, on which `self` and `other` differ.
    func firstDifference(from other: FactRank) -> Field? {
        if label != other.label { return .label }
        if stageAskedScopeNot, stage != other.stage { return .stage }
        if scope != other.scope { return .scope }
        if stage != other.stage { return .stage }
        if latestActual != other.latestActual { return .year }
        if reportYear != other.reportYear { return .report }
        if (segment, fact) != (other.segment, other.fact) { return .order }
        return nil
    }

    /// Whether `self` ranks before `other`: better on the first field they differ on.
    func beats(_ other: FactRank) -> Bool {
        switch firstDifference(from: other) {
        case .label?: return label > other.label
        case .scope?: return scope > other.scope
        case .stage?: return stage > other.stage
        case .year?: return latestActual
        case .report?: return reportYear > other.reportYear
        case .order?: return (segment, fact) < (other.segment, other.fact)
        case nil: return false
        }
    }
}

/// How a fact's scope agrees with the question's, best last. One order serves both
/// cases: asked (`.asked` > `.sameLevel` > `.unmarked`) and unasked (`.whole` >
/// `.unmarked` > `.ownLevel` > `.other`), since one question is always one case.
enum ScopeFit: Int, Sendable, Comparable {
    /// A scope that is neither the whole nor the own level (镇级, 高新区), unasked.
    case other
    /// The government's own level (区级, 市本级), when no scope was asked: the
    /// whole is what a question naming none means.
    case ownLevel
    /// The fact names no scope.
    case unmarked
    /// Another word for the asked scope (区本级 for 区级, 本级 for 市级).
    case sameLevel
    /// The whole area (全区, 全市), when no scope was asked.
    case whole
    /// The scope asked for, as written.
    case asked

    static func < (a: ScopeFit, b: ScopeFit) -> Bool { a.rawValue < b.rawValue }
}

/// How a fact's stage agrees with the one asked (or, unasked, the one a question
/// means: the actual figure of a past year, the plan of the budget year), best last.
enum StageFit: Int, Sendable, Comparable {
    /// A budget or plan for a year whose actual figure the reports give.
    case superseded
    /// A relation that names no stage.
    case unstated
    /// The adjusted budget of a past year, or another stage of the budget year.
    case adjusted
    /// The fact carries no stage word while one was asked: it may be that stage.
    case unmarked
    /// The budget year's draft, which is both its 预算 and its plan.
    case draft
    /// The stage asked for (or, unasked, the one meant).
    case asked

    static func < (a: StageFit, b: StageFit) -> Bool { a.rawValue < b.rawValue }
}
