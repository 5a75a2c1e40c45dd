import BaogaoIngest
import XCTest

/// The one definition of space, pinned: every scalar of Unicode is checked, so a
/// change to the set shows here as the scalars it adds or drops.
final class WhitespaceTests: XCTestCase {
    private static let allScalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))

    func testSpacesAreExactlyTheseScalars() {
        let spaces = Self.allScalars.filter(Whitespace.isSpace).map(\.value)
        XCTAssertEqual(
            spaces,
            [0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680] + Array(0x2000...0x200A) + [0x202F, 0x205F, 0x3000])
    }

    func testLineEndsAreExactlyTheseScalars() {
        XCTAssertEqual(Self.allScalars.filter { Whitespace.isLineEnd($0.value) }.map(\.value), [0x0A, 0x0D, 0x85, 0x2028, 0x2029])
    }

    /// Spaces and line ends split Unicode's White_Space between them, with nothing
    /// left over and nothing in both.
    func testSpacesAndLineEndsPartitionUnicodeWhiteSpace() {
        for c in Self.allScalars {
            let space = Whitespace.isSpace(c.value)
            let lineEnd = Whitespace.isLineEnd(c.value)
            XCTAssertFalse(space && lineEnd, "U+\(String(c.value, radix: 16))")
            XCTAssertEqual(space || lineEnd, c.properties.isWhitespace, "U+\(String(c.value, radix: 16))")
            XCTAssertEqual(Whitespace.isWhitespace(c), c.properties.isWhitespace)
        }
    }

    /// Not space: the zero-width characters a report may hold, which the cleaner
    /// removes on its own terms, and the control characters.
    func testZeroWidthAndControlCharactersAreNotSpace() {
        for v: UInt32 in [0x200B, 0xFEFF, 0x00, 0x1B, 0x7F] { XCTAssertFalse(Whitespace.isSpace(v), "U+\(String(v, radix: 16))") }
    }

    func testTrimmingAndBlankUseTheWholeSet() {
        XCTAssertEqual(Whitespace.trimmed("\u{3000}\t 三保\u{A0}收入 \r\n"), "三保\u{A0}收入")
        XCTAssertEqual(Whitespace.trimmed(" \u{2003}\n"), "")
        XCTAssertEqual(Whitespace.trimmed("三保"), "三保")
        XCTAssertTrue(Whitespace.isBlank(""))
        XCTAssertTrue(Whitespace.isBlank("\u{3000}\u{2028} \r\n"))
        XCTAssertFalse(Whitespace.isBlank(" \u{200B} "))
        XCTAssertTrue(Whitespace.isWhitespace(Character("\r\n")))
    }
}
