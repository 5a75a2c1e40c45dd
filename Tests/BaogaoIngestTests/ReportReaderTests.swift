import Foundation
import XCTest

@testable import BaogaoIngest

final class ReportReaderTests: XCTestCase {
    private func temporaryFile(_ bytes: [UInt8], name: String = "report.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baogao-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return url.path
    }

    private func assertIngestError(
        _ path: String, file: StaticString = #filePath, line: UInt = #line,
        _ check: (IngestError) -> Bool
    ) {
        do {
            let r = try ReportReader.read(fileAt: path)
            XCTFail("expected an error, got \(r.paragraphs.count) paragraphs", file: file, line: line)
        } catch {
            XCTAssertTrue(check(error), "\(error)", file: file, line: line)
            XCTAssertTrue(error.description.contains((path as NSString).lastPathComponent), file: file, line: line)
        }
    }

    func testBadInputGivesAClearErrorNamingTheFile() throws {
        assertIngestError(try temporaryFile([], name: "empty.txt")) { $0 == .empty(file: "empty.txt") }
        assertIngestError(try temporaryFile(Array(" \n\u{3000}\r\n\t".utf8), name: "blank.txt")) {
            $0 == .empty(file: "blank.txt")
        }
        var rng = SystemRandomNumberGenerator()
        var binary = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        binary[100] = 0
        assertIngestError(try temporaryFile(binary, name: "blob.bin")) {
            if case .binary(let f, _) = $0 { return f == "blob.bin" }
            if case .undecodable(let f, _, _) = $0 { return f == "blob.bin" }
            return false
        }
        assertIngestError(try temporaryFile(Array("正文".utf8) + [0x80, 0xFF, 0xFE, 0x41], name: "bad.txt")) {
            if case .undecodable(let f, _, _) = $0 { return f == "bad.txt" }
            return false
        }
        assertIngestError("/nonexistent/dir/missing.txt") {
            if case .unreadable(let f, _) = $0 { return f == "missing.txt" }
            return false
        }
        let dir = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try ReportReader.read(fileAt: dir)) { error in
            XCTAssertEqual((error as? IngestError)?.reason, "cannot read: is a directory")
        }
    }

    func testAFileOverTheSizeLimitIsRefusedUnreadNamingItsSizeAndTheLimit() throws {
        let path = try temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 3 << 20), name: "huge.txt")
        XCTAssertThrowsError(try ReportReader.read(fileAt: path, sizeLimit: 1 << 20)) { error in
            XCTAssertEqual(error as? IngestError, .tooLarge(file: "huge.txt", bytes: 3 << 20, limit: 1 << 20))
            XCTAssertEqual(
                "\(error)", "huge.txt: 3 MB, larger than the 1 MB limit on one report file (--max-file-mb raises it)")
        }
        XCTAssertFalse(try ReportReader.read(fileAt: path, sizeLimit: 3 << 20).paragraphs.isEmpty, "at the limit it is read")
    }

    func testFileBytesReadsTheWholeFileExactly() throws {
        var rng = SystemRandomNumberGenerator()
        for count in [0, 1, 4095, 4096, 1 << 20, (1 << 20) + 17] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let path = try temporaryFile(bytes, name: "f\(count).bin")
            XCTAssertEqual(try FileBytes.read(path, limit: .max).get(), bytes, "\(count) bytes")
            XCTAssertEqual(FileBytes.read(path, limit: count), .success(bytes), "a file of exactly the limit is read")
        }
        XCTAssertEqual(FileBytes.read("/nonexistent/x.txt", limit: .max), .failure(.missing))
        XCTAssertEqual(FileBytes.read(FileManager.default.temporaryDirectory.path, limit: .max), .failure(.directory))
    }

    func testCRLFAndCRLineEndsGiveTheSameParagraphsAndLines() throws {
        let source = String(decoding: try Fixtures.bytes(Fixtures.jiefang), as: UTF8.self)
        let lf = try Fixtures.parse(source)
        let crlf = try Fixtures.parse(source.replacingOccurrences(of: "\n", with: "\r\n"))
        let cr = try Fixtures.parse(source.replacingOccurrences(of: "\n", with: "\r"))
        XCTAssertEqual(lf.paragraphs, crlf.paragraphs)
        XCTAssertEqual(lf.paragraphs, cr.paragraphs)
        XCTAssertEqual(lf.metadata, cr.metadata)
    }

    func testUTF16SampleReadsLikeUTF8() throws {
        let source = String(decoding: try Fixtures.bytes(Fixtures.jiaozuo), as: UTF8.self)
        let le: [UInt8] = [0xFF, 0xFE] + source.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(
            try ReportReader.parse(bytes: le, doc: "x").paragraphs,
            try Fixtures.parse(source, doc: "x").paragraphs)
    }

    /// One 20 MB line: cut into paragraphs of bounded length, nothing lost. (How long
    /// it takes is a benchmark's to say — BENCHMARKS.md, "Hostile input" — not a test's:
    /// a time bound here failed under the address sanitizer and would on a busy machine.)
    func testA20MBSingleLineIsCutIntoBoundedParagraphsWithNothingLost() throws {
        let unit = Array("全区一般公共预算收入 90074万元，同比增长 5.1%，".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 << 20)
        while bytes.count < 20 << 20 { bytes.append(contentsOf: unit) }
        let r = try ReportReader.parse(bytes: bytes, doc: "huge.txt")
        // Cut into pieces of at most `ParagraphSplitter.hard` characters, nothing lost.
        XCTAssertEqual(r.paragraphs.count, 2343)
        XCTAssertTrue(r.paragraphs.allSatisfy { $0.text.unicodeScalars.count <= ParagraphSplitter.hard })
        XCTAssertEqual(r.paragraphs.reduce(0) { $0 + $1.text.utf8.count }, bytes.count)
    }

    /// 50,000 lines of the characters the cleaner treats specially (`[`, `*`, markers).
    func testManyLinesOfExportMarkupAreRead() throws {
        let line = "[[**[bookmark 1.（一）【\n"
        let r = try Fixtures.parse(String(repeating: line, count: 50_000))
        XCTAssertFalse(r.paragraphs.isEmpty)
        XCTAssertEqual(r.paragraphs.last?.lastLine, 50_000)
    }

    func testRandomInputNeverCrashes() throws {
        var rng = SystemRandomNumberGenerator()
        var sampleLines: [[UInt8]] = []
        for name in [Fixtures.jiefang, Fixtures.jiangjin, Fixtures.jiaozuo] {
            sampleLines += try Fixtures.bytes(name).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        }
        let pieces: [[UInt8]] = [
            Array("**".utf8), Array("[bookmark: x]".utf8), Array("|".utf8), Array("  ".utf8),
            Array("\t".utf8), Array("【".utf8), Array("】".utf8), Array("1.".utf8),
            Array("（一）".utf8), Array("一、".utf8), Array("名词解释".utf8), Array("\r".utf8),
            Array("各位代表：".utf8), Array("单位：万元".utf8), Array("——".utf8), [0xEF, 0xBB, 0xBF]
        ]
        for round in 0..<400 {
            var bytes: [UInt8] = []
            switch round % 4 {
            case 0:  // raw random bytes
                bytes = (0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1:  // a random mix of the samples' lines
                for _ in 0..<Int.random(in: 1...80, using: &rng) {
                    bytes += sampleLines.randomElement(using: &rng) ?? []
                    bytes.append([0x0A, 0x0D, 0x0A].randomElement(using: &rng) ?? 0x0A)
                }
            case 2:  // structural pieces and sample fragments
                for _ in 0..<Int.random(in: 1...120, using: &rng) {
                    if Bool.random(using: &rng), let line = sampleLines.randomElement(using: &rng), !line.isEmpty {
                        let a = Int.random(in: 0..<line.count, using: &rng)
                        bytes += line[a..<min(line.count, a + Int.random(in: 0...40, using: &rng))]
                    } else {
                        bytes += pieces.randomElement(using: &rng) ?? []
                    }
                    if Int.random(in: 0..<4, using: &rng) == 0 { bytes.append(0x0A) }
                }
            default:  // a sample with random bytes flipped
                bytes = try Fixtures.bytes([Fixtures.jiefang, Fixtures.jiangjin, Fixtures.jiaozuo][round % 3])
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            do {
                let r = try ReportReader.parse(bytes: bytes, doc: "fuzz.txt")
                if round % 4 == 1 {
                    // Whole sample lines in any order: still nothing lost, nothing doubled.
                    let source = String(decoding: bytes, as: UTF8.self)
                    XCTAssertEqual(
                        String(r.paragraphs.map(\.text).joined().filter { !$0.isWhitespace }),
                        String(ParagraphBuilderTests.expectedCharacters(source)))
                }
                for (i, p) in r.paragraphs.enumerated() {
                    XCTAssertEqual(p.number, i + 1)
                    XCTAssertLessThanOrEqual(p.firstLine, p.lastLine)
                    XCTAssertFalse(p.text.isEmpty)
                }
            } catch {
                XCTAssertEqual(error.file, "fuzz.txt")
            }
        }
    }
}
