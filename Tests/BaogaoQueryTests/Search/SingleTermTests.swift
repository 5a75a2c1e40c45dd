import BaogaoIndex
import BaogaoQuery
import Foundation
import XCTest

/// One- and two-character queries are ranked straight from their postings; the
/// total and the hits must be what the general path finds.
final class SingleTermTests: XCTestCase {
    func testTheFastPathAgreesWithTheGeneralPath() throws {
        let searcher = SharedIndex.sample
        for q in ["预", "预算", "三保", "债", "的", "財政", "〇", "𠀀"] {
            let result = try searcher.search(q, limit: 50)
            let all = try ids(searcher, q)  // the general evaluation
            XCTAssertEqual(result.total, all.count, q)
            XCTAssertEqual(result.hits.count, min(50, all.count), q)
            for hit in result.hits { XCTAssertTrue(all.contains(hit.paragraph.id), "\(q): \(hit.paragraph.id)") }
            let scores = result.hits.map(\.score)
            XCTAssertEqual(scores, scores.sorted(by: >), "\(q): hits are in score order")
        }
    }

    /// `--limit 0` asks for the count alone.
    func testALimitOfZeroGivesTheTotalAndNoHits() throws {
        let searcher = SharedIndex.sample
        for q in ["预", "预算", "预算 year:2024", "\"一般公共预算\"", "预算 收入"] {
            let result = try searcher.search(q, limit: 0)
            XCTAssertEqual(result.total, try ids(searcher, q).count, q)
            XCTAssertTrue(result.hits.isEmpty, q)
        }
    }

    func testAFilteredSingleTermCountsWhatTheGeneralEvaluationFinds() throws {
        let searcher = SharedIndex.sample
        for q in ["预算 year:2024", "预算 region:江津", "收入 section:一般公共预算"] {
            let filtered = try searcher.search(q, limit: 20)
            let all = try ids(searcher, q)
            XCTAssertEqual(filtered.total, all.count, q)
            for hit in filtered.hits { XCTAssertTrue(all.contains(hit.paragraph.id), "\(q): \(hit.paragraph.id)") }
        }
        XCTAssertLessThan(try searcher.search("预算 year:2024").total, try searcher.search("预算").total)
    }

    /// After an update, the replaced report's paragraphs are still in the old
    /// segment's postings, masked as deleted: they must not be counted or returned.
    func testDeletedParagraphsAreNeitherCountedNorReturned() throws {
        let (before, after, cleanUp) = try indexWithAMaskedReport("single")
        defer { cleanUp() }
        for q in ["预", "预算", "调整", "预算 year:2024"] {
            let result = try after.search(q, limit: 1_000)
            let all = try ids(after, q)
            XCTAssertEqual(result.total, all.count, q)
            XCTAssertEqual(Set(result.hits.map(\.paragraph.id)), all, q)
        }
        XCTAssertEqual(try after.search("预算调整的说明").total, try before.search("预算调整的说明").total + 1)
    }
}
