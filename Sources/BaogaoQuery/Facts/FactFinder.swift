import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest
import Dispatch

/// Lists number facts: those of the paragraphs a query matches that satisfy the
/// query's ranges.
///
/// Order: when the query has terms, facts whose label contains them all come
/// first (tier 0), then facts whose sentence does (tier 1), then the other facts
/// of the matching paragraphs (tier 2). Within a tier, by value, largest first,
/// when the query has a range, else in reading order.
///
/// Labels are checked once per distinct label; sentences — which need the
/// paragraph's text — only as far as the requested page reaches past tier 0, in
/// value order, so a first page of label matches reads no text at all.
public struct FactFinder: SearcherFeature {
    let searcher: Searcher

    public init(_ searcher: Searcher) { self.searcher = searcher }

    public func facts(_ text: String, limit: Int = 20, offset: Int = 0) throws(SearchError) -> FactsResult {
        let start = DispatchTime.now()
        let query = try searcher.parse(text)
        return try facts(query, limit: limit, offset: offset, start: start)
    }

    public func facts(
        _ query: Query, limit: Int = 20, offset: Int = 0,
        start: DispatchTime = .now()
    ) throws(SearchError) -> FactsResult {
        try facts(query, limit: limit, offset: offset, start: start, matches: nil)
    }

    /// `matches`: the query's matching paragraphs when the caller has them already.
    func facts(
        _ query: Query, limit: Int, offset: Int, start: DispatchTime,
        matches: [IndexedParagraphRef]?
    ) throws(SearchError) -> FactsResult {
        let refs: [IndexedParagraphRef]
        if let matches { refs = matches } else { refs = try searcher.allMatches(query) }
        // (`labelled` may come back trimmed to the page by `FactCandidate.best`; its
        // first element remembers how many there were, for the total.)
        let ranges = query.root?.positiveRanges ?? []
        // Matched as the search matched them: a bare term across inline marks.
        let terms = Array(Set((query.root?.positivePatterns ?? []).filter { !$0.isEmpty }))
        let want = max(0, offset) + max(0, limit)
        try deadline.check()

        if terms.isEmpty {
            let (page, total) = try bestInRange(refs, ranges: ranges, want: want)
            return try result(query, page: page, total: total, limit: limit, offset: offset, start: start)
        }
        // The segments' facts side by side, each with its own analyzer for the labels.
        let parts = try SegmentFanOut.map(refs, parallel: searcher.fansOut) { (s, refs) throws(SearchError) in
            let facts = try SearchError.reading { () throws(IndexError) in try self.index.segments[s].facts }
            return self.snapshot.analyzers.with { analyzer in
                self.collect(s, facts, refs, ranges: ranges, terms: terms, analyzer: analyzer)
            }
        }
        let ordered: Result<(page: [FactCandidate], total: Int), SearchError> = snapshot.analyzers.with { analyzer in
            do throws(SearchError) {
                var labelled = parts.flatMap(\.labelled)
                let rest = parts.flatMap(\.rest)
                let before = FactCandidate.order(byValue: !ranges.isEmpty)
                labelled = FactCandidate.best(labelled, want, by: before)
                let total = labelledCount(labelled) + rest.count
                guard want > labelled.count else { return .success((Array(labelled.prefix(want)), total)) }
                // Classify the rest by sentence, best first, until the page is full:
                // usually a short prefix of it, so that prefix is ordered first and
                // the whole only when the page reaches past it.
                var sentences = SentenceChecker(index: index, analyzer: analyzer, terms: terms)
                var inSentence: [FactCandidate] = []
                var elsewhere: [FactCandidate] = []
                var byRank = FactCandidate.best(rest, min(rest.count, 4 * want), by: before)
                var next = 0
                while labelled.count + inSentence.count < want {
                    if next == byRank.count {
                        guard byRank.count < rest.count else { break }
                        byRank = rest.sorted(by: before)
                    }
                    var c = byRank[next]
                    next += 1
                    if try sentences.contains(c) {
                        c.tier = 1
                        inSentence.append(c)
                    } else {
                        elsewhere.append(c)
                    }
                }
                let classified = inSentence.count + elsewhere.count
                let page = labelled + inSentence + (classified == rest.count ? elsewhere : [])
                return .success((Array(page.prefix(want)), total))
            } catch {
                return .failure(error)
            }
        }
        let (page, total) = try ordered.get()
        try deadline.check()
        return try result(query, page: page, total: total, limit: limit, offset: offset, start: start)
    }

    /// Without terms every fact in range is of one tier (2: no term to find in
    /// its label or sentence), so each segment keeps its best `want` in a bounded
    /// heap and counts the rest, the segments side by side. A bare `>1亿` matches
    /// a hundred thousand facts for a page of twenty.
    private func bestInRange(
        _ refs: [IndexedParagraphRef], ranges: [NumberRange],
        want: Int
    ) throws(SearchError) -> (page: [FactCandidate], total: Int) {
        let byValue = !ranges.isEmpty
        let kept = try SegmentFanOut.map(refs, parallel: searcher.fansOut) { (s, refs) throws(SearchError) in
            let facts = try SearchError.reading { () throws(IndexError) in try self.index.segments[s].facts }
            // An analyzer for the whole scan: a range's label is folded as the facts' labels are.
            return self.snapshot.analyzers.with { analyzer in
                var matchers = ranges.map { RangeMatcher($0, facts, fold: { analyzer.normalize($0).string }) }
                var heap = TopHeap(capacity: want, before: FactCandidate.order(byValue: byValue))
                var count = 0
                for ref in refs {
                    for i in facts.facts(ofDoc: ref.doc) where RangeMatcher.any(&matchers, i) {
                        count += 1
                        heap.offer(FactCandidate(tier: 2, value: facts.value(i), segment: s, fact: i))
                    }
                }
                return (best: heap.sorted(), count: count)
            }
        }
        var heap = TopHeap(capacity: want, before: FactCandidate.order(byValue: byValue))
        for segment in kept { for c in segment.best { heap.offer(c) } }
        return (heap.sorted(), kept.reduce(0) { $0 + $1.count })
    }

    private func result(
        _ query: Query, page: [FactCandidate], total: Int, limit: Int, offset: Int,
        start: DispatchTime
    ) throws(SearchError) -> FactsResult {
        var hits: [FactHit] = []
        for c in page.dropFirst(max(0, offset)) {
            let (facts, paragraph) = try SearchError.reading { () throws(IndexError) in
                let facts = try index.segments[c.segment].facts
                return (facts, try index.paragraph(segment: c.segment, doc: facts.doc(c.fact)))
            }
            hits.append(FactHit(fact: facts.fact(c.fact, paragraphText: paragraph.text), paragraph: paragraph, tier: c.tier))
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return FactsResult(
            query: query.text, total: total, tookMs: took, offset: offset, limit: limit, facts: hits,
            hint: total == 0 ? Self.relationHint(query) : nil)
    }

    private func labelledCount(_ labelled: [FactCandidate]) -> Int {
        max(labelled.count, labelled.first?.seen ?? 0)
    }

    /// The facts of the paragraphs `refs` in segment `s` that satisfy a range, split
    /// into those whose label holds every term (there is at least one) and the rest.
    private func collect(
        _ s: Int, _ facts: FactsTable, _ refs: [IndexedParagraphRef], ranges: [NumberRange], terms: [TermPattern],
        analyzer: Analyzer
    ) -> (labelled: [FactCandidate], rest: [FactCandidate]) {
        var labelled: [FactCandidate] = []
        var rest: [FactCandidate] = []
        var matchers = ranges.map { RangeMatcher($0, facts, fold: { analyzer.normalize($0).string }) }
        var labelHolds = [Int8](repeating: -1, count: facts.stringCount)
        for ref in refs {
            for i in facts.facts(ofDoc: ref.doc) where RangeMatcher.any(&matchers, i) {
                let c = FactCandidate(tier: 2, value: facts.value(i), segment: s, fact: i)
                let id = facts.labelID(i)
                if labelHolds[id] < 0 {
                    let label = analyzer.normalize(facts.string(id: id) ?? "").scalars
                    labelHolds[id] = id != 0 && terms.allSatisfy { $0.occurs(in: label) } ? 1 : 0
                }
                if labelHolds[id] == 1 {
                    labelled.append(FactCandidate(tier: 0, value: c.value, segment: s, fact: i))
                } else {
                    rest.append(c)
                }
            }
        }
        return (labelled, rest)
    }
}

struct FactCandidate {
    /// How many candidates `best` looked at before keeping the best ones.
    var seen = 1
    var tier: Int
    var value: Double
    var segment: Int
    var fact: Int

    /// The first `k` of `all` in `order`, without sorting all of them (a bare
    /// range can match a hundred thousand facts for a page of twenty). The first
    /// element's `seen` keeps the count of `all`.
    static func best(
        _ all: [FactCandidate], _ k: Int, by order: @escaping (FactCandidate, FactCandidate) -> Bool
    ) -> [FactCandidate] {
        guard all.count > 4 * k else { return all.sorted(by: order) }
        var heap = TopHeap(capacity: k, before: order)
        for c in all { heap.offer(c) }
        var kept = heap.sorted()
        if !kept.isEmpty { kept[0].seen = all.count }
        return kept
    }

    static func order(byValue: Bool) -> (FactCandidate, FactCandidate) -> Bool {
        { a, b in
            if byValue, a.value != b.value { return a.value > b.value }
            return (a.segment, a.fact) < (b.segment, b.fact)
        }
    }
}

/// Whether a fact's sentence (from the last 。；！？ before it to the next one
/// after it) holds every term, reading each paragraph's text once.
struct SentenceChecker {
    let index: IndexReader
    let analyzer: Analyzer
    let terms: [TermPattern]
    private var texts: [IndexedParagraphRef: NormalizedText] = [:]

    init(index: IndexReader, analyzer: Analyzer, terms: [TermPattern]) {
        self.index = index
        self.analyzer = analyzer
        self.terms = terms
    }

    mutating func contains(_ c: FactCandidate) throws(SearchError) -> Bool {
        let facts = try SearchError.reading { () throws(IndexError) in try index.segments[c.segment].facts }
        let ref = IndexedParagraphRef(segment: c.segment, doc: facts.doc(c.fact))
        let text: NormalizedText
        if let known = texts[ref] {
            text = known
        } else {
            do { text = analyzer.normalize(try index.paragraph(segment: ref.segment, doc: ref.doc).text) } catch {
                throw .index(error)
            }
            texts[ref] = text
        }
        // The fact's offsets are in the original text: find the normalised scalars
        // that came from them (the offset map is non-decreasing).
        let map = text.originalOffsets
        func normalized(_ original: Int) -> Int {
            var lo = 0
            var hi = text.count
            while lo < hi {
                let m = (lo + hi) / 2
                if Int(map[m]) < original { lo = m + 1 } else { hi = m }
            }
            return lo
        }
        let scalars = text.scalars
        var lo = normalized(facts.start(c.fact))
        while lo > 0, !SentenceBoundaries.endsStatement(scalars[lo - 1]) { lo -= 1 }
        var hi = max(lo, normalized(facts.end(c.fact)))
        while hi < scalars.count, !SentenceBoundaries.endsStatement(scalars[hi]) { hi += 1 }
        let sentence = Array(scalars[lo..<hi])
        return terms.allSatisfy { $0.occurs(in: sentence) }
    }
}

/// A bounded heap keeping the best `capacity` elements under `before`.
struct TopHeap<T> {
    let capacity: Int
    let before: (T, T) -> Bool
    private var heap: [T] = []

    init(capacity: Int, before: @escaping (T, T) -> Bool) {
        self.capacity = capacity
        self.before = before
    }

    mutating func offer(_ x: T) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(x)
            var i = heap.count - 1
            while i > 0, before(heap[(i - 1) / 2], heap[i]) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        } else if before(x, heap[0]) {
            heap[0] = x
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < heap.count, before(heap[m], heap[l]) { m = l }
                if r < heap.count, before(heap[m], heap[r]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    func sorted() -> [T] { heap.sorted(by: before) }
}

extension FactFinder {
    /// Text glued to a range is a label unless it is a relation word; `同比>5%` or
    /// `比上年>5%` is the start of one (同比增长, 比上年下降), and as a label it
    /// matches nothing. The hint names the relations it begins.
    static func relationHint(_ query: Query) -> String? {
        for range in query.root?.positiveRanges ?? [] {
            guard range.relation == nil, let label = range.label, !label.isEmpty else { continue }
            let completions = RelationWords.all.filter { $0.hasPrefix(label) && $0 != label }
            guard !completions.isEmpty else { continue }
            // The comparison as typed: from the first sign or digit after the glued text.
            let bound = range.original.drop { !"<>=≥≤＜＞＝0123456789.".contains($0) }
            let examples = completions.prefix(2).map { $0 + bound }.joined(separator: " or ")
            return "\(label) begins a relation, and as a label matches nothing: write \(examples)"
        }
        return nil
    }
}
