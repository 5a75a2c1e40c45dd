import BaogaoAnalysis
import BaogaoIndex
import XCTest

@testable import BaogaoQuery

final class RankingTests: XCTestCase {
    /// A bare heading naming a term once must not outrank a paragraph of average
    /// length that says it three times (`预算 year:2024` listed headings first).
    func testAHeadingDoesNotOutrankAParagraphThatSaysMore() {
        let bm25 = BM25(documents: 1000, averageLength: 150)
        let idf = bm25.idf(docFreq: 40)
        let heading = bm25.score(idf: idf, count: 1, length: 11)
        let paragraph = bm25.score(idf: idf, count: 3, length: 300)
        XCTAssertLessThan(heading, paragraph)
        // Above the floor, a shorter paragraph still ranks above a longer one.
        XCTAssertGreaterThan(bm25.score(idf: idf, count: 1, length: 100), bm25.score(idf: idf, count: 1, length: 200))
        // Below it, length no longer counts.
        XCTAssertEqual(bm25.score(idf: idf, count: 1, length: 5), bm25.score(idf: idf, count: 1, length: 60))
    }

    /// The division-free cut-off may only exclude a document whose boosted score
    /// is below the threshold: never one at or above it, whatever the rounding.
    func testTheScoreCutoffNeverExcludesADocumentThatCouldEnter() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bm25 = BM25(
                documents: Int.random(in: 1...100_000, using: &rng), averageLength: Double.random(in: 0...400, using: &rng))
            let idf = bm25.idf(docFreq: Int.random(in: 1...bm25.documents, using: &rng))
            let cutoff = bm25.cutoff(idf: idf, factor: BM25.wordBoost)
            for _ in 0..<200 {
                let count = UInt32.random(in: 1...40, using: &rng)
                let length = Int.random(in: 0...4000, using: &rng)
                let boosted = bm25.score(idf: idf, count: count, length: length) * BM25.wordBoost
                // At the score itself, a hair below and above it.
                for threshold in [boosted, boosted.nextDown, boosted.nextUp, boosted * 0.999_999_999_9] {
                    if boosted >= threshold {
                        XCTAssertFalse(cutoff.excludes(count: count, length: length, below: threshold))
                    }
                }
                // Well above, it excludes: the cut-off does its job.
                XCTAssertTrue(cutoff.excludes(count: count, length: length, below: boosted * 1.001))
            }
        }
        // Before the top is full the threshold is minus infinity: nothing is excluded.
        let bm25 = BM25(documents: 10, averageLength: 100)
        XCTAssertFalse(bm25.cutoff(idf: 1, factor: 1).excludes(count: 1, length: 100, below: -.infinity))
    }

    /// The whole-word boost's key is looked for in the index before the term is
    /// broken into words: it must be the key word breaking gives whenever any
    /// segment holds that word, and nil only where none does.
    func testTheWordKeyIsTheWordBreakersWheneverTheIndexHoldsTheWord() throws {
        let searcher = SharedIndex.sample
        let analyzer = Analyzer()
        var terms: Set<String> = ["预算", "三保", "的", "一般公共预算", "2024", "1,564", "gdp", "过紧日子", "乡村振兴"]
        for (_, text) in try normalizedParagraphs(searcher).prefix(40) {
            for i in stride(from: 0, to: max(0, text.count - 3), by: 3) {
                for n in 1...3 { terms.insert(String(String.UnicodeScalarView(text[i..<(i + n)]))) }
            }
        }
        var boosted = 0
        for term in terms {
            let a = analyzer.analyze(term)
            var broken: [UInt8]?
            if a.words.count == 1, let w = a.words.first, w.start == 0, Int(w.end) == a.normalized.count {
                let text = a.text(of: w)
                broken = TermKey.make(.word, w.kind == .number ? text.filter { $0 != "," } : text)
            }
            let held = try broken.map { key in try searcher.index.segments.contains { try $0.docFreq(key) > 0 } } ?? false
            XCTAssertEqual(try searcher.wordKey(for: term, analyzer: analyzer), held ? broken : nil, term)
            if held { boosted += 1 }
        }
        XCTAssertGreaterThan(boosted, 20, "terms the index holds as words")
    }
}
