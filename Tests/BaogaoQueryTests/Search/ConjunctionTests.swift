import BaogaoIndex
import BaogaoQuery
import Foundation
import XCTest

/// Terms of one or two CJK characters ANDed are counted and ranked straight
/// from their postings (`Searcher.conjunctionRanking`); the total, the hits and
/// their scores must be what the general path gives. `A B (A OR A)` matches the
/// same documents with the same terms, but its OR sends it down the general
/// path: the two must agree to the last bit.
final class ConjunctionTests: XCTestCase {
    private func assertSameAsGeneralPath(
        _ searcher: Searcher, _ q: String, limit: Int = 30, offset: Int = 0,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let first = try XCTUnwrap(q.split(separator: " ").first.map(String.init))
        let general = "\(q) (\(first) OR \(first))"
        XCTAssertTrue(
            try searcher.parse(general).root?.sExpression.contains("(or ") == true, "the control takes the general path",
            file: file, line: line)
        let fast = try searcher.search(q, limit: limit, offset: offset)
        let slow = try searcher.search(general, limit: limit, offset: offset)
        XCTAssertEqual(fast.total, slow.total, q, file: file, line: line)
        XCTAssertEqual(fast.total, try ids(searcher, q).count, q, file: file, line: line)
        XCTAssertEqual(fast.hits.map(\.paragraph.id), slow.hits.map(\.paragraph.id), q, file: file, line: line)
        XCTAssertEqual(fast.hits.map(\.score), slow.hits.map(\.score), q, file: file, line: line)
        XCTAssertEqual(fast.hits.map(\.snippet), slow.hits.map(\.snippet), q, file: file, line: line)
    }

    func testTheIntersectionAgreesWithTheGeneralPath() throws {
        for searcher in [SharedIndex.sample, SharedIndex.generated] {
            for q in [
                "债务 风险", "教育 支出", "预算 收入", "收入 预算", "预 算", "财政 收入 支出", "债 务", "三保 支出",
                "\"预算\" 收入", "预算 \"预算\"", "预算 预算", "民生 保障 year:2024", "收入 支出 region:江津",
                "预算 收入 section:一般公共预算", "债务 𠀀", "的 年"
            ] {
                try assertSameAsGeneralPath(searcher, q)
            }
        }
    }

    func testPagesAndALimitOfZero() throws {
        let searcher = SharedIndex.generated
        for (limit, offset) in [(10, 0), (10, 10), (5, 37), (0, 0), (1, 0)] {
            try assertSameAsGeneralPath(searcher, "预算 收入", limit: limit, offset: offset)
        }
        XCTAssertEqual(try searcher.search("预算 收入", limit: 0).total, try ids(searcher, "预算 收入").count)
    }

    /// After an update, the replaced report's paragraphs are still in the old
    /// segment's postings, masked as deleted: they must not be counted or returned.
    func testDeletedParagraphsAreNeitherCountedNorReturned() throws {
        let (_, after, cleanUp) = try indexWithAMaskedReport("and")
        defer { cleanUp() }
        for q in ["预算 收入", "预算 调整", "收入 支出 year:2024"] {
            let result = try after.search(q, limit: 1_000)
            let all = try ids(after, q)
            XCTAssertEqual(result.total, all.count, q)
            XCTAssertTrue(Set(result.hits.map(\.paragraph.id)).isSubset(of: all), q)
            try assertSameAsGeneralPath(after, q, limit: 1_000)
        }
    }
}
