import XCTest

@testable import BaogaoIngest

/// Paragraphs past a few thousand characters are cut at sentence ends, each piece
/// cited with the lines it spans; nothing is lost or doubled.
final class ParagraphSplitterTests: XCTestCase {
    private func parse(_ text: String) throws -> Report {
        try ReportReader.parse(bytes: Array(text.utf8), doc: "t.txt")
    }

    func testALongParagraphIsCutAfterTheFirstSentenceEndPastTheSoftBound() throws {
        let sentence = "全区一般公共预算收入完成预算的百分之百，同比增长百分之五。"  // 29 characters
        let body = String(repeating: sentence, count: 200)  // 5,800 characters, one line
        let report = try parse("关于2023年预算执行情况的报告\n" + body + "\n")
        let pieces = report.paragraphs.dropFirst().map(\.text)
        XCTAssertEqual(pieces.joined(), body, "nothing lost or doubled")
        XCTAssertEqual(pieces.count, 3)
        for piece in pieces {
            XCTAssertTrue(piece.hasSuffix("。"), "cut at a sentence end")
            XCTAssertLessThanOrEqual(piece.count, ParagraphSplitter.soft + sentence.count)
        }
        XCTAssertEqual(pieces[0].count, (ParagraphSplitter.soft / sentence.count + 1) * sentence.count)
        XCTAssertTrue(report.paragraphs.dropFirst().allSatisfy { $0.firstLine == 2 && $0.lastLine == 2 })
    }

    func testWithoutSentenceEndsTheCutFallsAfterACommaBeforeTheHardBound() throws {
        let body = String(repeating: "预算收入增长5%，", count: 9_000)  // 81,000 characters
        let report = try parse("关于2023年预算执行情况的报告\n" + body + "\n")
        let pieces = report.paragraphs.dropFirst().map(\.text)
        XCTAssertEqual(pieces.joined(), body)
        XCTAssertGreaterThan(pieces.count, 20)
        for piece in pieces {
            XCTAssertLessThanOrEqual(piece.count, ParagraphSplitter.hard)
            XCTAssertTrue(piece.hasSuffix("，"), "cut after a comma, not inside 5%")
        }
    }

    func testTextWithNoBreakAtAllIsCutAtTheHardBound() throws {
        let body = String(repeating: "预", count: 10_001)
        let report = try parse("关于2023年预算执行情况的报告\n" + body + "\n")
        XCTAssertEqual(report.paragraphs.dropFirst().map(\.text.count), [4_000, 4_000, 2_001])
    }

    func testPiecesOfAJoinedParagraphAreCitedWithTheirOwnLines() {
        // Three 1,500-character lines joined into one paragraph; the first sentence
        // end past 2,000 characters is at the end of line 2.
        let line = String(repeating: "收", count: 1_499) + "，"
        let text = line + line.dropLast() + "。" + line
        let lineBytes = line.utf8.count
        let raw = RawParagraph(
            text: Array(text.utf8), firstLine: 10, lastLine: 12,
            lineStarts: [(lineBytes, 11), (2 * lineBytes, 12)])
        let pieces = ParagraphSplitter.split([raw])
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(pieces.map { [$0.firstLine, $0.lastLine] }, [[10, 11], [12, 12]])
        XCTAssertEqual(pieces.map { String(decoding: $0.text, as: UTF8.self) }.joined(), text)
    }

    func testShortParagraphsAreUntouched() throws {
        let report = try parse("关于2023年预算执行情况的报告\n一、收入情况。\n全区收入10亿元。\n")
        XCTAssertEqual(report.paragraphs.map(\.text), ["关于2023年预算执行情况的报告", "一、收入情况。", "全区收入10亿元。"])
    }

    func testLinesOfNumbersJoinWithASpaceNotIntoOneNumber() throws {
        let report = try parse("关于2023年预算执行情况的报告\n" + String(repeating: "123.4567 -12 1e308 -0.0\n", count: 3))
        XCTAssertEqual(report.paragraphs.last?.text, "123.4567 -12 1e308 -0.0 123.4567 -12 1e308 -0.0 123.4567 -12 1e308 -0.0")
    }

    /// Random long paragraphs over a few characters, sentence ends, commas, spaces
    /// and closing quotes, joined from random lines: the pieces always rejoin to the
    /// paragraph, none is longer than the hard bound, and their line spans run in order.
    func testRandomLongParagraphsAlwaysRejoinAndStayBounded() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["预", "算", "。", "，", " ", "”", "；", "5", "%", "、"]
        for _ in 0..<60 {
            var raw = RawParagraph(text: [], firstLine: 1, lastLine: 1)
            var line = 1
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                let piece = String((0..<Int.random(in: 1...600, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                if !raw.text.isEmpty {
                    line += 1
                    raw.lineStarts.append((raw.text.count, line))
                }
                raw.text.append(contentsOf: Array(piece.utf8))
            }
            raw.lastLine = line
            let pieces = ParagraphSplitter.split([raw])
            XCTAssertEqual(pieces.flatMap(\.text), raw.text)
            XCTAssertTrue(
                pieces.allSatisfy { String(decoding: $0.text, as: UTF8.self).unicodeScalars.count <= ParagraphSplitter.hard })
            XCTAssertTrue(
                zip(pieces, pieces.dropFirst()).allSatisfy { $0.lastLine <= $1.firstLine && $0.firstLine <= $0.lastLine })
            XCTAssertEqual(pieces.first?.firstLine, 1)
            XCTAssertEqual(pieces.last?.lastLine, line)
        }
    }
}
