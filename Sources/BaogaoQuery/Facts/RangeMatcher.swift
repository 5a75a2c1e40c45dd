import BaogaoAnalysis
import BaogaoIndex

/// Whether a number fact satisfies a range of the query (`>1亿`, `增长>5%`).
///
/// A change word in the range names a direction: `增长>5%` accepts the facts the
/// extractor read as a rise (`FactRelation`: 增长, 同比增长, 增幅, 超收 …); `下降>10%`
/// those read as a fall (下降, 同比下降, 减少 …) and compares the size of the fall
/// (facts store a decrease as a negative change, so −32.3 satisfies `下降>10%`).
/// Any other relation word (占, 为预算的) must appear in the fact's relation.
/// Without a relation, the value is compared as stored.
///
/// A label in the range (`支出` of `支出>1亿`) must be contained in the fact's label,
/// both folded (with `fold`, the analyzer's folding), decided once per label string.
///
/// A matcher is prepared per range and segment: a fact's kind, unit and
/// relation are decided once per attribute id (facts sharing one agree on all
/// three), and that verdict from ones kept per unit and per relation string —
/// there are tens of thousands of attributes but only hundreds of such strings,
/// and comparing strings is what costs. Scanning a million facts touches no strings.
struct RangeMatcher {
    static let increase = FactRelation.increaseWords
    static let decrease = FactRelation.decreaseWords

    /// The direction a range's relation word asks for, if it is a change word.
    enum Direction { case up, down }

    static func direction(_ relation: String) -> Direction? {
        if increase.contains(where: { relation.contains($0) }) { return .up }
        if decrease.contains(where: { relation.contains($0) }) { return .down }
        return nil
    }

    private let range: NumberRange
    private let facts: FactsTable
    private let direction: Direction?
    private let negate: Bool
    // -1 undecided, 0 no, 1 yes; by attribute id, by kind code × stringCount + unit id, by relation id.
    private var accepted: [Int8]
    private var unitOK: [Int8]
    private var relationOK: [Int8]
    private var labelOK: [Int8]
    private let fold: (String) -> String

    init(_ range: NumberRange, _ facts: FactsTable, fold: @escaping (String) -> String = { $0 }) {
        self.range = range
        self.facts = facts
        self.fold = fold
        labelOK = [Int8](repeating: -1, count: range.label == nil ? 0 : facts.stringCount)
        direction = range.relation.flatMap(Self.direction)
        negate = direction == .down
        accepted = [Int8](repeating: -1, count: facts.attributeCount)
        unitOK = [Int8](repeating: -1, count: FactsTable.kindCount * facts.stringCount)
        relationOK = [Int8](repeating: -1, count: range.relation == nil ? 0 : facts.stringCount)
    }

    /// Whether fact `i` satisfies one of `matchers` (any fact, when there are none).
    static func any(_ matchers: inout [RangeMatcher], _ i: Int) -> Bool {
        guard !matchers.isEmpty else { return true }
        for m in matchers.indices where matchers[m].matches(i) { return true }
        return false
    }

    mutating func matches(_ i: Int) -> Bool {
        let a = facts.attributeID(i)
        if accepted[a] < 0 { accepted[a] = accepts(attribute: a) ? 1 : 0 }
        guard accepted[a] == 1 else { return false }
        if let label = range.label {
            let id = facts.labelID(i)
            if labelOK[id] < 0 { labelOK[id] = facts.string(id: id).map { fold($0).contains(label) } == true ? 1 : 0 }
            guard labelOK[id] == 1 else { return false }
        }
        let value = facts.value(i)
        return range.contains(negate ? -value : value)
    }

    /// Whether facts with attribute `a` can match at all: kind and unit, then the relation.
    private mutating func accepts(attribute a: Int) -> Bool {
        let slot = facts.kindCode(attribute: a) * facts.stringCount + facts.unitID(attribute: a)
        if unitOK[slot] < 0 {
            let kind = NumberKind(rawValue: facts.kind(attribute: a).rawValue)
            unitOK[slot] = kind.map { range.accepts(kind: $0, unit: facts.unit(attribute: a)) } == true ? 1 : 0
        }
        guard unitOK[slot] == 1 else { return false }
        guard range.relation != nil else { return true }
        switch direction {
        case .up: return facts.relationKind(attribute: a).isIncrease
        case .down: return facts.relationKind(attribute: a).isDecrease
        case nil: break
        }
        let r = facts.relationID(attribute: a)
        if relationOK[r] < 0 { relationOK[r] = acceptsRelation(r) ? 1 : 0 }
        return relationOK[r] == 1
    }

    private func acceptsRelation(_ id: Int) -> Bool {
        guard let wanted = range.relation, id != 0, let relation = facts.string(id: id) else { return false }
        return relation.contains(wanted)
    }
}
