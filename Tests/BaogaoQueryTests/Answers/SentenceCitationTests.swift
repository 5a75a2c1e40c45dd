import BaogaoIndex
import BaogaoIngest
import BaogaoQuery
import Foundation
import XCTest

/// An answer cites the source lines of the sentence that holds its figure, not its
/// paragraph's whole span: checked against the report files' own lines.
final class SentenceCitationTests: XCTestCase {
    static let jiefang = "000_d12f06acd0fd881e.txt"

    /// The file's lines `range`, as ingestion numbers them.
    static func source(_ doc: String, _ range: ClosedRange<Int>) throws -> [SourceLine] {
        try ReportReader.sourceLines(fileAt: sampleCorpus + "/" + doc, lines: range)
    }

    /// The cited lines joined without their whitespace (PDF text pads its lines and
    /// leaves blank lines between them).
    static func joined(_ lines: [SourceLine]) -> String {
        lines.map { $0.text.filter { !$0.isWhitespace } }.joined()
    }

    func testAFigureInAThirtyLineParagraphCitesTheOneLineOfItsSentence() throws {
        let r = try Answerer(SharedIndex.sample).ask("解放区2023年社保支出是多少？")
        let a = try XCTUnwrap(r.answer)
        XCTAssertEqual(a.text, "18620万元")
        let c = try XCTUnwrap(a.citation)
        XCTAssertEqual(c.doc, Self.jiefang)
        XCTAssertEqual(c.paragraph, 26)
        let p = try XCTUnwrap(a.paragraph)
        XCTAssertEqual([p.firstLine, p.lastLine], [180, 211], "the paragraph spans 32 source lines")
        XCTAssertEqual(c.lines, [204, 204])
        XCTAssertEqual(a.sentence, "四是兜牢社会保障底线，全区社保支出 18620万元。")
        let line = try Self.source(Self.jiefang, 204...204)
        XCTAssertEqual(line.map(\.text), ["群众手中。四是兜牢社会保障底线，全区社保支出 18620万元。"])

        // The JSON carries the same lines.
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? [String: Any])
        let citation = try XCTUnwrap((json["answer"] as? [String: Any])?["citation"] as? [String: Any])
        XCTAssertEqual(citation["lines"] as? [Int], [204, 204])
    }

    func testASentenceWrappedOverThreeLinesCitesThoseThree() throws {
        let a = try XCTUnwrap(try Answerer(SharedIndex.sample).ask("解放区2023年“三公”经费是多少？").answer)
        XCTAssertEqual(a.text, "448万元")
        let c = try XCTUnwrap(a.citation)
        XCTAssertEqual(c.paragraph, 26)
        XCTAssertEqual(c.lines, [196, 200])
        let lines = try Self.source(Self.jiefang, 196...200).filter { !$0.text.isEmpty }
        XCTAssertEqual(lines.map(\.number), [196, 198, 200], "three lines of text, a blank line after each")
        XCTAssertTrue(lines[0].text.hasSuffix("严格压减一般性支出，水电、网络租赁等刚"), lines[0].text)
        XCTAssertTrue(lines[2].text.hasPrefix("增长。"), lines[2].text)
        XCTAssertTrue(Self.joined(lines).contains(try XCTUnwrap(a.sentence).filter { !$0.isWhitespace }))
    }

    /// Every figure answered from the question set: its cited lines hold its whole
    /// sentence, and no fewer lines would (the span is the sentence's, not more).
    func testEveryAnsweredFigureCitesExactlyTheLinesOfItsSentence() throws {
        var checked = 0
        var narrowed = 0
        for row in try QuestionSetTests.rows() {
            let r = try Answerer(SharedIndex.sample).ask(row.question)
            guard let answer = r.answer else { continue }
            for a in (answer.parts ?? [answer]) {
                guard let sentence = a.sentence, let c = a.citation, let p = a.paragraph, a.value != nil else { continue }
                let want = sentence.filter { !$0.isWhitespace }
                XCTAssertEqual(c.lines.count, 2)
                XCTAssertLessThanOrEqual(c.lines[0], c.lines[1])
                XCTAssertTrue(p.firstLine <= c.lines[0] && c.lines[1] <= p.lastLine, "\(row.id): inside its paragraph")
                let lines = try Self.source(c.doc, c.lines[0]...c.lines[1]).filter { !$0.text.allSatisfy(\.isWhitespace) }
                XCTAssertTrue(Self.joined(lines).contains(want), "\(row.id): lines \(c.lines) hold “\(sentence)”")
                if lines.count > 1 {
                    XCTAssertFalse(Self.joined(Array(lines.dropFirst())).contains(want), "\(row.id): first line needed")
                    XCTAssertFalse(Self.joined(Array(lines.dropLast())).contains(want), "\(row.id): last line needed")
                }
                if c.lines != [p.firstLine, p.lastLine] { narrowed += 1 }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 82, "figures answered")
        // The others stand in one-line paragraphs (002 and 003 print a paragraph a
        // line) or fill their paragraph.
        XCTAssertEqual(narrowed, 18, "figures whose sentence is narrower than its paragraph")
    }

    /// A list item cites its figure's sentence with section and year; a definition
    /// its paragraph, with section and the year of the report that gives it.
    func testListItemsAndDefinitionsCarryLinesSectionAndYear() throws {
        let list = try XCTUnwrap(try Answerer(SharedIndex.sample).ask("解放区2024年哪些支出科目超过1亿元？").answer?.items)
        XCTAssertEqual(list.map(\.label), ["教育支出", "社会保障和就业支出", "一般公共服务支出"])
        XCTAssertEqual(list.map(\.citation.lines), [[346, 348], [358, 360], [337, 338]])
        XCTAssertEqual(list.map(\.year), [2024, 2024, 2024])
        for item in list {
            XCTAssertEqual(item.citation.section.last, "（二）2024年一般公共预算安排")
            let lines = try Self.source(item.citation.doc, item.citation.lines[0]...item.citation.lines[1])
            XCTAssertTrue(Self.joined(lines).contains(item.text.filter { !$0.isWhitespace }), item.label)
        }

        let defined = try Glossary(SharedIndex.sample).define("三保")
        XCTAssertEqual(defined.definitions.map(\.region), ["江津区", "解放区"])
        XCTAssertEqual(defined.definitions.map(\.year), [2024, 2024])
        XCTAssertEqual(defined.definitions.map(\.citation.lines), [[118, 118], [681, 681]])
        XCTAssertEqual(defined.definitions.map { $0.citation.section.first }, ["名词解释", "重要名词解释"])
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(defined)) as? [String: Any])
        let first = try XCTUnwrap((json["definitions"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["year"] as? Int, 2024)
    }
}
