import BaogaoAnalysis
import BaogaoIndex
import Dispatch
import Synchronization

/// Runs queries over an index snapshot, within a deadline: parses and evaluates
/// them, ranks and pages the hits, and reads the snapshot's fact rows — what
/// every feature (`Answerer`, `Glossary`, `MentionFinder`, `FactFinder`,
/// `SeriesBuilder`, each a `SearcherFeature`) is built on. Cheap to make: the
/// `Engine` — what the front ends call — makes one for each command, so each
/// has its own deadline over the same snapshot. One searcher serves any number
/// of threads.
public final class Searcher: Sendable {
    public let snapshot: IndexSnapshot
    /// Checked between units of work; past it a command throws `.timeout`.
    public let deadline: Deadline

    public var index: IndexReader { snapshot.index }
    var analyzers: AnalyzerPool { snapshot.analyzers }
    public var fanOutMinimumDocs: Int { snapshot.fanOutMinimumDocs }

    /// Below this many paragraphs in all, a query costs less than handing its
    /// segments to other threads: a server answering many small queries at once
    /// spent a fifth of its time on that hand-over on the sample corpus.
    public static let defaultFanOutMinimumDocs = 20_000

    public convenience init(index: IndexReader, fanOutMinimumDocs: Int = Searcher.defaultFanOutMinimumDocs) {
        self.init(snapshot: IndexSnapshot(index: index, fanOutMinimumDocs: fanOutMinimumDocs))
    }

    public init(snapshot: IndexSnapshot, deadline: Deadline = .never) {
        self.snapshot = snapshot
        self.deadline = deadline
    }

    /// This searcher's snapshot and caches, with another deadline.
    public func within(_ deadline: Deadline) -> Searcher {
        Searcher(snapshot: snapshot, deadline: deadline)
    }

    /// Whether a query runs its segments on every core (see `SegmentFanOut`).
    var fansOut: Bool { index.liveDocCount >= fanOutMinimumDocs }

    /// Parses and runs `text`; see docs/QUERY_LANGUAGE.md for the language.
    /// With a number range, the facts in range come with the hits, both from
    /// one evaluation of the query.
    public func search(_ text: String, limit: Int = 10, offset: Int = 0) throws(SearchError) -> SearchResult {
        let start = DispatchTime.now()
        let query = try parse(text)
        guard !(query.root?.positiveRanges ?? []).isEmpty else {
            return try search(query, limit: limit, offset: offset, start: start)
        }
        let evaluated = try evaluateAll(query)
        var result = try search(query, limit: limit, offset: offset, start: start, evaluated: evaluated)
        result.facts = try FactFinder(self).facts(
            query, limit: max(limit, 20), offset: offset, start: start, matches: refs(evaluated))
        result.tookMs = result.facts?.tookMs ?? result.tookMs
        return result
    }

    public func search(
        _ query: Query, limit: Int = 10, offset: Int = 0,
        start: DispatchTime = .now()
    ) throws(SearchError) -> SearchResult {
        try search(query, limit: limit, offset: offset, start: start, evaluated: nil)
    }

    private func search(
        _ query: Query, limit: Int, offset: Int, start: DispatchTime,
        evaluated: [SegmentMatches]?
    ) throws(SearchError) -> SearchResult {
        try withAnalyzer { analyzer throws(SearchError) in
            try run(query, limit: max(0, limit), offset: max(0, offset), analyzer: analyzer, start: start, evaluated: evaluated)
        }
    }

    /// Every matching paragraph, unranked, in index order: what `mentions` groups
    /// and what the recall tests compare with a naive scan.
    public func allMatches(_ query: Query) throws(SearchError) -> [IndexedParagraphRef] {
        refs(try evaluateAll(query))
    }

    /// Every segment's matches, the segments side by side.
    private func evaluateAll(_ query: Query) throws(SearchError) -> [SegmentMatches] {
        try SegmentFanOut.map(index.segments.count, parallel: fansOut) { s throws(SearchError) in
            try self.withAnalyzer { a throws(SearchError) in try self.evaluate(query, segment: s, analyzer: a) }
        }
    }

    private func refs(_ evaluated: [SegmentMatches]) -> [IndexedParagraphRef] {
        var out: [IndexedParagraphRef] = []
        for (s, e) in evaluated.enumerated() {
            for d in e.matches.docs { out.append(IndexedParagraphRef(segment: s, doc: Int(d))) }
        }
        return out
    }

    /// Runs `body` with an analyzer of the pool: one per thread at a time.
    func withAnalyzer<R>(_ body: (Analyzer) throws(SearchError) -> R) throws(SearchError) -> R {
        let result: Result<R, SearchError> = snapshot.analyzers.with { a in
            do throws(SearchError) { return .success(try body(a)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses `text` with this searcher's analyzer.
    public func parse(_ text: String) throws(SearchError) -> Query {
        do {
            return try snapshot.analyzers.with { a in try QueryParser.parse(text, analyzer: a) }
        } catch let e as QuerySyntaxError {
            throw .syntax(e)
        } catch {
            throw .unsupported(position: 0, message: "\(error)")
        }
    }

    /// Segment `s`'s regions, file names and sections folded for filters (made on first use).
    func foldedLabels(_ s: Int, analyzer: Analyzer) throws(SearchError) -> FoldedLabels {
        if let cached = snapshot.labelCache.withLock({ $0[s] }) { return cached }
        let labels = try SearchError.reading { () throws(IndexError) in
            try FoldedLabels(segment: index.segments[s], fold: { analyzer.normalize($0).string })
        }
        snapshot.labelCache.withLock { $0[s] = labels }
        return labels
    }

    func wordTerms(_ s: Int) throws(IndexError) -> [(text: String, key: [UInt8])] {
        if let cached = snapshot.wordTermCache.withLock({ $0[s] }) { return cached }
        let terms = try index.segments[s].wordTerms()
        snapshot.wordTermCache.withLock { $0[s] = terms }
        return terms
    }

    /// The keys of segment `s`'s joined bigrams (made on first use): a query
    /// asks for the joined bigram of every pair of its runs, and nearly all of
    /// them are absent, which a dictionary lookup found at the cost of a hit.
    func joinedBigrams(_ s: Int) throws(IndexError) -> Set<[UInt8]> {
        if let cached = snapshot.joinedBigramCache.withLock({ $0[s] }) { return cached }
        let terms = try index.segments[s].terms(withPrefix: [TermKind.joinedBigram.rawValue])
        let keys = Set(terms.filter { $0.1 > 0 }.map(\.0))
        snapshot.joinedBigramCache.withLock { $0[s] = keys }
        return keys
    }

    /// Whether segment `s` holds the joined bigram `key`: from the set when
    /// another query has read it, else by one lookup, which a one- or two-
    /// character term needs alone (reading the set costs a scan of every joined
    /// bigram of the segment, a cost that grows with the index).
    func holdsJoinedBigram(_ s: Int, _ key: [UInt8]) throws(IndexError) -> Bool {
        if let cached = snapshot.joinedBigramCache.withLock({ $0[s] }) { return cached.contains(key) }
        return try index.segments[s].docFreq(key) > 0
    }

    private func run(
        _ query: Query, limit: Int, offset: Int, analyzer: Analyzer,
        start: DispatchTime, evaluated: [SegmentMatches]?
    ) throws(SearchError) -> SearchResult {
        try deadline.check()
        let terms = distinctPositiveTerms(query)
        let total: Int
        let ranked: [RankedDoc]
        // The texts the proximity re-ranking read, for the hits shown.
        var read = ReadParagraphs()
        if let evaluated {
            total = evaluated.reduce(0) { $0 + $1.matches.count }
            ranked = try rank(evaluated, terms: terms, want: offset + limit, analyzer: analyzer, read: &read)
        } else if let fast = try singleTermRanking(query, want: offset + limit, analyzer: analyzer) {
            (total, ranked) = fast
        } else if let fast = try conjunctionRanking(
            query, terms: terms, want: offset + limit, analyzer: analyzer, read: &read)
        {
            (total, ranked) = fast
        } else {
            (total, ranked) = try evaluateAndRank(
                query, terms: terms, want: offset + limit, analyzer: analyzer, read: &read)
        }
        var hits: [SearchHit] = []
        for r in ranked.dropFirst(offset).prefix(limit) {
            let paragraph: IndexedParagraph
            let normalized: NormalizedText
            if let known = read.texts[ParagraphKey(segment: r.segment, doc: r.doc)] {
                (paragraph, normalized) = known
            } else {
                do { paragraph = try index.paragraph(segment: r.segment, doc: Int(r.doc)) } catch { throw .index(error) }
                normalized = analyzer.normalize(paragraph.text)
            }
            let highlights = Snippet.highlights(of: terms, in: normalized)
            hits.append(
                SearchHit(
                    paragraph: paragraph, score: r.score,
                    snippet: Snippet.make(original: paragraph.text, highlights: highlights),
                    highlights: highlights))
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return SearchResult(query: query.text, total: total, tookMs: took, offset: offset, limit: limit, hits: hits, facts: nil)
    }

    /// The general path: every segment's matching documents, then BM25 over them.
    private func evaluateAndRank(
        _ query: Query, terms: [TermPattern], want: Int,
        analyzer: Analyzer, read: inout ReadParagraphs
    ) throws(SearchError) -> (Int, [RankedDoc]) {
        let evaluated = try evaluateAll(query)
        let total = evaluated.reduce(0) { $0 + $1.matches.count }
        return (total, try rank(evaluated, terms: terms, want: want, analyzer: analyzer, read: &read))
    }

    /// One segment's matches, and each term's own matches for scoring.
    private func evaluate(_ query: Query, segment s: Int, analyzer: Analyzer) throws(SearchError) -> SegmentMatches {
        try deadline.check()
        let segment = index.segments[s]
        let matcher = SubstringMatcher(
            segment: segment, analyzer: analyzer, deadline: deadline,
            wordTerms: { () throws(IndexError) in try self.wordTerms(s) },
            joinedBigrams: { () throws(IndexError) in try self.joinedBigrams(s) })
        var evaluator = SegmentEvaluator(
            matcher: matcher,
            mask: try FilterMask(
                segment: segment, filters: query.filters,
                labels: { () throws(SearchError) in try self.foldedLabels(s, analyzer: analyzer) }),
            analyzer: analyzer)
        let matches = try evaluator.evaluate(query.root)
        return SegmentMatches(matches: matches, termMatches: evaluator.termMatches)
    }

    /// How the terms of a query score: idf from each term's documents, and the
    /// key of its whole-word boost. One recipe for every ranking path, so that
    /// they agree on a document's score.
    func termScoring(_ terms: [TermPattern], docFreqs: [Int], analyzer: Analyzer) throws(SearchError) -> TermScoring {
        let bm25 = bm25Model()
        return TermScoring(
            terms: terms, idf: docFreqs.map { bm25.idf(docFreq: $0) },
            wordKeys: try terms.map { (t) throws(SearchError) in try wordKey(for: t.text, analyzer: analyzer) },
            bm25: bm25)
    }

    /// BM25 with this index's document count and average length.
    func bm25Model() -> BM25 {
        let totalLength = index.segments.reduce(0.0) { $0 + Double($1.totalLength) }
        let allDocs = max(1, index.segments.reduce(0) { $0 + $1.docCount })
        return BM25(documents: max(1, index.liveDocCount), averageLength: totalLength / Double(allDocs))
    }

    private func distinctPositiveTerms(_ query: Query) -> [TermPattern] {
        var seen = Set<TermPattern>()
        return (query.root?.positivePatterns ?? []).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Scores every match and keeps the best `want`, re-ranking the leaders by
    /// proximity when the query has several terms.
    private func rank(
        _ evaluated: [SegmentMatches], terms: [TermPattern], want: Int,
        analyzer: Analyzer, read: inout ReadParagraphs
    ) throws(SearchError) -> [RankedDoc] {
        guard want > 0 else { return [] }
        let scoring = try termScoring(
            terms, docFreqs: terms.map { t in evaluated.reduce(0) { $0 + ($1.termMatches[t]?.count ?? 0) } },
            analyzer: analyzer)
        let candidates = rerankCandidates(terms: terms, want: want)
        let leaders = try SegmentFanOut.map(index.segments.count, parallel: fansOut) { s throws(SearchError) in
            try self.rank(evaluated[s], segment: s, scoring: scoring, keep: candidates)
        }
        return try rerank(leaders, terms: terms, want: want, candidates: candidates, analyzer: analyzer, read: &read)
    }

    /// How many leaders by BM25 a query's proximity re-ranking looks at: with
    /// several terms, a few times the page, so that a close pair can climb into it.
    func rerankCandidates(terms: [TermPattern], want: Int) -> Int {
        terms.count > 1 ? max(want * 3, 50) : want
    }

    /// The best `want` of every segment's leaders, by BM25 and, with several
    /// terms, by how close the terms stand in each leader's text.
    ///
    /// The boost is at most `proximityBoost(gap: 0)` (×1.5), so once a leader
    /// could not reach the page even with it, neither can any after it (they
    /// score no higher): their texts are not read. Which leaders make the page,
    /// and in what order, is what re-ranking every one of them gives. The texts
    /// read are kept in `read`: the page's hits are among them.
    func rerank(
        _ leaders: [[RankedDoc]], terms: [TermPattern], want: Int, candidates: Int,
        analyzer: Analyzer, read: inout ReadParagraphs
    ) throws(SearchError) -> [RankedDoc] {
        guard want > 0 else { return [] }
        var top = TopK(capacity: candidates)
        for list in leaders { for r in list { top.offer(r) } }
        let ranked = top.sorted()
        guard terms.count > 1 else { return Array(ranked.prefix(want)) }
        let maxBoost = BM25.proximityBoost(gap: 0)
        var page = TopK(capacity: want)
        for var leader in ranked {
            if leader.score * maxBoost < page.entryScore { break }
            let paragraph: IndexedParagraph
            do { paragraph = try index.paragraph(segment: leader.segment, doc: Int(leader.doc)) } catch {
                throw .index(error)
            }
            let normalizedText = analyzer.normalize(paragraph.text)
            read.texts[ParagraphKey(segment: leader.segment, doc: leader.doc)] = (paragraph, normalizedText)
            let normalized = MarkedText(normalizedText.scalars, for: terms)
            let matches = terms.map { $0.ranges(in: normalized) }
            var best: Int?
            for a in 0..<matches.count {
                for b in (a + 1)..<matches.count {
                    if let g = Proximity.closest(matches[a], matches[b]) { best = min(best ?? g, g) }
                }
            }
            if let best { leader.score *= BM25.proximityBoost(gap: best) }
            page.offer(leader)
        }
        return page.sorted()
    }

    /// The best `keep` matches of one segment by BM25 with the word boost.
    ///
    /// BM25 without the boost comes first, term by term over flat arrays; the
    /// boost can raise a score by at most `wordBoost`, so only documents that
    /// could then enter the top are scored again with their word lookups —
    /// in the same order of terms, so the scores are exactly the same.
    private func rank(
        _ evaluated: SegmentMatches, segment s: Int, scoring: TermScoring,
        keep: Int
    ) throws(SearchError) -> [RankedDoc] {
        try deadline.check()
        let segment = index.segments[s]
        let docs = evaluated.matches.docs
        guard !docs.isEmpty else { return [] }
        let lengths = segment.lengthColumn
        let sets = scoring.terms.map { evaluated.termMatches[$0] ?? DocSet() }
        var base = [Double](repeating: 0, count: docs.count)
        for (i, set) in sets.enumerated() {
            let termDocs = set.docs
            let counts = set.counts
            var j = 0
            for k in 0..<docs.count {
                let d = docs[k]
                while j < termDocs.count, termDocs[j] < d { j += 1 }
                guard j < termDocs.count, termDocs[j] == d else { continue }
                base[k] += scoring.bm25.score(idf: scoring.idf[i], count: counts[j], length: lengths[Int(d)])
            }
        }
        var words: [WordDocs?] = []
        do {
            for key in scoring.wordKeys { words.append(try key.flatMap { (k) throws(IndexError) in try segment.wordDocs(k) }) }
        } catch { throw .index(error) }
        let maxBoost = words.contains { $0 != nil } ? BM25.wordBoost : 1
        var probes = [Int](repeating: 0, count: sets.count)
        var top = TopK(capacity: keep)
        let years = try SearchError.reading { () throws(IndexError) in try segment.reportYears }
        for k in 0..<docs.count {
            let d = docs[k]
            if base[k] * maxBoost < top.entryScore { continue }
            var score = base[k]
            if maxBoost > 1 {
                score = 0
                for i in sets.indices {
                    let count = sets[i].count(of: d, cursor: &probes[i])
                    guard count > 0 else { continue }
                    var contribution = scoring.bm25.score(idf: scoring.idf[i], count: count, length: lengths[Int(d)])
                    if words[i] != nil {
                        let onWord: Bool
                        do { onWord = try words[i]?.contains(d) ?? false } catch { throw .index(error) }
                        if onWord { contribution *= BM25.wordBoost }
                    }
                    score += contribution
                }
            }
            let year: Int
            do { year = try years.ofDoc(Int(d)) } catch { throw .index(error) }
            top.offer(RankedDoc(score: score, year: year, segment: s, doc: d))
        }
        return top.sorted()
    }

    /// The word-dictionary key of a term that is exactly one ICU word, else nil.
    ///
    /// A term no segment holds as a word gets no whole-word boost anywhere, so
    /// it needs no word breaking: building ICU's dictionary-based breaker for
    /// Chinese was the largest part of a one-shot search's own work.
    func wordKey(for term: String, analyzer: Analyzer) throws(SearchError) -> [UInt8]? {
        let normalized = analyzer.normalize(term).string
        var candidates = [TermKey.make(.word, normalized)]
        if normalized.contains(",") { candidates.append(TermKey.make(.word, normalized.filter { $0 != "," })) }
        var held = false
        do throws(IndexError) {
            for segment in index.segments where !held {
                for key in candidates where try segment.docFreq(key) > 0 { held = true }
            }
        } catch { throw .index(error) }
        guard held else { return nil }
        let a = analyzer.analyze(term)
        guard a.words.count == 1, let w = a.words.first, w.start == 0, Int(w.end) == a.normalized.count else { return nil }
        let text = a.text(of: w)
        return TermKey.make(.word, w.kind == .number ? text.filter { $0 != "," } : text)
    }
}

/// A paragraph of one segment, as a key.
struct ParagraphKey: Hashable {
    var segment: Int
    var doc: UInt32
}

/// Paragraphs a search has read and normalised (for the proximity re-ranking),
/// which showing its hits need again.
struct ReadParagraphs {
    var texts: [ParagraphKey: (paragraph: IndexedParagraph, normalized: NormalizedText)] = [:]
}

/// One segment's matching documents and each term's own matches.
struct SegmentMatches: Sendable {
    var matches: DocSet
    var termMatches: [TermPattern: DocSet]
}

/// What scoring a query's terms needs, the same for every segment.
struct TermScoring: Sendable {
    var terms: [TermPattern]
    var idf: [Double]
    var wordKeys: [[UInt8]?]
    var bm25: BM25
}
