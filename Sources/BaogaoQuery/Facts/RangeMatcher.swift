import BaogaoAnalysis
import BaogaoIndex

/// Whether a number fact satisfies a range of the query (`>1亿`, `增长>5%`).
///
/// A relation in the range names a family of relation words: `增长>5%` accepts
/// facts whose relation is 增长, 同比增长, 增幅 …; `下降>10%` accepts 下降,
/// 同比下降, 减少 … and compares the size of the fall (facts store a decrease as
/// a negative change, so −32.3 satisfies `下降>10%`). Any other relation word
/// (占, 为预算的) must appear in the fact's relation. Without a relation, the
/// value is compared as stored.
enum RangeMatcher {
    static let increase = ["增长", "增加", "增幅", "提高", "上升", "多收", "超收"]
    static let decrease = ["下降", "减少", "降幅", "降低", "回落", "下滑", "减收", "短收"]

    static func family(_ relation: String) -> [String]? {
        if increase.contains(where: { relation.contains($0) }) { return increase }
        if decrease.contains(where: { relation.contains($0) }) { return decrease }
        return nil
    }

    static func matches(_ range: NumberRange, _ facts: FactsTable, _ i: Int) -> Bool {
        guard let kind = NumberKind(rawValue: facts.kind(i).rawValue),
              range.accepts(kind: kind, unit: facts.unit(i)) else { return false }
        var value = facts.value(i)
        if let wanted = range.relation {
            guard let relation = facts.relation(i) else { return false }
            if let words = family(wanted) {
                guard words.contains(where: { relation.contains($0) }) else { return false }
                if words == decrease { value = -value }
            } else if !relation.contains(wanted) {
                return false
            }
        }
        return range.contains(value)
    }
}
