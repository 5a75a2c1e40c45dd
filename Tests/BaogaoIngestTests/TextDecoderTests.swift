import CICU
import XCTest

@testable import BaogaoIngest

final class TextDecoderTests: XCTestCase {
    private let text = "关于解放区2023年财政预算执行情况\n一、2023年预算执行情况\n"

    private func decode(_ bytes: [UInt8]) throws -> TextDecoder.Decoded {
        try TextDecoder.decode(bytes, file: "t.txt")
    }

    func testUTF8WithAndWithoutBOM() throws {
        let plain = try decode(Array(text.utf8))
        XCTAssertEqual(plain.encoding, .utf8)
        XCTAssertEqual(String(decoding: plain.utf8, as: UTF8.self), text)
        let bom = try decode([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(bom.encoding, .utf8)
        XCTAssertEqual(String(decoding: bom.utf8, as: UTF8.self), text)
    }

    func testUTF16WithBOM() throws {
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let a = try decode(le)
        let b = try decode(be)
        XCTAssertEqual(a.encoding, .utf16LE)
        XCTAssertEqual(b.encoding, .utf16BE)
        XCTAssertEqual(String(decoding: a.utf8, as: UTF8.self), text)
        XCTAssertEqual(String(decoding: b.utf8, as: UTF8.self), text)
    }

    func testUTF16WithoutBOMIsRecognisedByItsNULs() throws {
        let units = Array(text.utf16)
        let le: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try decode(le).encoding, .utf16LE)
    }

    func testGB18030HardCodedBytes() throws {
        // "关于预算" in GBK: B9D8 D3DA D4A4 CBE3, then "\n2024年" with 年 = C4EA.
        let bytes: [UInt8] = [
            0xB9, 0xD8, 0xD3, 0xDA, 0xD4, 0xA4, 0xCB, 0xE3, 0x0A,
            0x32, 0x30, 0x32, 0x34, 0xC4, 0xEA
        ]
        let d = try decode(bytes)
        XCTAssertEqual(d.encoding, .gb18030)
        XCTAssertEqual(String(decoding: d.utf8, as: UTF8.self), "关于预算\n2024年")
    }

    func testGB18030HeadingParsesIntoAReport() throws {
        let gbk: [UInt8] = [
            0xD2, 0xBB, 0xA1, 0xA2, 0x32, 0x30, 0x32, 0x33, 0x20, 0xC4, 0xEA,
            0xD4, 0xA4, 0xCB, 0xE3, 0xD6, 0xB4, 0xD0, 0xD0, 0xC7, 0xE9, 0xBF, 0xF6
        ]
        let d = try decode(gbk)
        XCTAssertEqual(String(decoding: d.utf8, as: UTF8.self), "一、2023 年预算执行情况")
        let report = try ReportReader.parse(bytes: gbk, doc: "gbk.txt")
        XCTAssertEqual(report.paragraphs.first?.kind, .heading)
    }

    func testInvalidUTF8ThatIsNotGB18030EitherNamesFileAndOffset() {
        // 0x80 is a lone continuation byte in UTF-8 and no lead byte in GB18030.
        let bytes: [UInt8] = Array("正文".utf8) + [0x80, 0x80, 0xFF, 0x41]
        XCTAssertThrowsError(try decode(bytes)) { error in
            guard case IngestError.undecodable(let file, _, let offset) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(file, "t.txt")
            XCTAssertEqual(offset, 6)
            XCTAssertTrue((error as? IngestError)?.description.contains("t.txt") ?? false)
        }
    }

    func testEmptyAndBinary() {
        XCTAssertThrowsError(try decode([])) { XCTAssertEqual($0 as? IngestError, .empty(file: "t.txt")) }
        let text = Array("预算报告正文，一般公共预算收入 90074万元。".utf8)
        // NULs in more than one byte in twenty: binary data, not a damaged report.
        XCTAssertThrowsError(try decode(text + [0x00, 0x00, 0x00, 0x00, 0x00] + Array(text.prefix(30)))) {
            XCTAssertEqual($0 as? IngestError, .binary(file: "t.txt", byteOffset: text.count))
        }
    }

    /// One bad byte at the end of a large file, or a stray NUL, no longer costs the
    /// whole report: the bytes are replaced and their offsets reported.
    func testAFewUndecodableBytesAreReplacedAndReported() throws {
        let text = Array(String(repeating: "预算报告正文，一般公共预算收入90074万元。\n", count: 50).utf8)
        let damaged = text + [0xFF] + Array("结尾。\n".utf8)
        let d = try decode(damaged)
        XCTAssertEqual(d.replaced, TextDecoder.Replaced(count: 1, firstOffsets: [text.count]))
        XCTAssertTrue(String(decoding: d.utf8, as: UTF8.self).hasSuffix("\u{FFFD}结尾。\n"))

        let withNUL = Array(text.prefix(60)) + [0x00] + Array(text.dropFirst(60))
        XCTAssertEqual(try decode(withNUL).replaced, TextDecoder.Replaced(count: 1, firstOffsets: [60]))

        let report = try ReportReader.parse(bytes: damaged, doc: "d.txt")
        XCTAssertEqual(report.warnings, ["d.txt: 1 byte(s) that are not UTF-8 replaced with U+FFFD (at byte \(text.count))"])
        XCTAssertEqual(try ReportReader.parse(bytes: text, doc: "d.txt").warnings, [])

        // After a byte-order mark, offsets count the mark.
        XCTAssertEqual(try decode([0xEF, 0xBB, 0xBF] + damaged).replaced.firstOffsets, [text.count + 3])
    }

    func testValidatorAgreesWithTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        // Boundary bytes of UTF-8's lead and continuation ranges, mixed with random ones.
        let edges: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF
        ]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Bool.random(using: &rng) ? (edges.randomElement(using: &rng) ?? 0) : UInt8.random(in: 0...255, using: &rng)
            }
            let ours = TextDecoder.firstInvalidUTF8(bytes) == nil
            let std = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(ours, std, "\(bytes)")
        }
    }
}
