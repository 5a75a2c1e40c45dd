import BaogaoQuery
import XCTest

/// One- and two-character queries are ranked straight from their postings; the
/// total and the hits must be what the general path finds.
final class SingleTermTests: XCTestCase {
    func testTheFastPathAgreesWithTheGeneralPath() throws {
        let searcher = SharedIndex.sample
        for q in ["预", "预算", "三保", "债", "的", "財政", "〇", "𠀀"] {
            let result = try searcher.search(q, limit: 50)
            let all = try ids(searcher, q)                       // the general evaluation
            XCTAssertEqual(result.total, all.count, q)
            XCTAssertEqual(result.hits.count, min(50, all.count), q)
            for hit in result.hits { XCTAssertTrue(all.contains(hit.paragraph.id), "\(q): \(hit.paragraph.id)") }
            let scores = result.hits.map(\.score)
            XCTAssertEqual(scores, scores.sorted(by: >), "\(q): hits are in score order")
        }
    }

    func testAFilterTakesTheGeneralPathAndStillCountsExactly() throws {
        let searcher = SharedIndex.sample
        let filtered = try searcher.search("预算 year:2024", limit: 5)
        XCTAssertEqual(filtered.total, try ids(searcher, "预算 year:2024").count)
        XCTAssertLessThan(filtered.total, try searcher.search("预算").total)
    }
}
