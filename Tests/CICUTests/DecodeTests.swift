import CICU
import XCTest

/// bg_decode.
final class DecodeTests: XCTestCase {
    private func decode(_ charset: String, _ bytes: [UInt8], cap: Int = 64) -> (Int32, [UInt16], Int32) {
        var out = [UInt16](repeating: 0, count: cap)
        var errorOffset: Int32 = -7
        let n = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                bg_decode(charset, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &errorOffset)
            }
        }
        return (n, n >= 0 && Int(n) <= cap ? Array(out[0..<Int(n)]) : [], errorOffset)
    }

    func testGB18030OfCaiZheng() {
        let (n, units, _) = decode("GB18030", [0xB2, 0xC6, 0xD5, 0xFE])
        XCTAssertEqual(n, 2)
        XCTAssertEqual(units, Array("财政".utf16))
    }

    func testGB18030FourByteAstral() {
        let (n, units, _) = decode("GB18030", [0x95, 0x32, 0x82, 0x36, 0x41])
        XCTAssertEqual(n, 3)
        XCTAssertEqual(String(decoding: units, as: UTF16.self), "𠀀A")
    }

    func testIllegalSequenceReportsItsByteOffset() {
        let (n, _, offset) = decode("GB18030", [0x41, 0x42, 0xB2, 0xC6, 0x81, 0x20, 0x43])
        XCTAssertEqual(n, -2)
        XCTAssertEqual(offset, 4, "the lead byte 0x81 at offset 4 starts the bad sequence")
    }

    func testTruncatedSequenceAtTheEnd() {
        let (n, _, offset) = decode("GB18030", [0x41, 0xB2])
        XCTAssertEqual(n, -2)
        XCTAssertEqual(offset, 1)
    }

    func testUnknownCharsetIsMinusOne() {
        XCTAssertEqual(decode("no-such-charset", [0x41]).0, -1)
    }

    func testEmptyInputAndBadArguments() {
        XCTAssertEqual(decode("GB18030", []).0, 0)
        XCTAssertEqual(bg_decode("GB18030", nil, -1, nil, 0, nil), -1)
    }

    func testTooSmallBufferReportsMoreThanCap() {
        let (n, _, _) = decode("GB18030", [0xB2, 0xC6, 0xD5, 0xFE, 0x41, 0x42], cap: 1)
        XCTAssertGreaterThan(n, 1, "call again with a larger buffer")
    }
}
