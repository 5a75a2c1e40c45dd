import BaogaoAnalysis
import BaogaoIndex

/// Ranks the facts that can answer a value question.
///
/// `rank` first applies the hard filters, then returns a `FactRank`: named fields
/// compared one after another, each deciding alone unless two candidates tie on
/// it (no weights, so nothing later can outweigh anything earlier):
///
/// 0. **Hard filters.** The fact's label must be the item asked for
///    (`LabelMatch` ≥ 0.6); it must have the measure asked for (an amount, a
///    growth rate, a completion rate, a share, a count in the asked unit), be of
///    the region asked for and of the year asked for (今年/上年 relative to its
///    report); a scope asked for must match (区级 ≈ 区本级 ≈ 本级; 全区 as
///    written); a stage asked for must match or be unmarked. Parts written as
///    `（含高新区 …）` (relation 含) answer only questions about that part. A
///    fact whose label is shorter than the asked one (`专项债务` for `专项债务余额`)
///    qualifies only when its sentence or section holds the rest (余额).
/// 1. **label** — the `LabelMatch` score: an exact label beats a longer one
///    (`一般公共预算收入` beats `一般公共预算收入总量`).
/// 2. **scope** (`ScopeFit`) — asked: as written, then another word for it, then
///    unmarked. Unasked: the whole (全区/全市), then an unmarked figure, then the
///    own level (区级/市级), then anything else.
///    A stage the question names is compared before a scope it leaves open
///    (`FactRank`: what is asked outweighs what is preferred).
/// 3. **stage** (`StageFit`) — asked: that stage, then (for the budget year) the
///    draft, which is both its 预算 and its plan, then unmarked. Unasked, for an
///    amount of a past year (the report's execution year): the actual figure
///    (实际完成, 完成, or unmarked), then the adjusted budget, then a relation with
///    no stage, then a budget or plan; for the budget year, the estimate or plan
///    (预计, 安排), then its 预算 or an unmarked figure, then the rest.
/// 4. **year**, unasked — the report's execution year (the latest actual figure) first.
/// 5. **report**, unasked — newer reports (by budget year) first.
/// 6. **order** — reading order: a report states a figure first where it
///    reports it, later mentions repeat it.
enum FactRanker {
    /// A candidate: `rank` when it passed the hard filters, nil for a near miss
    /// (the right item, but another region, year, scope, stage or measure).
    struct Scored {
        var row: FactRow
        var label: Double
        var rank: FactRank!
        /// Texts the fact's sentence must hold: the rest of a label the fact's own
        /// does not spell out, the reference a comparison names (checked only for
        /// the leading candidates: it reads the paragraph).
        var mustMention: [String] = []
        /// Why a candidate of the right item was set aside after reading its sentence:
        /// the part of the year it covers (上半年), or the budget it is (调整后, 预期).
        var setAside: String?
    }

    /// The rank of `row` for `q`, or nil when a hard filter rejects it.
    /// `label` is the label score, already computed.
    static func rank(_ row: FactRow, _ q: FigureQuestion, label: Double) -> FactRank? {
        guard label >= LabelMatch.threshold, fitsMetric(row, q) else { return nil }
        // 年末结转结余 asked: 上年结转结余 is what the year started with, not its end.
        if q.period == .yearEnd, row.label.hasPrefix("上年") || row.label.hasPrefix("年初") { return nil }
        if let region = q.region, row.report.region != region { return nil }
        if let target = targetYear(q.year, row.report), row.year != target { return nil }
        guard let scope = scopeFit(row, q), let stage = stageFit(row, q) else { return nil }
        let unaskedYear = q.year == nil
        return FactRank(
            label: label, scope: scope, stage: stage,
            latestActual: !unaskedYear || row.year == row.report.executionYear,
            reportYear: unaskedYear ? row.report.budgetYear ?? 0 : 0,
            segment: row.segment, fact: row.fact, stageAskedScopeNot: q.stage != nil && q.scope == nil)
    }

    /// Whether `alt` is worth showing beside the answer `best`: the same item, its
    /// label within one step of `LabelMatch`'s extra-character penalty. Another
    /// scope, stage, year or level of the item is another reading of the question,
    /// and the caller shows the best few of them, in rank order.
    static func isAlternative(_ alt: FactRank, to best: FactRank) -> Bool {
        alt.label >= best.label - LabelMatch.sameItemSlack
    }

    /// The order of near misses when nothing answers, field by field: those that
    /// passed every filter and were set aside only on reading their sentence (the
    /// period, an unmarked budget) first, by their rank; then those of the region
    /// asked for; then of the measure asked for; then the better label; then
    /// reading order.
    static func closer(_ a: Scored, _ b: Scored, _ q: FigureQuestion) -> Bool {
        if (a.rank != nil) != (b.rank != nil) { return a.rank != nil }
        if let ra = a.rank, let rb = b.rank { return ra.beats(rb) }
        let inRegion = { (c: Scored) in q.region == nil || c.row.report.region == q.region }
        if inRegion(a) != inRegion(b) { return inRegion(a) }
        if fitsMetric(a.row, q) != fitsMetric(b.row, q) { return fitsMetric(a.row, q) }
        if a.label != b.label { return a.label > b.label }
        return (a.row.segment, a.row.fact) < (b.row.segment, b.row.fact)
    }

    static func targetYear(_ ref: Question.YearRef?, _ report: IndexedReport) -> Int? {
        switch ref {
        case .year(let y): return y
        case .current: return report.budgetYear
        case .previous: return report.executionYear
        case nil: return nil
        }
    }

    static func fitsMetric(_ row: FactRow, _ q: FigureQuestion) -> Bool {
        let relation = row.relationKind
        switch q.metric {
        case .amount:
            return row.kind == .amount && !relation.isChange
        case .growth, .change:
            return row.kind == .percent && relation.isChange
        case .completion:
            return row.kind == .percent && relation == .completion
        case .share:
            return row.kind == .percent && (relation == .share || row.label.contains("比重") || row.label.hasSuffix("比"))
        case .count:
            // 多少列 is not answered by a count of 家.
            return row.kind == .count && (q.counted?.unit.map { row.unit.hasPrefix($0) } ?? true)
        case .overBudget:
            return row.kind == .amount && row.relationKind.isOverBudget
        case .pointChange:
            return row.kind == .percentagePoint
        case .amountChange:
            let relation = row.relationKind
            return row.kind == .amount && relation.isChange && !relation.isOverBudget
        }
    }

    /// Scope classes: the whole area, the government's own level, anything else.
    enum ScopeClass { case whole, own, other }

    static func scopeClass(_ s: String) -> ScopeClass {
        if s.hasPrefix("全") { return .whole }
        if s.hasSuffix("级") && !s.hasPrefix("镇") { return .own }
        return .other
    }

    /// Different words for one scope: 本级 is the own level whatever the
    /// government (区级, 区本级, 市级 …); 县级 asked of a city is its counties,
    /// `县（市、区）`. 区级 and 市级 are different levels, never the same scope.
    static func sameScope(_ asked: String, _ fact: String) -> Bool {
        if asked == fact { return true }
        if asked == "县级", fact.hasPrefix("县（") { return true }
        let own = scopeClass(asked) == .own && scopeClass(fact) == .own
        return own && (asked.contains("本级") || fact.contains("本级") || asked.first == fact.first)
    }

    static func scopeFit(_ row: FactRow, _ q: FigureQuestion) -> ScopeFit? {
        let part = row.relationKind == .part
        // A place inside the region (利通区 of 吴忠市) is answered only by its part,
        // never by the region's own unmarked figure.
        if let place = q.place { return row.scope == place ? .asked : nil }
        if let asked = q.scope {
            guard let s = row.scope else { return part ? nil : .unmarked }
            if s == asked { return .asked }
            if part { return nil }
            return sameScope(asked, s) ? .sameLevel : nil
        }
        if part { return nil }
        guard let s = row.scope else { return .unmarked }
        switch scopeClass(s) {
        case .whole: return .whole
        case .own: return .ownLevel
        case .other: return .other
        }
    }

    static func stageFit(_ row: FactRow, _ q: FigureQuestion) -> StageFit? {
        guard q.metric == .amount else { return .asked }
        // A part (含) has the stage of the whole it is part of.
        let s = (row.relationKind == .part ? row.parentKind ?? .unmarked : row.relationKind).stage
        let budgetYear = row.year != nil && row.year == row.report.budgetYear
        if let asked = q.stage {
            // An unmarked figure reads as actual; an adjusted budget is always written
            // as one (调整为, 调整后), so an unmarked figure is no answer for it.
            if asked == .adjusted, row.relation == nil { return nil }
            // What was arranged for a year is its budget (批准…支出安排54.89亿元).
            if asked == .budget, row.relationKind == .arranged { return .asked }
            if s == asked { return row.relation == nil ? .unmarked : .asked }
            if budgetYear, (asked == .planned && s == .budget) || (asked == .budget && s == .planned) { return .draft }
            if row.relation == nil { return .unmarked }
            return nil
        }
        if budgetYear {
            switch s {
            case .planned: return .asked
            case .budget, .actual: return .draft
            default: return .adjusted
            }
        }
        switch s {
        // 实际完成, 完成 and an unmarked figure are the same actual figure; the
        // report's first statement of it (reading order) wins.
        case .actual: return .asked
        case .adjusted: return .adjusted
        case .budget, .planned: return .superseded
        case nil: return .unstated
        }
    }

    /// What distinguishes `alt` from `best`, for labelling an alternative.
    static func distinction(_ alt: FactRow, from best: FactRow) -> String {
        var parts: [String] = []
        if alt.report.region != best.report.region { parts.append(alt.report.region ?? alt.report.doc) }
        if alt.year != best.year, let y = alt.year { parts.append("\(y)年") }
        if alt.scope != best.scope { parts.append(alt.scope ?? "未注明范围") }
        if alt.relation != best.relation { parts.append(alt.relation ?? "未注明阶段") }
        if alt.label != best.label { parts.append(alt.label) }
        if parts.isEmpty, alt.relationKind == .part, alt.parentRelation != best.parentRelation {
            parts.append("含于" + (alt.parentRelation ?? "未注明阶段"))
        }
        if parts.isEmpty, alt.section != best.section,
            let last = alt.section.split(separator: "›").last.map({ String($0).trimmingSpaces })
        {
            parts.append(last)
        }
        if parts.isEmpty { parts.append("另见") }
        return parts.joined(separator: " · ")
    }
}
