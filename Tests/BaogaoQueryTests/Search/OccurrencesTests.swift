@testable import BaogaoQuery
import XCTest

/// The naive substring search every exact match, snippet and label check uses.
final class OccurrencesTests: XCTestCase {
    private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    func testStartsAreEveryOverlappingOccurrence() {
        XCTAssertEqual(Occurrences.starts(of: s("三保"), in: s("三保三保，“三保”")), [0, 2, 6])
        XCTAssertEqual(Occurrences.starts(of: s("aa"), in: s("aaaa")), [0, 1, 2])
        XCTAssertEqual(Occurrences.starts(of: s("预算"), in: s("预")), [])
        XCTAssertEqual(Occurrences.starts(of: [], in: s("预算")), [], "an empty needle has no starts")
        XCTAssertEqual(Occurrences.count(of: s("支出"), in: s("教育支出和卫生支出")), 2)
    }

    func testContainsAndFirstStartOnBytesAndScalars() {
        XCTAssertTrue(Occurrences.contains(Array("补助".utf8), in: Array("上级补助收入".utf8)))
        XCTAssertFalse(Occurrences.contains(Array("补助".utf8), in: Array("补".utf8)))
        XCTAssertTrue(Occurrences.contains([UInt8](), in: [UInt8]()), "an empty needle is always contained")
        XCTAssertTrue(Occurrences.contains(s("出"), in: s("支出")), "at the very end")
        XCTAssertEqual(Occurrences.firstStart(of: s("ab"), in: s("abxab"), from: 1), 3)
        XCTAssertNil(Occurrences.firstStart(of: s("ab"), in: s("abxab"), from: 4))
        // Labels the list engine must tell apart through these bytes.
        XCTAssertTrue(Searcher.isItem("教育支出"))
        XCTAssertFalse(Searcher.isItem("一般公共预算支出"))
        XCTAssertFalse(Searcher.isItem("补助镇级支出"))
        XCTAssertTrue(Searcher.isItem("预备费"))
        XCTAssertFalse(Searcher.isItem("教育收入"))
    }
}
