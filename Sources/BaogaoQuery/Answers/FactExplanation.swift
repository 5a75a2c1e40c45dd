/// `ask --explain`: why the answer won, and for each alternative the field of
/// `FactRank` on which it lost, in words (`scope: 区级 where 全区 was asked`).
/// A near miss (no answer) says which hard filter set it aside.
extension FactRanker {
    /// The answer's standing on each field that decided, in comparison order.
    static func whyChosen(_ best: Scored, _ q: FigureQuestion, asked label: String) -> String {
        let row = best.row
        var parts = ["label: \(row.label) " + (best.label >= 1 ? "is \(label)" : "for \(label) (match \(fmt(best.label)))")]
        parts.append(
            "scope: " + (row.scope ?? "unmarked") + (q.scope.map { " for \($0) asked" } ?? " (no scope asked: the whole first)"))
        if q.metric == .amount {
            parts.append("stage: " + stageWord(row) + (q.stage.map { " for \(word($0)) asked" } ?? " (\(meantStage(row)))"))
        }
        if q.year == nil, let y = row.year {
            parts.append(
                "year: \(y)" + (y == row.report.executionYear ? " (its report's execution year: the latest actual figure)" : ""))
        }
        return parts.joined(separator: "; ")
    }

    /// The first field on which `alt` lost to `best`, in words.
    static func whyLost(_ alt: Scored, to best: Scored, _ q: FigureQuestion) -> String {
        guard let field = alt.rank.firstDifference(from: best.rank) else { return "ties with the answer" }
        let a = alt.row
        let b = best.row
        switch field {
        case .label:
            return "label: \(a.label) matches less closely (\(fmt(alt.label))) than \(b.label) (\(fmt(best.label)))"
        case .scope:
            let mine = a.scope ?? "unmarked"
            if let asked = q.scope { return "scope: \(mine) where \(asked) was asked" }
            return
                "scope: \(mine) where \(b.scope ?? "an unmarked figure") ranks first (no scope asked: the whole, then unmarked, then the own level)"
        case .stage:
            if let asked = q.stage { return "stage: \(stageWord(a)) where \(word(asked)) was asked" }
            return "stage: \(stageWord(a)) where \(stageWord(b)) is meant (\(meantStage(b)))"
        case .year:
            return
                "year: \(a.year.map(String.init) ?? "?") is not its report's execution year (no year asked: the latest actual figure first)"
        case .report:
            return
                "report: budget year \(a.report.budgetYear.map(String.init) ?? "?") before \(b.report.budgetYear.map(String.init) ?? "?") (no year asked: newer reports first)"
        case .order:
            return "order: stated after the answer's figure (a report states a figure first where it reports it)"
        }
    }

    /// Why a near miss is no answer: the first hard filter it fails, or what its
    /// sentence said.
    static func whyRejected(_ c: Scored, _ q: FigureQuestion) -> String {
        let row = c.row
        if let aside = c.setAside { return "sentence: it is \(aside), not what was asked" }
        if !fitsMetric(row, q) { return "measure: \(row.kind) \(row.relation ?? "") where \(q.metric.rawValue) was asked" }
        if let region = q.region, row.report.region != region {
            return "region: \(row.report.region ?? row.report.doc) where \(region) was asked"
        }
        if let target = targetYear(q.year, row.report), row.year != target {
            return "year: \(row.year.map(String.init) ?? "unknown") where \(target) was asked"
        }
        if scopeFit(row, q) == nil { return "scope: \(row.scope ?? "a part (含)") where \(q.scope ?? "the whole") was asked" }
        if stageFit(row, q) == nil {
            return "stage: \(stageWord(row)) where \(q.stage.map(word) ?? "the actual figure") was asked"
        }
        return "label: \(row.label) matches too loosely (\(fmt(c.label)))"
    }

    private static func fmt(_ v: Double) -> String { String(Double(Int((v * 100).rounded())) / 100) }

    /// The stage a fact states: its relation word, or `unmarked`.
    private static func stageWord(_ row: FactRow) -> String {
        if row.relationKind == .part { return "含 (in \(row.parentRelation ?? "an unmarked figure"))" }
        return row.relation ?? "unmarked"
    }

    private static func word(_ s: Question.Stage) -> String {
        switch s {
        case .budget: return "预算"
        case .adjusted: return "调整预算"
        case .actual: return "实际完成"
        case .planned: return "预计/安排"
        }
    }

    /// What an amount with no stage asked means for the fact's year.
    private static func meantStage(_ row: FactRow) -> String {
        row.year != nil && row.year == row.report.budgetYear
            ? "no stage asked: for the budget year, its plan (预计, 安排)"
            : "no stage asked: for a past year, the actual figure (实际完成, 完成, unmarked)"
    }
}
