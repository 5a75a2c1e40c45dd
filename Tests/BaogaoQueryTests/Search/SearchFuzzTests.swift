import BaogaoQuery
import XCTest

/// Whatever is typed, search answers with hits or an error, never a crash or hang.
final class SearchFuzzTests: XCTestCase {
    private let alphabet: [String] = [
        "\"", "“", "”", "「", "」", "(", ")", "（", "）", " ", "  ", "OR", "AND", "NOT",
        "NEAR/3", "NEAR", "-", "|", ":", "..", "year:", "year:2023", "region:", "doc:", "section:", ">", ">=", "<", "=",
        "1亿", "5%", "万元", "增长", "预算", "三保", "债务", "财政", "財政", "收入", "支", "a", "GDP", "8.57", "2024",
        "，", "。", "\t", "\u{0}", "\u{7}", "𠀀", "é", "\u{301}", "＂", "％", "１"
    ]

    func testRandomQueriesNeverCrash() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<3000 {
            let n = Int(rng.next() % 12)
            let query = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            do {
                let result = try SharedIndex.sample.search(query, limit: 3)
                XCTAssertLessThanOrEqual(result.hits.count, 3)
                XCTAssertGreaterThanOrEqual(result.total, result.hits.count)
                for hit in result.hits {
                    let count = hit.paragraph.text.unicodeScalars.count
                    for h in hit.highlights { XCTAssert(h.lowerBound >= 0 && h.upperBound <= count, query) }
                }
            } catch {
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
    }

    func testHugeQueriesAnswerOrFailCleanly() {
        let long = String(repeating: "预算", count: 5000)
        XCTAssertEqual(try SharedIndex.sample.search(long).total, 0)
        let many = Array(repeating: "财政", count: 2000).joined(separator: " ")
        XCTAssertNoThrow(try SharedIndex.sample.search(many))
        XCTAssertThrowsError(try SharedIndex.sample.search(String(repeating: "(", count: 10_000)))
    }
}
