import XCTest

@testable import BaogaoIngest

/// Ingestion's byte-level text tests agree with the `String` ones they stand in for.
final class UTF8CursorTests: XCTestCase {
    func testContainsFindsAWordAnywhereAndOnlyWholeCharacters() {
        XCTAssertTrue(UTF8Cursor.contains("比上年增长", "增长"))
        XCTAssertTrue(UTF8Cursor.contains("增长", "增长"))
        XCTAssertTrue(UTF8Cursor.contains("增长5%", "增"))
        XCTAssertFalse(UTF8Cursor.contains("比上年下降", "增长"))
        XCTAssertFalse(UTF8Cursor.contains("增", "增长"))
        XCTAssertTrue(UTF8Cursor.contains("任何", ""))
        XCTAssertFalse(UTF8Cursor.contains("", "增"))
        // 丁 (E4 B8 81) and 七 (E4 B8 83) share their lead bytes: no false match.
        XCTAssertFalse(UTF8Cursor.contains("丁丁", "七"))
    }

    func testFindGivesTheFirstPlaceAtOrAfterFrom() {
        let b = Array("名词解释和名词".utf8)
        XCTAssertEqual(UTF8Cursor.find("名词", in: b), 0)
        XCTAssertEqual(UTF8Cursor.find("名词", in: b, from: 1), 15)
        XCTAssertNil(UTF8Cursor.find("报告", in: b))
        XCTAssertNil(UTF8Cursor.find("名词解释和名词还有", in: b))
    }

    func testContainsAgreesWithStringContainsOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("增长下降比上年为预算的占a1%")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let word = String((0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            XCTAssertEqual(UTF8Cursor.contains(text, word), text.contains(word), "\(text) / \(word)")
        }
    }

    func testAUnitLineIsReadFromItsBytesAsFromItsText() {
        for text in ["单位：万元", "单位:亿元", "金额单位：万元", "单位：万元（这一行写得很长，远超二十个字符了，不是单位行）", "本单位：万元", ""] {
            let line = CleanLine(number: 1, text: Array(text.utf8), width: 0, length: text.unicodeScalars.count)
            XCTAssertEqual(TableReader.isUnitLine(line), TableReader.isUnitLine(text), text)
        }
    }
}
