import BaogaoQuery
import XCTest

final class DefinitionTests: XCTestCase {
    func testBothLayoutsAndEveryReport() throws {
        let r = try SharedIndex.sample.define("预算稳定调节基金")
        // 000 writes 【预算稳定调节基金】 then the definition; 002 writes `8. 预算稳定调节基金：…`.
        XCTAssertEqual(Set(r.definitions.map { "\($0.citation.doc.prefix(3))#\($0.citation.paragraph)" }), ["000#105", "002#103"])
        let numbered = try XCTUnwrap(r.definitions.first { $0.citation.doc.hasPrefix("002") })
        XCTAssertTrue(numbered.text.hasPrefix("指财政通过超收收入"), numbered.text)
        XCTAssertEqual(numbered.term, "预算稳定调节基金")
    }

    func testQuotesAndSuffixesAreTolerated() throws {
        for term in ["三保", "“三保”", "三保支出", "“三保”支出"] {
            let r = try SharedIndex.sample.define(term)
            XCTAssertEqual(Set(r.definitions.map { $0.citation.doc.prefix(3) }), ["000", "002"], term)
        }
        // The exact entry comes first.
        XCTAssertEqual(try SharedIndex.sample.define("“三保”支出").definitions.first?.citation.paragraph, 101)
    }

    func testAnotherEntryIsNotAMatch() throws {
        let r = try SharedIndex.sample.define("转移支付")
        XCTAssertEqual(r.definitions.map(\.citation.paragraph), [97])
        XCTAssertTrue(try SharedIndex.sample.define("碳达峰").definitions.isEmpty)
        XCTAssertTrue(try SharedIndex.sample.define("").definitions.isEmpty)
    }

    func testSecondNameOfAnEntry() throws {
        let r = try SharedIndex.sample.define("调出资金")
        XCTAssertEqual(Set(r.definitions.map { "\($0.citation.doc.prefix(3))#\($0.citation.paragraph)" }), ["000#111", "002#104"])
    }
}
