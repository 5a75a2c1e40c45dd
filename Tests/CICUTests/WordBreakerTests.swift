import CICU
import XCTest

/// bg_word_breaker_open / _close / _set_text / _next.
final class WordBreakerTests: XCTestCase {
    /// (segment text, rule status) of every segment of `text`.
    private func segments(
        _ text: String, locale: String = "zh",
        file: StaticString = #filePath, line: UInt = #line
    ) -> [(String, Int32)] {
        guard let breaker = bg_word_breaker_open(locale) else {
            XCTFail("bg_word_breaker_open(\(locale)) returned NULL", file: file, line: line)
            return []
        }
        defer { bg_word_breaker_close(breaker) }
        let units = Array(text.utf16)
        var result: [(String, Int32)] = []
        units.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(
                bg_word_breaker_set_text(breaker, buffer.baseAddress, Int32(buffer.count)), 0,
                file: file, line: line)
            var start = 0
            var status: Int32 = -1
            while true {
                let end = bg_word_breaker_next(breaker, &status)
                if end < 0 { break }
                result.append((String(decoding: units[start..<Int(end)], as: UTF16.self), status))
                start = Int(end)
            }
            XCTAssertEqual(start, units.count, "segments cover the text", file: file, line: line)
        }
        return result
    }

    func testChineseSentenceWithNumberAndLatinWord() {
        let result = segments("2024年GDP增长5.2%，财政收入")
        let byText = Dictionary(result.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(result.map(\.0).joined(), "2024年GDP增长5.2%，财政收入")
        XCTAssertTrue((100..<200).contains(byText["2024"] ?? -1), "2024 is a NUMBER: \(result)")
        XCTAssertTrue((100..<200).contains(byText["5.2"] ?? -1), "5.2 is a NUMBER: \(result)")
        XCTAssertTrue((200..<300).contains(byText["GDP"] ?? -1), "GDP is a LETTER word: \(result)")
        XCTAssertTrue((400..<500).contains(byText["年"] ?? -1), "年 is IDEO: \(result)")
        XCTAssertTrue((400..<500).contains(byText["增长"] ?? -1), "增长 is one IDEO word: \(result)")
        XCTAssertTrue((0..<100).contains(byText["%"] ?? -1), "% is NONE: \(result)")
        XCTAssertTrue((0..<100).contains(byText["，"] ?? -1), "， is NONE: \(result)")
        for (text, status) in result where text.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) {
            XCTAssertTrue((400..<500).contains(status), "\(text) → \(status)")
        }
    }

    func testAstralIdeographIsOneSegmentOfTwoUnits() {
        let result = segments("𠀀")
        XCTAssertEqual(result.map(\.0), ["𠀀"])
    }

    func testEmptyTextHasNoSegments() {
        XCTAssertTrue(segments("").isEmpty)
    }

    func testNullSafety() {
        var status: Int32 = 0
        XCTAssertEqual(bg_word_breaker_next(nil, &status), -1)
        XCTAssertEqual(bg_word_breaker_set_text(nil, nil, 0), -1)
        bg_word_breaker_close(nil)
        guard let breaker = bg_word_breaker_open("zh") else { return XCTFail("open") }
        defer { bg_word_breaker_close(breaker) }
        XCTAssertEqual(bg_word_breaker_set_text(breaker, nil, -1), -1, "negative length")
        XCTAssertEqual(bg_word_breaker_set_text(breaker, nil, 0), 0, "empty text")
        XCTAssertEqual(bg_word_breaker_next(breaker, nil), -1, "NULL status, no segments")
    }

    func testStatusPointerMayBeNull() {
        guard let breaker = bg_word_breaker_open("zh") else { return XCTFail("open") }
        defer { bg_word_breaker_close(breaker) }
        let units = Array("财政 ab".utf16)
        units.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(bg_word_breaker_set_text(breaker, buffer.baseAddress, Int32(buffer.count)), 0)
            var last: Int32 = 0
            while case let b = bg_word_breaker_next(breaker, nil), b >= 0 { last = b }
            XCTAssertEqual(last, Int32(units.count))
        }
    }

    func testBreakerCanBeReusedForAnotherText() {
        guard let breaker = bg_word_breaker_open("zh") else { return XCTFail("open") }
        defer { bg_word_breaker_close(breaker) }
        for text in ["一般公共预算收入", "abc def"] {
            let units = Array(text.utf16)
            units.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(bg_word_breaker_set_text(breaker, buffer.baseAddress, Int32(buffer.count)), 0)
                var last: Int32 = 0
                while case let b = bg_word_breaker_next(breaker, nil), b >= 0 { last = b }
                XCTAssertEqual(last, Int32(units.count), text)
            }
        }
    }
}
