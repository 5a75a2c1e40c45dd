import CDeflate
import XCTest

/// The checksums are the standard ones (indexes and fingerprints written by
/// any build agree), and feeding bytes in pieces or none at all changes nothing.
final class ChecksumTests: XCTestCase {
    private func crc(_ bytes: [UInt8], from start: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { bg_crc32(start, $0.baseAddress, UInt64($0.count)) }
    }

    private func adler(_ bytes: [UInt8], from start: UInt32 = 1) -> UInt32 {
        bytes.withUnsafeBufferPointer { bg_adler32(start, $0.baseAddress, UInt64($0.count)) }
    }

    func testTheStandardCheckValues() {
        XCTAssertEqual(crc(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(adler(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(crc(Array("财政预算".utf8)), crc(Array("财政".utf8) + Array("预算".utf8)))
    }

    func testPiecesAndEmptyBuffersContinueTheChecksum() {
        let bytes = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let whole = crc(bytes)
        let wholeAdler = adler(bytes)
        var c: UInt32 = 0
        var a: UInt32 = 1
        for piece in stride(from: 0, to: bytes.count, by: 4_099).map({ Array(bytes[$0..<min($0 + 4_099, bytes.count)]) }) {
            c = crc(piece, from: c)
            a = adler(piece, from: a)
            c = crc([], from: c)
            a = adler([], from: a)
        }
        XCTAssertEqual(c, whole)
        XCTAssertEqual(a, wholeAdler)
        XCTAssertEqual(crc([]), 0)
        XCTAssertEqual(adler([]), 1)
    }
}
