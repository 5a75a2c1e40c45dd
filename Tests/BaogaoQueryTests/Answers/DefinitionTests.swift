import XCTest

@testable import BaogaoQuery

final class DefinitionTests: XCTestCase {
    func testANumberedEntrysLeadInIsItsTerm() {
        let table: [(String, String?, String?)] = [
            ("11.“三保”：指保基本民生、保工资和保运转。", "“三保”", "指保基本民生、保工资和保运转。"),
            ("3、 零基预算: 不以上年为基数。", "零基预算", " 不以上年为基数。"),
            ("１２．专项债：是指……", "专项债", "是指……"),
            ("11.：没有名词", nil, nil),
            ("三、主要措施：略", nil, nil),
            ("2023年收入：67.96亿元", nil, nil),
            ("1." + String(repeating: "长", count: 41) + "：太长", nil, nil),
            ("1." + String(repeating: "长", count: 40) + "：刚好", String(repeating: "长", count: 40), "刚好"),
            ("", nil, nil)
        ]
        for (text, term, rest) in table {
            let lead = Glossary.numberedLead(text)
            XCTAssertEqual(lead.map { String($0.term) }, term, text)
            XCTAssertEqual(lead.map { String($0.rest) }, rest, text)
        }
    }

    func testBothLayoutsAndEveryReport() throws {
        let r = try Glossary(SharedIndex.sample).define("预算稳定调节基金")
        // 000 writes 【预算稳定调节基金】 then the definition; 002 writes `8. 预算稳定调节基金：…`.
        XCTAssertEqual(Set(r.definitions.map { "\($0.citation.doc.prefix(3))#\($0.citation.paragraph)" }), ["000#105", "002#103"])
        let numbered = try XCTUnwrap(r.definitions.first { $0.citation.doc.hasPrefix("002") })
        XCTAssertTrue(numbered.text.hasPrefix("指财政通过超收收入"), numbered.text)
        XCTAssertEqual(numbered.term, "预算稳定调节基金")
    }

    func testQuotesAndSuffixesAreTolerated() throws {
        for term in ["三保", "“三保”", "三保支出", "“三保”支出"] {
            let r = try Glossary(SharedIndex.sample).define(term)
            XCTAssertEqual(Set(r.definitions.map { $0.citation.doc.prefix(3) }), ["000", "002"], term)
        }
        // The exact entry comes first.
        XCTAssertEqual(try Glossary(SharedIndex.sample).define("“三保”支出").definitions.first?.citation.paragraph, 101)
    }

    func testAnotherEntryIsNotAMatch() throws {
        let r = try Glossary(SharedIndex.sample).define("转移支付")
        XCTAssertEqual(r.definitions.map(\.citation.paragraph), [97])
        XCTAssertTrue(try Glossary(SharedIndex.sample).define("碳达峰").definitions.isEmpty)
        XCTAssertTrue(try Glossary(SharedIndex.sample).define("").definitions.isEmpty)
    }

    func testSecondNameOfAnEntry() throws {
        let r = try Glossary(SharedIndex.sample).define("调出资金")
        XCTAssertEqual(Set(r.definitions.map { "\($0.citation.doc.prefix(3))#\($0.citation.paragraph)" }), ["000#111", "002#104"])
    }

    /// A paste of 18,000 characters took seconds to say "not found"; terms,
    /// questions and followed queries have a length bound and a clear error.
    func testOverlongInputIsRefusedByLengthNotSearched() throws {
        let long = String(repeating: "2022-2024", count: 2_000)
        for run in [
            { _ = try Glossary(SharedIndex.sample).define(long) }, { _ = try Answerer(SharedIndex.sample).ask(long) },
            { _ = try MentionFinder(SharedIndex.sample).mentions(long) }
        ] as [() throws -> Void] {
            XCTAssertThrowsError(try run()) { error in
                XCTAssertTrue("\(error)".contains("at most"), "\(error)")
                XCTAssertTrue("\(error)".contains("this one has 18000"), "\(error)")
            }
        }
        XCTAssertNoThrow(try Glossary(SharedIndex.sample).define(String(repeating: "预", count: InputLimits.term)))
    }

    /// A term no glossary defines, coined in running text, is defined by the sentence
    /// that coins it; a glossary entry, where there is one, still comes first.
    func testATermCoinedInRunningTextIsDefinedByItsSentence() throws {
        let r = try Glossary(RealQuestionSetTests.searcher).define("中期调整预算")
        let d = try XCTUnwrap(r.definitions.first)
        XCTAssertEqual(r.definitions.count, 1)
        XCTAssertEqual("\(d.citation.doc.prefix(3))#\(d.citation.paragraph)", "011#5")
        XCTAssertTrue(d.text.contains("(以下简称“中期调整预算”)"), d.text)
        XCTAssertEqual(
            InlineDefinition.find("报告数", in: Array("比会议报告数(以下简称“报告数”)增加8226万元".unicodeScalars), fold: { $0 }), 9..<15)
        XCTAssertEqual(InlineDefinition.find("报告数", in: Array("报告数是指向人代会报告的数。".unicodeScalars), fold: { $0 }), 0..<5)
        XCTAssertNil(InlineDefinition.find("报告数", in: Array("比报告数增加8226万元".unicodeScalars), fold: { $0 }))
        XCTAssertEqual(InlineDefinition.find("预算", in: Array("为调整预算的101.8%(下称“预算”)".unicodeScalars), fold: { $0 }), 13..<18)
        XCTAssertTrue(try Glossary(RealQuestionSetTests.searcher).define("不存在的东西").definitions.isEmpty)
    }
}
