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
}
