import BaogaoAnalysis
import BaogaoIndex

/// The most common query — one or two CJK characters, nothing else — ranked
/// straight from its postings: no document set is built, copied or merged, and
/// the exact total is the document frequency. Applies only when no filter is
/// set and no report is deleted (otherwise every document must be checked, and
/// the general path does that). Scores are the general path's, term for term.
extension Searcher {
    func singleTermRanking(_ query: Query, want: Int, analyzer: Analyzer) throws(SearchError) -> (total: Int, ranked: [RankedDoc])? {
        guard query.filters.isEmpty, let root = query.root else { return nil }
        let folded: String
        switch root {
        case .term(let t), .phrase(let t): folded = t.folded
        default: return nil
        }
        let scalars = Array(folded.unicodeScalars)
        guard (1...2).contains(scalars.count), scalars.allSatisfy(CJKGrams.isCJK),
              index.segments.allSatisfy({ $0.liveDocCount == $0.docCount }) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let key = TermKey.make(scalars.count == 1 ? .unigram : .bigram, String(view))
        do throws(IndexError) {
            var total = 0
            for segment in index.segments { total += try segment.docFreq(key) }
            let bm25 = bm25Model()
            let idf = bm25.idf(docFreq: total)
            let word = wordKey(for: folded, analyzer: analyzer)
            var top = TopK(capacity: want)
            for (s, segment) in index.segments.enumerated() {
                guard var cursor = try segment.postings(key) else { continue }
                var words: PostingsCursor?
                if let word { words = try segment.postings(word) }
                let lengths = segment.lengthColumn, reportOf = segment.reportColumn, years = segment.reportYears
                while try cursor.next() {
                    let d = cursor.doc
                    var score = bm25.score(idf: idf, count: cursor.freq, length: lengths[Int(d)])
                    if words != nil, try words?.contains(d) == true { score *= BM25.wordBoost }
                    top.offer(RankedDoc(score: score, year: years[reportOf[Int(d)]], segment: s, doc: d))
                }
            }
            return (total, top.sorted())
        } catch {
            throw .index(error)
        }
    }
}
