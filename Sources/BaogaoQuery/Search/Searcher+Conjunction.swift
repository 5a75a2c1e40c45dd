import BaogaoAnalysis
import BaogaoIndex

/// Two or more terms of one or two CJK characters ANDed (`债务 风险`, perhaps
/// with filters), counted and ranked straight from their postings: the cursors
/// intersect on the compressed blocks through their skip tables
/// (`PostingsIntersection`), each shared document is scored as it is found and
/// kept only if it can enter the top, and no term's documents are gathered into
/// a set. The total is exact — every shared document the filters allow is
/// counted — and scores are the general path's (`Searcher.rank`), term for term
/// in the same order, so the ranking is the same to the last bit.
extension Searcher {
    func conjunctionRanking(
        _ query: Query, terms: [TermPattern], want: Int, analyzer: Analyzer, read: inout ReadParagraphs
    ) throws(SearchError) -> (total: Int, ranked: [RankedDoc])? {
        guard case .and(let children)? = query.root, children.count >= 2, terms.count >= 1 else { return nil }
        // Only terms and phrases: a NOT, a range, an OR or a NEAR take the general path.
        for child in children {
            guard let pattern = TermPattern(child), !pattern.isEmpty else { return nil }
        }
        var keys: [[UInt8]] = []
        var docFreqs = [Int](repeating: 0, count: terms.count)
        do throws(IndexError) {
            for pattern in terms {
                guard let key = try directKey(pattern) else { return nil }
                keys.append(key)
            }
            for segment in index.segments {
                for i in keys.indices { docFreqs[i] += try segment.docFreq(keys[i]) }
            }
        } catch { throw .index(error) }
        // idf from each term's own documents, as the general path counts them.
        let termKeys = keys
        let scoring = try termScoring(terms, docFreqs: docFreqs, analyzer: analyzer)
        let candidates = rerankCandidates(terms: terms, want: want)
        let leaders = try SegmentFanOut.map(index.segments.count, parallel: fansOut) { s throws(SearchError) in
            try self.deadline.check()
            let mask = try self.filterMask(query, segment: s)
            do throws(IndexError) {
                return try self.rankIntersection(termKeys, segment: s, mask: mask, scoring: scoring, keep: candidates)
            } catch { throw .index(error) }
        }
        let total = leaders.reduce(0) { $0 + $1.count }
        let ranked = try rerank(
            leaders.map(\.top), terms: terms, want: want, candidates: candidates, analyzer: analyzer, read: &read)
        return (total, ranked)
    }

    /// How many documents of one segment hold every term and pass the mask,
    /// and the best `keep` of them by BM25 with the word boost — as
    /// `rank(_:segment:scoring:keep:)` scores a segment's matches.
    private func rankIntersection(
        _ keys: [[UInt8]], segment s: Int, mask: FilterMask, scoring: TermScoring, keep: Int
    ) throws(IndexError) -> (count: Int, top: [RankedDoc]) {
        let segment = index.segments[s]
        var cursors: [PostingsCursor] = []
        for key in keys {
            guard let cursor = try segment.postings(key) else { return (0, []) }
            cursors.append(cursor)
        }
        // Rarest first: it proposes the fewest documents. `term[k]` is the
        // query's term the k-th cursor reads, for its idf, in scoring order.
        let order = cursors.indices.sorted { cursors[$0].docFreq < cursors[$1].docFreq }
        cursors = order.map { cursors[$0] }
        var slot = [Int](repeating: 0, count: keys.count)
        for (k, i) in order.enumerated() { slot[i] = k }
        var words: [WordDocs?] = []
        for key in scoring.wordKeys { words.append(try key.flatMap { (k) throws(IndexError) in try segment.wordDocs(k) }) }
        let maxBoost = words.contains { $0 != nil } ? BM25.wordBoost : 1
        let everything = mask.allowsEverything
        let lengths = segment.lengthColumn
        let years = try segment.reportYears
        let bm25 = scoring.bm25
        let idf = scoring.idf
        var top = TopK(capacity: keep)
        var count = 0
        // The word boost needs a lookup in each term's word postings, which
        // costs more than the intersection itself when done for every shared
        // document. Boosts only raise scores, so the `keep`-th best BM25 score
        // without them is a floor under the entry to `top`: only documents
        // whose score could clear it with every boost (`survivors`) are looked
        // up, once the intersection is done and the floor is known.
        var floor = TopK(capacity: keep)
        var survivors: [(doc: UInt32, base: Double)] = []
        var survivorCounts: [UInt32] = []
        let terms = idf.count
        try PostingsIntersection.forEach(&cursors) { (d, cs) throws(IndexError) in
            guard everything || mask.allows(d) else { return }
            count += 1
            let length = lengths[Int(d)]
            // Summed from 0 in the query's order of terms, as the general path
            // sums them, so that equal documents get equal scores.
            var base = 0.0
            for i in 0..<terms { base += bm25.score(idf: idf[i], count: try cs[slot[i]].frequency(), length: length) }
            guard maxBoost > 1 else {
                if base >= top.entryScore { top.offer(RankedDoc(score: base, year: try years.ofDoc(Int(d)), segment: s, doc: d)) }
                return
            }
            // A score equal to the floor's cannot raise it.
            if base > floor.entryScore { floor.offer(RankedDoc(score: base, year: 0, segment: s, doc: d)) }
            if base * maxBoost < floor.entryScore { return }
            survivors.append((d, base))
            for i in 0..<terms { survivorCounts.append(try cs[slot[i]].frequency()) }
        }
        for (k, survivor) in survivors.enumerated() {
            let d = survivor.doc
            if survivor.base * maxBoost < max(floor.entryScore, top.entryScore) { continue }
            let length = lengths[Int(d)]
            var score = 0.0
            for i in 0..<terms {
                var contribution = bm25.score(idf: idf[i], count: survivorCounts[k * terms + i], length: length)
                if words[i] != nil, try words[i]?.contains(d) == true { contribution *= BM25.wordBoost }
                score += contribution
            }
            top.offer(RankedDoc(score: score, year: try years.ofDoc(Int(d)), segment: s, doc: d))
        }
        return (count, top.sorted())
    }
}
