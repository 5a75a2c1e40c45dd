import BaogaoAnalysis
import BaogaoIndex
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
extension Searcher {
    public func facts(_ text: String, limit: Int = 20, offset: Int = 0) throws(SearchError) -> FactsResult {
        let start = DispatchTime.now()
        let query = try parse(text)
        return try facts(query, limit: limit, offset: offset, start: start)
    }

    public func facts(_ query: Query, limit: Int = 20, offset: Int = 0,
                      start: DispatchTime = .now()) throws(SearchError) -> FactsResult {
        let refs = try allMatches(query)
        let ranges = query.root?.positiveRanges ?? []
        let terms = Array(Set((query.root?.positiveTerms ?? []).map(\.folded).filter { !$0.isEmpty }))
        var bySegment: [Int: [Int]] = [:]
        for r in refs { bySegment[r.segment, default: []].append(r.doc) }
        let want = max(0, offset) + max(0, limit)

        let ordered: Result<(page: [FactCandidate], total: Int), SearchError> = analyzers.with { analyzer in
            do throws(SearchError) {
                var labelled: [FactCandidate] = [], rest: [FactCandidate] = []
                for (s, docs) in bySegment.sorted(by: { $0.key < $1.key }) {
                    collect(s, docs: docs, ranges: ranges, terms: terms, analyzer: analyzer,
                            labelled: &labelled, rest: &rest)
                }
                let before = FactCandidate.order(byValue: !ranges.isEmpty)
                labelled.sort(by: before)
                rest.sort(by: before)
                guard !terms.isEmpty, want > labelled.count else {
                    return .success((Array((labelled + rest).prefix(want)), labelled.count + rest.count))
                }
                // Classify the rest by sentence, best first, until the page is full.
                var sentences = SentenceChecker(index: index, analyzer: analyzer, terms: terms)
                var inSentence: [FactCandidate] = [], elsewhere: [FactCandidate] = []
                for var c in rest {
                    if labelled.count + inSentence.count >= want { break }
                    if try sentences.contains(c) { c.tier = 1; inSentence.append(c) } else { elsewhere.append(c) }
                }
                let classified = inSentence.count + elsewhere.count
                let page = labelled + inSentence + (classified == rest.count ? elsewhere : [])
                return .success((Array(page.prefix(want)), labelled.count + rest.count))
            } catch {
                return .failure(error)
            }
        }
        let (page, total) = try ordered.get()
        var hits: [FactHit] = []
        for c in page.dropFirst(max(0, offset)) {
            let segment = index.segments[c.segment]
            let paragraph: IndexedParagraph
            do { paragraph = try index.paragraph(segment: c.segment, doc: segment.facts.doc(c.fact)) } catch { throw .index(error) }
            hits.append(FactHit(fact: segment.facts.fact(c.fact, paragraphText: paragraph.text), paragraph: paragraph, tier: c.tier))
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return FactsResult(query: query.text, total: total, tookMs: took, offset: offset, limit: limit, facts: hits)
    }

    /// The facts of `docs` (ascending) in segment `s` that satisfy a range, split
    /// into those whose label holds every term and the rest.
    private func collect(_ s: Int, docs: [Int], ranges: [NumberRange], terms: [String], analyzer: Analyzer,
                         labelled: inout [FactCandidate], rest: inout [FactCandidate]) {
        let facts = index.segments[s].facts
        var matchers = ranges.map { RangeMatcher($0, facts) }
        var labelHolds = [Int8](repeating: -1, count: terms.isEmpty ? 0 : facts.stringCount)
        var i = 0
        for d in docs {
            while i < facts.count, facts.doc(i) < d { i += 1 }
            while i < facts.count, facts.doc(i) == d {
                defer { i += 1 }
                if !matchers.isEmpty {
                    var any = false
                    for k in matchers.indices where matchers[k].matches(i) { any = true; break }
                    guard any else { continue }
                }
                let c = FactCandidate(tier: 2, value: facts.value(i), segment: s, fact: i)
                guard !terms.isEmpty else { labelled.append(c); continue }
                let id = facts.labelID(i)
                if labelHolds[id] < 0 {
                    let label = analyzer.normalize(facts.string(id: id) ?? "").string
                    labelHolds[id] = id != 0 && terms.allSatisfy { label.contains($0) } ? 1 : 0
                }
                if labelHolds[id] == 1 {
                    labelled.append(FactCandidate(tier: 0, value: c.value, segment: s, fact: i))
                } else {
                    rest.append(c)
                }
            }
        }
    }
}

struct FactCandidate {
    var tier: Int
    var value: Double
    var segment: Int
    var fact: Int

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
    static let ends: Set<Unicode.Scalar> = ["。", "；", "！", "？", ";", "!", "?"]

    let index: IndexReader
    let analyzer: Analyzer
    let terms: [[Unicode.Scalar]]
    private var texts: [IndexedParagraphRef: NormalizedText] = [:]

    init(index: IndexReader, analyzer: Analyzer, terms: [String]) {
        self.index = index
        self.analyzer = analyzer
        self.terms = terms.map { Array($0.unicodeScalars) }
    }

    mutating func contains(_ c: FactCandidate) throws(SearchError) -> Bool {
        let facts = index.segments[c.segment].facts
        let ref = IndexedParagraphRef(segment: c.segment, doc: facts.doc(c.fact))
        let text: NormalizedText
        if let known = texts[ref] {
            text = known
        } else {
            do { text = analyzer.normalize(try index.paragraph(segment: ref.segment, doc: ref.doc).text) } catch { throw .index(error) }
            texts[ref] = text
        }
        // The fact's offsets are in the original text: find the normalised scalars
        // that came from them (the offset map is non-decreasing).
        let map = text.originalOffsets
        func normalized(_ original: Int) -> Int {
            var lo = 0, hi = text.count
            while lo < hi { let m = (lo + hi) / 2; if Int(map[m]) < original { lo = m + 1 } else { hi = m } }
            return lo
        }
        let scalars = text.scalars
        var lo = normalized(facts.start(c.fact))
        while lo > 0, !Self.ends.contains(scalars[lo - 1]) { lo -= 1 }
        var hi = max(lo, normalized(facts.end(c.fact)))
        while hi < scalars.count, !Self.ends.contains(scalars[hi]) { hi += 1 }
        let sentence = Array(scalars[lo..<hi])
        return terms.allSatisfy { !Occurrences.starts(of: $0, in: sentence).isEmpty }
    }
}
