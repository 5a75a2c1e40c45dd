import BaogaoAnalysis
import BaogaoIndex

/// Scores how well a fact answers a value question.
///
/// The rules, in order of weight (each outweighs all that follow):
///
/// 1. **Label.** The fact's label must be the item asked for (`LabelMatch`);
///    below 0.6 the fact is not a candidate. An exact label beats a longer one
///    (`一般公共预算收入` beats `一般公共预算收入总量`). A fact whose label is
///    shorter than the asked one (`专项债务` for `专项债务余额`) qualifies only
///    when its sentence or section holds the rest (余额).
/// 2. **Hard filters.** The fact must have the measure asked for (an amount, a
///    growth rate, a completion rate, a share), be of the region asked for and of
///    the year asked for (今年/上年 relative to its report); a scope asked for
///    must match (区级 ≈ 市级 ≈ 本级; 全区 ≈ 全市). Parts written as
///    `（含高新区 …）` (relation 含) answer only questions about that part.
/// 3. **Scope.** Unasked, the whole (全区/全市) is preferred to an unmarked figure,
///    which is preferred to the own level (区级/市级), then to anything else.
/// 4. **Stage.** For an amount of a past year (the report's execution year) the
///    actual figure (实际完成, 完成, or unmarked) beats the adjusted budget, which
///    beats the budget; for the budget year, the estimate or plan (预计, 安排,
///    预算 of the draft) is the answer. A stage asked for must match.
/// 5. **Year, unasked.** The execution year (the latest actual figure) first,
///    then newer reports first.
/// 6. Reading order breaks ties: a report states a figure first where it
///    reports it, later mentions repeat it.
enum FactRanker {
    struct Scored {
        var row: FactRow
        var label: Double
        var score: Double
        /// Text the fact's sentence or section must hold for the label to count
        /// (checked only for the leading candidates: it reads the paragraph).
        var mustMention: String?
        /// Why a candidate of the right item was set aside after reading its sentence:
        /// the part of the year it covers (上半年), or the budget it is (调整后, 预期).
        var setAside: String?
    }

    /// The score of `row` for `q`, or nil when a hard filter rejects it.
    /// `label` is the label score, already computed.
    static func score(_ row: FactRow, _ q: Question, label: Double) -> Double? {
        guard label >= LabelMatch.threshold, fitsMetric(row, q) else { return nil }
        if let region = q.region, row.report.region != region { return nil }
        if let target = targetYear(q.year, row.report), row.year != target { return nil }
        guard let scope = scopeFit(row, q), let stage = stageFit(row, q) else { return nil }
        var score = label * 100 + scope * 10 + stage * 5
        if q.year == nil {
            score += row.year == row.report.executionYear ? 2 : 1
            score += Double(row.report.budgetYear ?? 0) * 0.001
        }
        return score
    }

    static func targetYear(_ ref: Question.YearRef?, _ report: IndexedReport) -> Int? {
        switch ref {
        case .year(let y): return y
        case .current: return report.budgetYear
        case .previous: return report.executionYear
        case nil: return nil
        }
    }

    static func fitsMetric(_ row: FactRow, _ q: Question) -> Bool {
        let relation = row.relation ?? ""
        switch q.metric {
        case .amount:
            return row.kind == .amount && RangeMatcher.family(relation) == nil
        case .growth, .change:
            return row.kind == .percent && RangeMatcher.family(relation) != nil
        case .completion:
            return row.kind == .percent && (relation.contains("预算的") || relation.contains("计划的"))
        case .share:
            return row.kind == .percent && (relation.contains("占") || row.label.contains("比重") || row.label.hasSuffix("比"))
        case .count:
            // 多少列 is not answered by a count of 家.
            return row.kind == .count && (q.countUnit.map { row.unit.hasPrefix($0) } ?? true)
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

    static func scopeFit(_ row: FactRow, _ q: Question) -> Double? {
        let part = row.relation == "含"
        if let asked = q.scope {
            guard let s = row.scope else { return part ? nil : 0.5 }
            if s == asked { return 1 }
            if part { return nil }
            return sameScope(asked, s) ? 0.9 : nil
        }
        if part { return nil }
        guard let s = row.scope else { return 0.8 }
        switch scopeClass(s) {
        case .whole: return 1
        case .own: return 0.6
        case .other: return 0.2
        }
    }

    static func stage(of relation: String?) -> Question.Stage? {
        switch relation {
        case nil, "实际完成", "完成", "执行数", "决算", "决算数": return .actual
        case "调整为": return .adjusted
        case "预算": return .budget
        case "预计", "预计完成", "安排", "拟安排": return .planned
        default: return nil
        }
    }

    static func stageFit(_ row: FactRow, _ q: Question) -> Double? {
        guard q.metric == .amount else { return 1 }
        // A part (含) has the stage of the whole it is part of.
        let s = stage(of: row.relation == "含" ? row.parentRelation : row.relation)
        let budgetYear = row.year != nil && row.year == row.report.budgetYear
        if let asked = q.stage {
            if s == asked { return row.relation == nil ? 0.6 : 1 }
            // A budget year's draft is both its 预算 and its plan.
            if budgetYear, (asked == .planned && s == .budget) || (asked == .budget && s == .planned) { return 0.9 }
            if row.relation == nil { return 0.5 }
            return nil
        }
        if budgetYear {
            switch s {
            case .planned: return 1
            case .budget, .actual: return 0.9
            default: return 0.5
            }
        }
        switch s {
        // 实际完成, 完成 and an unmarked figure are the same actual figure; the
        // report's first statement of it (reading order) wins.
        case .actual: return 1
        case .adjusted: return 0.5
        case .budget, .planned: return 0.3
        case nil: return 0.4
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
        if parts.isEmpty, alt.relation == "含", alt.parentRelation != best.parentRelation {
            parts.append("含于" + (alt.parentRelation ?? "未注明阶段"))
        }
        if parts.isEmpty, alt.section != best.section, let last = alt.section.split(separator: "›").last.map({ String($0).trimmingSpaces }) {
            parts.append(last)
        }
        if parts.isEmpty { parts.append("另见") }
        return parts.joined(separator: " · ")
    }
}
