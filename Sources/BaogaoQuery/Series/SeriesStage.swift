import BaogaoAnalysis
import BaogaoIngest

/// Which figure of a year an amount is, as a series shows it: the budget passed
/// at the start of the year, the budget as adjusted, the execution a budget
/// report gives (preliminary: 执行数, 预计完成) and the final accounts (决算).
///
/// Read from the fact's stage word (`FactRelation`, the one reader of them) and
/// the kind of report it stands in, since the same word means another stage in
/// another report: 完成 in an annual report is the preliminary execution, in a
/// 决算 report the final figure; 安排 of a budget year is that year's budget.
public enum SeriesStage: String, Sendable, CaseIterable, Comparable {
    case budget = "年初预算"
    case adjusted = "调整预算"
    case execution = "执行"
    case final = "决算"

    public static func < (a: SeriesStage, b: SeriesStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The actual figure of a year: the execution or the final accounts.
    public var isActual: Bool { self == .execution || self == .final }

    /// The stage of an amount stated for `year` in a report of `metadata`; nil
    /// for figures of part of a year (mid-year reports), reference material, a
    /// relation naming no stage, or a year the report neither reviews nor plans.
    static func of(relation: FactRelation, year: Int, report metadata: ReportMetadata) -> SeriesStage? {
        guard let kind = metadata.kind, kind != .midYear, kind != .other else { return nil }
        if let period = metadata.period, period != "全年" { return nil }
        guard let stage = relation.stage else { return nil }
        if relation == .finalAccounts { return .final }
        if year == metadata.budgetYear {
            switch (kind, stage) {
            case (_, .adjusted): return .adjusted
            // An adjustment report's unmarked figure is the budget as it now stands.
            case (.adjustment, .actual), (.adjustment, .planned): return .adjusted
            // A budget year's 安排, 预计 and unmarked figures are its draft budget.
            default: return .budget
            }
        }
        guard year == metadata.executionYear else { return nil }
        switch stage {
        case .budget: return .budget
        case .adjusted: return .adjusted
        case .actual, .planned: return kind == .finalAccounts ? .final : .execution
        }
    }
}
