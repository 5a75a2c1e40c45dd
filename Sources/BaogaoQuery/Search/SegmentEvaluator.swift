import BaogaoAnalysis
import BaogaoIndex

/// Evaluates a query tree over one segment into the set of matching documents,
/// remembering each term's own matches for scoring and highlighting.
struct SegmentEvaluator {
    let matcher: SubstringMatcher
    let mask: FilterMask
    let analyzer: Analyzer
    /// Each term's matches in this segment, by folded text: every match of a CJK
    /// run; of other text, only those the mask allows (they are verified against the
    /// text, and only allowed documents can be results).
    private(set) var termMatches: [String: DocSet] = [:]

    init(matcher: SubstringMatcher, mask: FilterMask, analyzer: Analyzer) {
        self.matcher = matcher
        self.mask = mask
        self.analyzer = analyzer
    }

    /// The documents matching `root` that the mask allows (all allowed ones when nil).
    mutating func evaluate(_ root: QueryNode?) throws(SearchError) -> DocSet {
        guard let root else { return mask.all() }
        let matches = try evaluate(root)
        return mask.allowsEverything ? matches : matches.filter(mask.allows)
    }

    private mutating func evaluate(_ node: QueryNode) throws(SearchError) -> DocSet {
        switch node {
        case .term(let t), .phrase(let t):
            return try term(t.folded)
        case .and(let children):
            var positives: [DocSet] = []
            var negatives: [DocSet] = []
            var ranges: [NumberRange] = []
            for child in children {
                switch child {
                case .not(let inner): negatives.append(try evaluate(inner))
                case .range(let r): ranges.append(r)
                default: positives.append(try evaluate(child))
                }
            }
            positives.sort { $0.count < $1.count }
            // A range beside other conditions is checked only on their documents,
            // not by scanning every fact of the segment.
            if positives.isEmpty, let first = ranges.first {
                positives.append(rangeMatches(first))
                ranges.removeFirst()
            }
            var result = positives.first ?? mask.all()
            for p in positives.dropFirst() { result = result.intersecting(p) }
            for r in ranges { result = rangeMatches(r, among: result) }
            for n in negatives { result = result.subtracting(n) }
            return result
        case .or(let children):
            var result = DocSet()
            for child in children { result = result.union(try evaluate(child)) }
            return result
        case .not(let inner):
            return mask.all().subtracting(try evaluate(inner))
        case .near(let a, let b, let distance):
            return try near(a, b, distance: distance)
        case .range(let range):
            return rangeMatches(range)
        }
    }

    /// Paragraphs holding at least one fact in the range; the count is how many.
    private func rangeMatches(_ range: NumberRange) -> DocSet {
        let facts = matcher.segment.facts
        var matcher = RangeMatcher(range, facts, fold: { analyzer.normalize($0).string })
        var out = DocSet()
        for i in 0..<facts.count where matcher.matches(i) {
            let d = UInt32(facts.doc(i))
            if out.docs.last == d { out.counts[out.counts.count - 1] += 1 } else { out.append(d, 1) }
        }
        return out
    }

    /// The documents of `docs` holding a fact in the range.
    private func rangeMatches(_ range: NumberRange, among docs: DocSet) -> DocSet {
        let facts = matcher.segment.facts
        var matcher = RangeMatcher(range, facts, fold: { analyzer.normalize($0).string })
        var out = DocSet()
        for d in docs.docs {
            var n: UInt32 = 0
            let own = facts.facts(ofDoc: Int(d))
            for i in own where matcher.matches(i) { n += 1 }
            if n > 0 { out.append(d, n) }
        }
        return out
    }

    private mutating func term(_ folded: String) throws(SearchError) -> DocSet {
        if let known = termMatches[folded] { return known }
        let result: DocSet
        // Documents the filters rule out are not verified: their text is never read.
        let mask = self.mask
        let allowed: ((UInt32) -> Bool)? = mask.allowsEverything ? nil : { mask.allows($0) }
        result = try matcher.match(Array(folded.unicodeScalars), allowed: allowed)
        termMatches[folded] = result
        return result
    }

    private static func text(of node: QueryNode) -> String? {
        switch node {
        case .term(let t), .phrase(let t): return t.folded
        default: return nil
        }
    }

    /// Documents where the two terms occur within `distance` characters of each
    /// other (between the end of one and the start of the other, either order).
    private mutating func near(_ a: QueryNode, _ b: QueryNode, distance: Int) throws(SearchError) -> DocSet {
        guard let x = Self.text(of: a), let y = Self.text(of: b) else { return DocSet() }
        let both = try term(x).intersecting(try term(y))
        let xs = Array(x.unicodeScalars)
        let ys = Array(y.unicodeScalars)
        var reader = matcher.segment.textReader()
        var out = DocSet()
        for d in both.docs where mask.allows(d) {
            let text: String
            do { text = try reader.text(Int(d)) } catch { throw .index(error) }
            let scalars = analyzer.normalize(text).scalars
            let n = Proximity.pairs(xs, ys, in: scalars, within: distance)
            if n > 0 { out.append(d, UInt32(n)) }
        }
        return out
    }
}

enum Proximity {
    /// The number of (occurrence of a, occurrence of b) pairs with at most
    /// `within` characters between them. The occurrences of b near an occurrence p
    /// of a are those starting in [p - |b| - within, p + |a| + within]; that window
    /// only moves right as p does, so two pointers count every pair in one pass.
    static func pairs(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], in text: [Unicode.Scalar], within: Int) -> Int {
        let xs = Occurrences.starts(of: a, in: text)
        let ys = Occurrences.starts(of: b, in: text)
        var n = 0
        var lo = 0
        var hi = 0
        for p in xs {
            while lo < ys.count && ys[lo] < p - b.count - within { lo += 1 }
            hi = max(hi, lo)
            while hi < ys.count && ys[hi] <= p + a.count + within { hi += 1 }
            n += hi - lo
        }
        return n
    }

    /// Characters between two ranges; 0 when they touch or overlap.
    static func gap(_ p: Int, _ pLength: Int, _ q: Int, _ qLength: Int) -> Int {
        if q >= p + pLength { return q - (p + pLength) }
        if p >= q + qLength { return p - (q + qLength) }
        return 0
    }

    /// The smallest gap between any occurrence of one string and any of another, or nil.
    /// For each p, the closest b starts are the last one at or before p and the
    /// first one after it: one merge of the two sorted lists.
    static func closest(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        let x = Occurrences.starts(of: a, in: text)
        let y = Occurrences.starts(of: b, in: text)
        guard !y.isEmpty else { return nil }
        var best: Int?
        var j = 0
        for p in x {
            while j + 1 < y.count && y[j + 1] <= p { j += 1 }
            for q in y[j..<min(j + 2, y.count)] {
                let g = gap(p, a.count, q, b.count)
                best = min(best ?? g, g)
            }
        }
        return best
    }
}
