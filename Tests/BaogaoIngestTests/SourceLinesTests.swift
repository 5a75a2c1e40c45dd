import XCTest

@testable import BaogaoIngest

/// `ReportReader.sourceLines`: the lines a paragraph's span names, read as
/// ingestion reads the file. `:source` used to re-read files as UTF-8 split at
/// LF, which showed mojibake for GB18030 and one long line for CR line ends.
final class SourceLinesTests: XCTestCase {
    /// "关于预算\n一、2023 年预算执行情况\n说明" in GBK (a subset of GB18030).
    static let gbk: [UInt8] = [
        0xB9, 0xD8, 0xD3, 0xDA, 0xD4, 0xA4, 0xCB, 0xE3, 0x0A,
        0xD2, 0xBB, 0xA1, 0xA2, 0x32, 0x30, 0x32, 0x33, 0x20, 0xC4, 0xEA,
        0xD4, 0xA4, 0xCB, 0xE3, 0xD6, 0xB4, 0xD0, 0xD0, 0xC7, 0xE9, 0xBF, 0xF6, 0x0A,
        0xCB, 0xB5, 0xC3, 0xF7
    ]

    func testGB18030LinesAreDecoded() throws {
        let lines = try ReportReader.sourceLines(bytes: Self.gbk, doc: "gb.txt", lines: 2...3)
        XCTAssertEqual(lines, [SourceLine(number: 2, text: "一、2023 年预算执行情况"), SourceLine(number: 3, text: "说明")])
    }

    func testCRAndCRLFEndLinesAsTheCleanerCountsThem() throws {
        let text = "标题\r\r第一段。\r\n\r\n第二段。\r第三段。"
        let lines = try ReportReader.sourceLines(bytes: Array(text.utf8), doc: "cr.txt", lines: 3...6)
        XCTAssertEqual(lines.map(\.number), [3, 4, 5, 6])
        XCTAssertEqual(lines.map(\.text), ["第一段。", "", "第二段。", "第三段。"])
        // The paragraphs' spans count the same lines.
        let report = try ReportReader.parse(bytes: Array(text.utf8), doc: "cr.txt")
        let second = try XCTUnwrap(report.paragraphs.first { $0.text == "第二段。" })
        XCTAssertEqual(second.firstLine, 5)
    }

    func testAShorterFileGivesTheLinesItHas() throws {
        let lines = try ReportReader.sourceLines(bytes: Array("一\n二\n".utf8), doc: "short.txt", lines: 2...9)
        XCTAssertEqual(lines, [SourceLine(number: 2, text: "二")])
    }
}
