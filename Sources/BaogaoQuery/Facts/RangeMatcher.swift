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
///
/// A matcher is prepared per range and segment: units and relations are decided
/// once per distinct string id, so scanning a million facts touches no strings.
struct RangeMatcher {
    static let increase = ["增长", "增加", "增幅", "提高", "上升", "多收", "超收"]
    static let decrease = ["下降", "减少", "降幅", "降低", "回落", "下滑", "减收", "短收"]

    static func family(_ relation: String) -> [String]? {
        if increase.contains(where: { relation.contains($0) }) { return increase }
        if decrease.contains(where: { relation.contains($0) }) { return decrease }
        return nil
    }

    private let range: NumberRange
    private let facts: FactsTable
    private let family: [String]?
    private let negate: Bool
    // -1 undecided, 0 no, 1 yes; indexed by kind code × stringCount + unit id, and by relation id.
    private var unitOK: [Int8]
    private var relationOK: [Int8]

    init(_ range: NumberRange, _ facts: FactsTable) {
        self.range = range
        self.facts = facts
        family = range.relation.flatMap(Self.family)
        negate = family == Self.decrease
        unitOK = [Int8](repeating: -1, count: 4 * facts.stringCount)
        relationOK = [Int8](repeating: -1, count: range.relation == nil ? 0 : facts.stringCount)
    }

    mutating func matches(_ i: Int) -> Bool {
        let kind = facts.kindCode(i)
        let slot = kind * facts.stringCount + facts.unitID(i)
        if unitOK[slot] < 0 {
            let k = NumberKind(rawValue: facts.kind(i).rawValue)
            unitOK[slot] = k.map { range.accepts(kind: $0, unit: facts.unit(i)) } == true ? 1 : 0
        }
        guard unitOK[slot] == 1 else { return false }
        var value = facts.value(i)
        if let wanted = range.relation {
            let r = facts.relationID(i)
            if relationOK[r] < 0 {
                let relation = facts.string(id: r) ?? ""
                let ok: Bool
                if r == 0 { ok = false } else if let words = family { ok = words.contains { relation.contains($0) } } else { ok = relation.contains(wanted) }
                relationOK[r] = ok ? 1 : 0
            }
            guard relationOK[r] == 1 else { return false }
            if negate { value = -value }
        }
        return range.contains(value)
    }
}
