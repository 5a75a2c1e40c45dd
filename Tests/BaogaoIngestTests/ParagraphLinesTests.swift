import Foundation
import XCTest

@testable import BaogaoIngest

/// `Paragraph.lineStarts` and `ParagraphLines.lines(of:)`: which source lines a
/// stretch of a paragraph's text stands on, checked against the files' own lines.
final class ParagraphLinesTests: XCTestCase {
    /// Lines 10, 12 and 14 (a blank line after each, as PDF text has), starting at
    /// scalars 0, 5 and 9 of a 12-scalar text.
    static let starts = [LineStart(offset: 5, line: 12), LineStart(offset: 9, line: 14)]

    func testRangesMapToTheLinesOfTheirFirstAndLastScalar() {
        let table: [(Range<Int>, ClosedRange<Int>)] = [
            (0..<5, 10...10),  // the whole first line
            (0..<6, 10...12),  // one scalar into the second
            (5..<9, 12...12),  // exactly the second line
            (4..<5, 10...10),  // the last scalar of the first line
            (8..<10, 12...14),  // across the second break
            (3..<12, 10...14),  // from the first line to the end
            (9..<9, 14...14),  // empty: the line it stands at
            (7..<7, 12...12),
            (11..<40, 14...14),  // past the text: clamped to the last line
            (-3..<2, 10...10)  // before it: the first
        ]
        for (range, lines) in table {
            XCTAssertEqual(
                ParagraphLines.lines(of: range, firstLine: 10, lastLine: 14, starts: Self.starts), lines, "\(range)")
        }
    }

    func testAOneLineParagraphCitesItsLineWhateverTheRange() {
        for range in [0..<0, 0..<3, 2..<100] {
            XCTAssertEqual(ParagraphLines.lines(of: range, firstLine: 7, lastLine: 7, starts: []), 7...7)
        }
    }

    func testStartsOutsideTheParagraphsSpanAreClampedIntoIt() {
        // A damaged store could hold any numbers: the citation stays inside the span.
        let bad = [LineStart(offset: 2, line: 3), LineStart(offset: 4, line: 99)]
        XCTAssertEqual(ParagraphLines.lines(of: 0..<6, firstLine: 10, lastLine: 20, starts: bad), 10...20)
        XCTAssertEqual(ParagraphLines.lines(of: 2..<3, firstLine: 10, lastLine: 20, starts: bad), 10...10)
    }

    func testByteOffsetsBecomeScalarOffsetsWithCJKAndAstralCharacters() {
        // `𠀀a` (4 + 1 bytes), `教育` (6 bytes), `b` (1 byte): lines start at bytes 5 and 11.
        let text = Array("𠀀a教育b".utf8)
        XCTAssertEqual(
            ParagraphLines.scalarStarts([(5, 2), (11, 3)], in: text),
            [LineStart(offset: 2, line: 2), LineStart(offset: 4, line: 3)])
        XCTAssertEqual(ParagraphLines.scalarStarts([], in: text), [])
    }

    /// Hard-wrapped text with astral and CJK characters, through the whole reader:
    /// each joined line's start lands on the first scalar of that line.
    func testAHardWrappedParagraphKnowsWhereEachLineStarts() throws {
        let lines = [
            "关于2023年预算执行情况的报告", "",
            String(repeating: "全区一般公共预算收入完成", count: 3) + "𠀀𠀀", "",
            String(repeating: "预算的百分之百同比增长率", count: 3) + "一二", "",
            "同比增长5%。", ""
        ]
        let report = try Fixtures.parse(lines.joined(separator: "\n"))
        let p = try XCTUnwrap(report.paragraphs.first { $0.text.hasSuffix("同比增长5%。") })
        XCTAssertEqual([p.firstLine, p.lastLine], [3, 7])
        XCTAssertEqual(p.lineStarts, [LineStart(offset: 38, line: 5), LineStart(offset: 76, line: 7)])
        let scalars = Array(p.text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[76...])), "同比增长5%。")
        XCTAssertEqual(p.lines(of: 36..<40), 3...5, "𠀀𠀀 ends line 3, 预算 starts line 5")
        XCTAssertEqual(p.lines(of: 76..<83), 7...7)
    }

    /// Every joined line of every paragraph of the hard-wrapped sample is the
    /// source line its start names, as written there (outer spaces aside).
    func testEveryLineStartOfTheHardWrappedSampleIsTheStartOfItsSourceLine() throws {
        let path = Fixtures.corpus.appendingPathComponent(Fixtures.jiefang).path
        let report = try Fixtures.report(Fixtures.jiefang)
        let source = try ReportReader.sourceLines(fileAt: path, lines: 1...100_000)
        var checked = 0
        var long: [Int] = []
        for p in report.paragraphs {
            let scalars = Array(p.text.unicodeScalars)
            let bounds = [0] + p.lineStarts.map(\.offset) + [scalars.count]
            let numbers = [p.firstLine] + p.lineStarts.map(\.line)
            XCTAssertEqual(numbers.last, p.lastLine, "¶\(p.number)")
            for (k, number) in numbers.enumerated() {
                let piece = String(String.UnicodeScalarView(scalars[bounds[k]..<bounds[k + 1]]))
                let line = source[number - 1].text.trimmingCharacters(in: .whitespaces)
                XCTAssertEqual(piece, line, "¶\(p.number) line \(number)")
                checked += 1
            }
            if p.lineStarts.count >= 15 { long.append(p.number) }
        }
        XCTAssertEqual(checked, 384, "every line of the sample's 113 paragraphs")
        XCTAssertEqual(long, [26], "16 lines of text over L180–211")
        // The wrapped title (L1–2) was joined by the title block, its line start kept.
        XCTAssertEqual(report.paragraphs[0].lineStarts.map(\.line), [2])
    }
}
