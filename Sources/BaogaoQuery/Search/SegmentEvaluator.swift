import BaogaoAnalysis
import BaogaoIndex

/// Evaluates a query tree over one segment into the set of matching documents,
/// remembering each term's own matches for scoring and highlighting.
struct SegmentEvaluator {
    let matcher: SubstringMatcher
    let mask: FilterMask
    let analyzer: Analyzer
    /// Each term's matches in this segment, by pattern: every match of a CJK
    /// run found from the index alone; of text verified against the text (other
    /// text, a CJK run split by marks), only those the mask allows (only allowed
    /// documents can be results).
    private(set) var termMatches: [TermPattern: DocSet] = [:]

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
        case .term, .phrase:
            guard let pattern = TermPattern(node) else { return DocSet() }
            return try term(pattern)
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
                positives.append(try rangeMatches(first))
                ranges.removeFirst()
            }
            var result = positives.first ?? mask.all()
            for p in positives.dropFirst() { result = result.intersecting(p) }
            for r in ranges { result = try rangeMatches(r, among: result) }
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
            return try rangeMatches(range)
        }
    }

    /// Paragraphs holding at least one fact in the range; the count is how many.
    private func rangeMatches(_ range: NumberRange) throws(SearchError) -> DocSet {
        let facts = try SearchError.reading { () throws(IndexError) in try self.matcher.segment.facts }
        var matcher = RangeMatcher(range, facts, fold: { analyzer.normalize($0).string })
        var out = DocSet()
        for i in 0..<facts.count where matcher.matches(i) {
            let d = UInt32(facts.doc(i))
            if out.docs.last == d { out.counts[out.counts.count - 1] += 1 } else { out.append(d, 1) }
        }
        return out
    }

    /// The documents of `docs` holding a fact in the range.
    private func rangeMatches(_ range: NumberRange, among docs: DocSet) throws(SearchError) -> DocSet {
        let facts = try SearchError.reading { () throws(IndexError) in try self.matcher.segment.facts }
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

    private mutating func term(_ pattern: TermPattern) throws(SearchError) -> DocSet {
        if let known = termMatches[pattern] { return known }
        let result: DocSet
        // Documents the filters rule out are not verified: their text is never read.
        let mask = self.mask
        let allowed: ((UInt32) -> Bool)? = mask.allowsEverything ? nil : { mask.allows($0) }
        result = try matcher.match(pattern, allowed: allowed)
        termMatches[pattern] = result
        return result
    }

    /// Documents where the two terms occur within `distance` characters of each
    /// other (between the end of one and the start of the other, either order).
    private mutating func near(_ a: QueryNode, _ b: QueryNode, distance: Int) throws(SearchError) -> DocSet {
        guard let x = TermPattern(a), let y = TermPattern(b) else { return DocSet() }
        let both = try term(x).intersecting(try term(y))
        var reader = matcher.segment.textReader()
        var out = DocSet()
        for d in both.docs where mask.allows(d) {
            let text: String
            do { text = try reader.text(Int(d)) } catch { throw .index(error) }
            let scalars = analyzer.normalize(text).scalars
            let n = Proximity.pairs(x.ranges(in: scalars), y.ranges(in: scalars), within: distance)
            if n > 0 { out.append(d, UInt32(n)) }
        }
        return out
    }
}

enum Proximity {
    /// The number of (occurrence of a, occurrence of b) pairs with at most
    /// `within` characters between them; each list ascending, by start and so
    /// by end (a later match of a term also ends later, marks or not). The
    /// occurrences of b near one of a are those ending at or after
    /// `a.lowerBound - within` and starting at or before `a.upperBound + within`;
    /// that window only moves right as a does, so two pointers count every
    /// pair in one pass.
    static func pairs(_ xs: [Range<Int>], _ ys: [Range<Int>], within: Int) -> Int {
        var n = 0
        var lo = 0
        var hi = 0
        for a in xs {
            while lo < ys.count && ys[lo].upperBound < a.lowerBound - within { lo += 1 }
            hi = max(hi, lo)
            while hi < ys.count && ys[hi].lowerBound <= a.upperBound + within { hi += 1 }
            n += hi - lo
        }
        return n
    }

    /// Characters between two ranges; 0 when they touch or overlap.
    static func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if b.lowerBound >= a.upperBound { return b.lowerBound - a.upperBound }
        if a.lowerBound >= b.upperBound { return a.lowerBound - b.upperBound }
        return 0
    }

    /// The smallest gap between any occurrence of one term and any of another, or nil.
    /// For each a, the closest b are the last one starting at or before it and
    /// the first one after it: one merge of the two sorted lists.
    static func closest(_ xs: [Range<Int>], _ ys: [Range<Int>]) -> Int? {
        guard !ys.isEmpty else { return nil }
        var best: Int?
        var j = 0
        for a in xs {
            while j + 1 < ys.count && ys[j + 1].lowerBound <= a.lowerBound { j += 1 }
            for b in ys[j..<min(j + 2, ys.count)] {
                let g = gap(a, b)
                best = min(best ?? g, g)
            }
        }
        return best
    }
}
