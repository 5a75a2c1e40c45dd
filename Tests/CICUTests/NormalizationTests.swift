import CICU
import XCTest

/// bg_nfkc_casefold and bg_nfkc_casefold_boundary_before.
final class NormalizationTests: XCTestCase {
    private func casefold(_ text: String, cap: Int = 256) -> (Int32, String) {
        let units = Array(text.utf16)
        var out = [UInt16](repeating: 0, count: cap)
        let n = units.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                bg_nfkc_casefold(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
            }
        }
        let text = n >= 0 && Int(n) <= cap ? String(decoding: out[0..<Int(n)], as: UTF16.self) : ""
        return (n, text)
    }

    func testFullWidthFormsFold() {
        XCTAssertEqual(casefold("（２０２４）").1, "(2024)")
        XCTAssertEqual(casefold("，：；").1, ",:;")
        XCTAssertEqual(casefold("ＡＢＣabc").1, "abcabc")
        XCTAssertEqual(casefold("GDP").1, "gdp")
    }

    func testCompatibilityExpansionsAndRemovals() {
        XCTAssertEqual(casefold("㈠").1, "(一)")
        XCTAssertEqual(casefold("½").1, "1\u{2044}2")
        XCTAssertEqual(casefold("a\u{00AD}b").1, "ab", "soft hyphen is removed")
        XCTAssertEqual(casefold("e\u{0301}").1, "é", "composes")
    }

    func testCJKAndAstralAreUnchanged() {
        XCTAssertEqual(casefold("财政預算𠀀").1, "财政預算𠀀", "nfkc_cf does not do T2S")
    }

    func testPreflightWhenCapIsTooSmall() {
        let (n, _) = casefold("（２０２４）", cap: 2)
        XCTAssertEqual(n, 6, "returns the full length")
        let units = Array("abc".utf16)
        let m = units.withUnsafeBufferPointer { bg_nfkc_casefold($0.baseAddress, 3, nil, 0) }
        XCTAssertEqual(m, 3, "pure preflight with a NULL buffer")
    }

    func testExactFitWithoutRoomForTerminator() {
        XCTAssertEqual(casefold("ab", cap: 2).0, 2)
    }

    func testErrors() {
        XCTAssertEqual(bg_nfkc_casefold(nil, -2, nil, 0), -1)
        XCTAssertEqual(bg_nfkc_casefold(nil, 0, nil, -1), -1)
        XCTAssertEqual(bg_nfkc_casefold(nil, 0, nil, 0), 0, "empty input")
    }

    func testBoundaryBefore() {
        XCTAssertEqual(bg_nfkc_casefold_boundary_before(0x61), 1, "a")
        XCTAssertEqual(bg_nfkc_casefold_boundary_before(0x8D22), 1, "财")
        XCTAssertEqual(bg_nfkc_casefold_boundary_before(0x20000), 1, "𠀀")
        XCTAssertEqual(bg_nfkc_casefold_boundary_before(0x0301), 0, "combining acute combines with what precedes")
        XCTAssertEqual(bg_nfkc_casefold_boundary_before(0x1161), 0, "Hangul vowel jamo composes")
    }
}
