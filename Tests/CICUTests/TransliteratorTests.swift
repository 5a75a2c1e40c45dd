import CICU
import XCTest

/// bg_transliterator_open / _close, bg_transliterate, bg_transliterator_rules.
final class TransliteratorTests: XCTestCase {
    private func transliterate(_ t: OpaquePointer, _ text: String, extra: Int = 16) -> (Int32, String) {
        var units = Array(text.utf16)
        let length = units.count
        units.append(contentsOf: repeatElement(0, count: extra))
        let n = units.withUnsafeMutableBufferPointer {
            bg_transliterate(t, $0.baseAddress, Int32(length), Int32($0.count))
        }
        return (n, n >= 0 ? String(decoding: units[0..<Int(n)], as: UTF16.self) : "")
    }

    func testOpenBadIdentifierReturnsNull() {
        XCTAssertNil(bg_transliterator_open("No-Such-Transliterator"))
        XCTAssertNil(bg_transliterator_open(nil))
        XCTAssertNil(bg_transliterator_open(String(repeating: "x", count: 200)), "too long an id")
        bg_transliterator_close(nil)
    }

    func testTraditionalToSimplified() {
        guard let t = bg_transliterator_open("Traditional-Simplified") else { return XCTFail("open") }
        defer { bg_transliterator_close(t) }
        XCTAssertEqual(transliterate(t, "財政預算").1, "财政预算")
        XCTAssertEqual(transliterate(t, "财政预算").1, "财政预算", "Simplified stays")
        XCTAssertEqual(transliterate(t, "計畫").1, "计划", "a two-character rule, not 计画")
        XCTAssertEqual(transliterate(t, "畫").1, "画")
        XCTAssertEqual(transliterate(t, "").0, 0)
    }

    func testErrors() {
        guard let t = bg_transliterator_open("Traditional-Simplified") else { return XCTFail("open") }
        defer { bg_transliterator_close(t) }
        var units: [UInt16] = Array("財政".utf16)
        XCTAssertEqual(
            units.withUnsafeMutableBufferPointer { bg_transliterate(t, $0.baseAddress, 2, 1) }, -1,
            "cap smaller than length")
        XCTAssertEqual(units.withUnsafeMutableBufferPointer { bg_transliterate(nil, $0.baseAddress, 2, 2) }, -1)
        XCTAssertEqual(units.withUnsafeMutableBufferPointer { bg_transliterate(t, $0.baseAddress, -1, 2) }, -1)
    }

    func testRulesPreflightAndText() {
        guard let t = bg_transliterator_open("Traditional-Simplified") else { return XCTFail("open") }
        defer { bg_transliterator_close(t) }
        let n = bg_transliterator_rules(t, nil, 0)
        XCTAssertGreaterThan(n, 1000)
        var small = [UInt16](repeating: 0, count: 10)
        XCTAssertEqual(
            small.withUnsafeMutableBufferPointer { bg_transliterator_rules(t, $0.baseAddress, 10) }, n,
            "too small a buffer still reports the full length")
        var buffer = [UInt16](repeating: 0, count: Int(n))
        XCTAssertEqual(buffer.withUnsafeMutableBufferPointer { bg_transliterator_rules(t, $0.baseAddress, n) }, n)
        let rules = String(decoding: buffer, as: UTF16.self)
        XCTAssertTrue(rules.contains("\\u8A08\\u756B > \\u8BA1\\u5212;"), "計畫 > 计划 is escaped")
        XCTAssertEqual(bg_transliterator_rules(nil, nil, 0), -1)
        XCTAssertEqual(bg_transliterator_rules(t, nil, 5), -1, "NULL buffer with a capacity")
    }
}
