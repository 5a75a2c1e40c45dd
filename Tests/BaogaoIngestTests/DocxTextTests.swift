import Foundation
import XCTest

@testable import BaogaoIngest

/// Word files made by Scripts/make-format-fixtures: sample 002 with Word's own heading
/// numbering, a file with a table and the parts that are not the report, a zip bomb.
final class DocxTextTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: HTMLTextTests.fixtures.appendingPathComponent(name)))
    }

    /// 002's 一、 and （一） headings come from numbering.xml (level 0 through the
    /// Heading1 style, level 1 directly), and the file gives 002's paragraphs one for one.
    func testTheReportAsWordGivesTheParagraphsOfItsText() throws {
        let bytes = try fixture("jiangjin.docx")
        XCTAssertEqual(ReportText.format(of: bytes), .docx)
        let fromWord = try ReportReader.parse(bytes: bytes, doc: "jiangjin.docx")
        let fromText = try Fixtures.report(Fixtures.jiangjin)
        XCTAssertEqual(fromWord.paragraphs.count, 113)
        XCTAssertEqual(fromWord.paragraphs.map(\.text), fromText.paragraphs.map(\.text))
        XCTAssertEqual(fromWord.paragraphs.map(\.kind), fromText.paragraphs.map(\.kind))
        XCTAssertEqual(fromWord.paragraphs.map(\.section), fromText.paragraphs.map(\.section))
        XCTAssertEqual(fromWord.metadata.title, fromText.metadata.title)
        XCTAssertEqual(fromWord.metadata.region, "江津区")
        XCTAssertEqual(fromWord.metadata.budgetYear, fromText.metadata.budgetYear)
        XCTAssertEqual(fromWord.metadata.executionYear, fromText.metadata.executionYear)
    }

    func testTablesRowByRowAndNoHeaderFooterFootnoteOrDeletedText() throws {
        let report = try ReportReader.parse(bytes: try fixture("table.docx"), doc: "table.docx")
        XCTAssertEqual(
            report.paragraphs.map(\.text),
            [
                "关于2024年预算的报告", "一、预算执行情况", "全区一般公共预算收入67.96亿元。", "注释在脚注里。", "要点一",
                "表1 一般公共预算收入表", "单位：万元", "| 项目 | 预算数 | 执行数 |", "| 税收收入 | 385300 | 385300 |",
                "| 非税收入 | 294300 | 294300 |", "第一行", "第二行", "留下的字"
            ])
        let row = try XCTUnwrap(report.paragraphs.first { $0.text.contains("非税收入") })
        XCTAssertEqual(row.kind, .tableRow)
        XCTAssertEqual(row.table?.cells, ["非税收入", "294300", "294300"])
        XCTAssertEqual(row.table?.columns, ["项目", "预算数", "执行数"])
        XCTAssertEqual(row.table?.unit, "单位：万元")
        XCTAssertEqual(report.paragraphs[1].kind, .heading)
    }

    func testListLabelsInEachFormat() {
        XCTAssertEqual(
            (1...12).map { Numbering.format($0, "chineseCounting") }.joined(separator: " "), "一 二 三 四 五 六 七 八 九 十 十一 十二")
        XCTAssertEqual(Numbering.format(20, "chineseCounting"), "二十")
        XCTAssertEqual(Numbering.format(35, "chineseCountingThousand"), "三十五")
        XCTAssertEqual(Numbering.format(105, "chineseCounting"), "一百零五")
        XCTAssertEqual(Numbering.format(3, "ideographTraditional"), "丙")
        XCTAssertEqual(Numbering.format(3, "decimal"), "3")
        XCTAssertEqual(Numbering.format(12, "decimalFullWidth"), "１２")
        XCTAssertEqual(Numbering.format(28, "lowerLetter"), "bb")
        XCTAssertEqual(Numbering.format(4, "upperRoman"), "IV")
    }

    func testAZipBombStopsAtTheCapNamingTheFile() {
        XCTAssertThrowsError(try ReportReader.parse(bytes: try fixture("bomb.docx"), doc: "bomb.docx")) { error in
            XCTAssertEqual(
                "\(error)",
                "bomb.docx: not a readable Word file (truncated or damaged?): word/document.xml inflates past 64 MB (a zip bomb?); not read"
            )
        }
    }

    func testATruncatedOrForeignArchiveIsNamed() throws {
        let bytes = try fixture("jiangjin.docx")
        XCTAssertThrowsError(try ReportReader.parse(bytes: Array(bytes.prefix(bytes.count / 2)), doc: "half.docx")) { error in
            guard case .malformed("half.docx", "Word", _)? = error as? IngestError else { return XCTFail("\(error)") }
        }
        // The bomb's archive minus its document: a ZIP that is no Word file.
        let notWord: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        XCTAssertThrowsError(try ReportReader.parse(bytes: [0x50, 0x4B, 0x03, 0x04] + notWord, doc: "junk.docx")) { error in
            guard case .malformed("junk.docx", "Word", _)? = error as? IngestError else { return XCTFail("\(error)") }
        }
    }
}
