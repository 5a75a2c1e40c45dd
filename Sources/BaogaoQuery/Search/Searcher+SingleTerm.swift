import BaogaoAnalysis
import BaogaoIndex

/// The most common query — one or two CJK characters and perhaps filters —
/// ranked straight from its postings, a block at a time: no document set is
/// built, copied or merged. Scores are the general path's, term for term; the
/// total counts every live document the filters allow.
extension Searcher {
    func singleTermRanking(
        _ query: Query, want: Int, analyzer: Analyzer
    ) throws(SearchError) -> (total: Int, ranked: [RankedDoc])? {
        guard let root = query.root, let pattern = TermPattern(root) else { return nil }
        var docFreq = 0
        let key: [UInt8]
        do throws(IndexError) {
            guard let direct = try directKey(pattern) else { return nil }
            key = direct
            for segment in index.segments { docFreq += try segment.docFreq(key) }
        } catch { throw .index(error) }
        let scoring = try termScoring([pattern], docFreqs: [docFreq], analyzer: analyzer)
        let leaders = try SegmentFanOut.map(index.segments.count, parallel: fansOut) { s throws(SearchError) in
            try self.deadline.check()
            let mask = try self.filterMask(query, segment: s)
            do throws(IndexError) {
                return try self.rankPostings(key, segment: s, mask: mask, scoring: scoring, keep: want)
            } catch { throw .index(error) }
        }
        var top = TopK(capacity: want)
        var total = 0
        for (count, list) in leaders {
            total += count
            for r in list { top.offer(r) }
        }
        return (total, top.sorted())
    }

    /// How many documents of one segment's postings for `key` the mask allows,
    /// and the best `keep` of them.
    private func rankPostings(
        _ key: [UInt8], segment s: Int, mask: FilterMask, scoring: TermScoring,
        keep: Int
    ) throws(IndexError) -> (count: Int, top: [RankedDoc]) {
        let segment = index.segments[s]
        guard var cursor = try segment.postings(key) else { return (0, []) }
        var words: WordDocs?
        if let word = scoring.wordKeys[0] { words = try segment.wordDocs(word) }
        let idf = scoring.idf[0]
        let bm25 = scoring.bm25
        let everything = mask.allowsEverything
        let lengths = segment.lengthColumn
        let years = try segment.reportYears
        let cutoff = bm25.cutoff(idf: idf, factor: BM25.wordBoost)
        var top = TopK(capacity: keep)
        var entry = top.entryScore
        var count = 0
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        while try cursor.nextBatch(docs: &docs, freqs: &freqs) {
            for k in docs.indices {
                let d = docs[k]
                guard everything || mask.allows(d) else { continue }
                count += 1
                let length = lengths[Int(d)]
                // Most documents cannot enter the top even with the word boost; they
                // need neither their score, the word lookup nor the heap. (Equal
                // scores may still enter on the tie-breaks, so only a strictly
                // lower bound is skipped.)
                if cutoff.excludes(count: freqs[k], length: length, below: entry) { continue }
                var score = bm25.score(idf: idf, count: freqs[k], length: length)
                if score * BM25.wordBoost < entry { continue }
                if words != nil, try words?.contains(d) == true { score *= BM25.wordBoost }
                top.offer(RankedDoc(score: score, year: try years.ofDoc(Int(d)), segment: s, doc: d))
                entry = top.entryScore
            }
        }
        return (count, top.sorted())
    }

    /// The unigram or bigram key a term of one or two CJK characters is read
    /// from, straight from its postings; nil when the term needs the general
    /// path — longer, not CJK, or a bare pair some paragraph splits with marks
    /// (过“紧), whose joined bigram the general path adds.
    func directKey(_ pattern: TermPattern) throws(IndexError) -> [UInt8]? {
        let scalars = pattern.scalars
        guard (1...2).contains(scalars.count), scalars.allSatisfy(CJKGrams.isCJK) else { return nil }
        if pattern.acrossMarks, scalars.count == 2 {
            let joined = TermKey.make(.joinedBigram, pattern.text)
            for s in index.segments.indices where try holdsJoinedBigram(s, joined) { return nil }
        }
        return TermKey.make(scalars.count == 1 ? .unigram : .bigram, pattern.text)
    }

    /// Segment `s`'s mask of the query's filters and deleted reports.
    func filterMask(_ query: Query, segment s: Int) throws(SearchError) -> FilterMask {
        try withAnalyzer { a throws(SearchError) in
            try FilterMask(
                segment: index.segments[s], filters: query.filters,
                labels: { () throws(SearchError) in try self.foldedLabels(s, analyzer: a) })
        }
    }
}
