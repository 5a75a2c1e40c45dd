import BaogaoIngest
import Dispatch
import XCTest

@testable import BaogaoIndex

/// The paragraph store: zstd blocks with a per-segment dictionary (StoreFile.swift).
final class StoreFileTests: XCTestCase {
    func testASegmentLargeEnoughTrainsADictionaryAndEveryParagraphRoundTrips() throws {
        let paragraphs = Self.paragraphs(3000)
        var writer = StoreWriter()
        for p in paragraphs { writer.append(p) }
        let file = writer.finish()
        XCTAssertGreaterThan(writer.dictionary.count, 0, "a few hundred KiB of paragraphs train a dictionary")
        let reader = try Self.reader(of: file)
        XCTAssertEqual(reader.docCount, paragraphs.count)
        for (d, p) in paragraphs.enumerated() { XCTAssertEqual(try reader.paragraph(d), p, "document \(d)") }
        // And through whole blocks, as the merge and the text reader read them.
        var d = 0
        while d < paragraphs.count {
            let (first, block) = try reader.block(containing: d)
            XCTAssertEqual(first, d)
            XCTAssertEqual(block, Array(paragraphs[d..<(d + block.count)]))
            d += block.count
        }
    }

    func testBlocksWrittenAfterTrainingUseTheSameDictionary() throws {
        // Training early (after 320 KiB of ~1 MiB) leaves most blocks to be compressed as they fill.
        let paragraphs = Self.paragraphs(8000)
        var writer = StoreWriter(trainingBytes: 320 * 1024)
        for p in paragraphs { writer.append(p) }
        let reader = try Self.reader(of: writer.finish())
        XCTAssertGreaterThan(writer.dictionary.count, 0)
        for d in stride(from: 0, to: paragraphs.count, by: 7) { XCTAssertEqual(try reader.paragraph(d), paragraphs[d]) }
    }

    func testATinySegmentHasNoDictionaryAndStillRoundTrips() throws {
        let paragraphs = Self.paragraphs(3)
        var writer = StoreWriter()
        for p in paragraphs { writer.append(p) }
        let file = writer.finish()
        XCTAssertEqual(writer.dictionary, [])
        let reader = try Self.reader(of: file)
        for (d, p) in paragraphs.enumerated() { XCTAssertEqual(try reader.paragraph(d), p) }
        XCTAssertThrowsError(try reader.paragraph(3)) { XCTAssertTrue("\($0)".hasPrefix("index damaged")) }
    }

    func testAnEmptyStoreReadsAsEmpty() throws {
        var writer = StoreWriter()
        let reader = try Self.reader(of: writer.finish())
        XCTAssertEqual(reader.docCount, 0)
        XCTAssertThrowsError(try reader.paragraph(0))
    }

    func testDamagedBlockBytesAreAnIndexDamagedErrorNotACrash() throws {
        var writer = StoreWriter()
        for p in Self.paragraphs(3000) { writer.append(p) }
        let file = writer.finish()
        let blocksStart = IndexFormat.headerSize + 4 + writer.dictionary.count
        // Block 0's entry in the block index: firstDoc, offset, compressed length, raw length.
        let blockCount =
            Int(file[file.count - IndexFormat.footerSize - 8])
            | Int(file[file.count - IndexFormat.footerSize - 7]) << 8
        let entry = file.count - IndexFormat.footerSize - 8 - blockCount * 20
        var badMagic = file
        var cut = file
        var longer = file
        for i in blocksStart..<(blocksStart + 4) { badMagic[i] ^= 0x5A }
        cut[entry + 12] &-= 9  // the frame cut short
        longer[entry + 16] &+= 1  // one byte more than the frame holds
        // (Frames carry no checksum of their own: the file's CRC, checked when it is
        // written and by baogao check, catches flipped bytes inside them.)
        for damaged in [badMagic, cut, longer] {
            let reader = try Self.reader(of: damaged)
            XCTAssertThrowsError(try reader.paragraph(0)) { error in
                guard case IndexError.damaged(let name, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(name, "t.store")
                XCTAssertTrue(reason.hasPrefix("store block 0 does not decompress ("), reason)
            }
        }
    }

    func testADamagedDictionaryIsRefusedOnOpen() throws {
        var writer = StoreWriter()
        for p in Self.paragraphs(3000) { writer.append(p) }
        var file = writer.finish()
        file[IndexFormat.headerSize + 4] ^= 0xFF  // the dictionary's magic number
        XCTAssertThrowsError(try Self.reader(of: file)) { error in
            XCTAssertEqual(
                error as? IndexError,
                .damaged(file: "t.store", reason: "store dictionary is not a zstd dictionary"))
        }
        // A dictionary length past the end is damage too, not a read out of bounds.
        file = writer.finish()
        for i in 0..<4 { file[IndexFormat.headerSize + i] = 0xFF }
        XCTAssertThrowsError(try Self.reader(of: file)) { XCTAssertTrue("\($0)".contains("bad store trailer"), "\($0)") }
    }

    /// The worked example of StoreFile.swift, byte for byte: `教育支出 22960万元` on
    /// line 75, then the same text wrapped after `支出` onto line 77.
    func testTheWorkedExampleOfTheFormat() throws {
        let text = "教育支出 22960万元"
        let utf8 = Array(text.utf8)
        let one = StoredParagraph(text: text, firstLine: 75, lastLine: 75, kind: .body, table: nil, originalOffsets: nil)
        var writer = StoreWriter()
        writer.append(one)
        let file = writer.finish()
        let body = Array(file[IndexFormat.headerSize..<(file.count - IndexFormat.footerSize)])
        let record: [UInt8] = [0x18] + utf8 + [0x4B, 0x00, 0x00, 0x02, 0x00, 0x00]
        XCTAssertEqual(record.count, 31)
        let frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00, 0xF9, 0x00, 0x00] + record
        let expected: [UInt8] =
            [0, 0, 0, 0] + frame
            + [0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0x28, 0, 0, 0, 0x1F, 0, 0, 0]
            + [0x01, 0, 0, 0, 0x01, 0, 0, 0]
        XCTAssertEqual(body, expected)
        XCTAssertEqual(try Self.reader(of: file).paragraph(0), one)

        var wrapped = one
        wrapped.lastLine = 77
        wrapped.lineStarts = [LineStart(offset: 4, line: 77)]
        var w2 = StoreWriter()
        w2.append(wrapped)
        let file2 = w2.finish()
        let needle: [UInt8] = utf8 + [0x4B, 0x02, 0x01, 0x04, 0x02, 0x02, 0x00, 0x00]
        XCTAssertTrue(
            (0...(file2.count - needle.count)).contains { Array(file2[$0..<($0 + needle.count)]) == needle },
            "lineStarts 01 04 02 after 4B 02")
        XCTAssertEqual(try Self.reader(of: file2).paragraph(0), wrapped)
    }

    func testManyThreadsReadOneStoreAtOnce() throws {
        let paragraphs = Self.paragraphs(2000)
        var writer = StoreWriter()
        for p in paragraphs { writer.append(p) }
        let reader = try Self.reader(of: writer.finish())
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for d in stride(from: t, to: paragraphs.count, by: 3) where (try? reader.paragraph(d)) != paragraphs[d] {
                failures.add(d)
            }
        }
        XCTAssertEqual(failures.count, 0)
    }

    // MARK: - Helpers

    /// A reader over the body of a whole `.store` file. The copy it reads is never
    /// freed (the reader points into it, as into a mapped file): a few MB per test run.
    private static func reader(of file: [UInt8]) throws -> StoreReader {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: file.count, alignment: 8)
        buffer.copyMemory(from: UnsafeRawBufferPointer(start: file, count: file.count))
        let body = try IndexFormat.checkFrame(
            UnsafeRawBufferPointer(buffer), kind: .store, file: "t.store",
            verifyChecksum: false)
        return try StoreReader(body: body, file: "t.store")
    }

    /// Report-like paragraphs: shared wording, different numbers, every optional part.
    static func paragraphs(_ n: Int) -> [StoredParagraph] {
        let regions = ["江津区", "解放区", "焦作市", "渝北区", "璧山区"]
        let items = ["一般公共预算收入", "税收收入", "教育支出", "社会保障和就业支出", "政府性基金预算收入"]
        return (0..<n).map { i in
            let text =
                "\(2018 + i % 7)年\(regions[i % 5])\(items[i % 5])完成\(1000 + i * 37 % 9000)万元，"
                + "为预算的\(90 + i % 17).\(i % 10)%，同比增长\(i % 13).\(i % 7)%。𠀀 第\(i)段"
            let table = i % 10 == 3 ? TableContext(caption: "表\(i % 4)", unit: "单位：万元", columns: ["项目", "预算数", "执行数"]) : nil
            let kinds: [Paragraph.Kind] = [.body, .heading, .listItem, .tableRow, .glossary, .title]
            let offsets: [Int32]? = i % 4 == 1 ? (0...Int32(text.unicodeScalars.count)).map { $0 + $0 / 5 } : nil
            // 0, 1 or 2 lines after the first, some a blank line apart (PDF text), one
            // far on (a gap of two varint bytes).
            let first = 10 + i * 3
            let starts = (0..<(i % 3)).map { k in
                LineStart(offset: 17 * (k + 1) + i % 5, line: first + (k + 1) * (1 + i % 2) + (i % 50 == 2 ? 300 : 0))
            }
            return StoredParagraph(
                text: text, firstLine: first, lastLine: starts.last?.line ?? first, lineStarts: starts,
                kind: kinds[i % kinds.count], table: table, originalOffsets: offsets)
        }
    }
}

/// Counts failures from many threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [Int] = []
    func add(_ d: Int) {
        lock.lock()
        documents.append(d)
        lock.unlock()
    }
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return documents.count
    }
}
