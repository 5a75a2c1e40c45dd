import BaogaoAnalysis
import BaogaoCorpusGenerator
import BaogaoIngest
import CDeflate
import Foundation
import XCTest

@testable import BaogaoIndex

/// A crash at any moment leaves the previous index usable; damage is detected
/// and named; a newer format is refused; two writers never run at once.
final class CommitSafetyTests: XCTestCase {
    private func indexedScratch() throws -> (Scratch, String) {
        let scratch = Scratch()
        let corpus = scratch.corpus(["002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"])
        try buildIndex(corpus: corpus, index: scratch.index)
        return (scratch, corpus)
    }

    func testACrashWhileWritingASegmentLeavesTheOldIndexWorking() throws {
        let (scratch, corpus) = try indexedScratch()
        let before = try snapshot(IndexReader.open(path: scratch.index))
        try FileManager.default.copyItem(
            atPath: sampleCorpus + "/000_d12f06acd0fd881e.txt",
            toPath: corpus + "/000_d12f06acd0fd881e.txt")
        // The "crash": the third file write writes half its bytes and fails.
        let writes = Counter()
        let crashing = FileSink { (path: String, bytes: [UInt8]) throws(IndexError) in
            if writes.next() == 3 {
                try FileSink.system.write(path, Array(bytes.prefix(bytes.count / 2)))
                throw IndexError.io(path: path, reason: "simulated crash")
            }
            try FileSink.system.write(path, bytes)
        }
        XCTAssertThrowsError(
            try buildIndex(corpus: corpus, index: scratch.index) {
                $0.sink = crashing
                $0.workers = 1
            })
        XCTAssertEqual(try snapshot(IndexReader.open(path: scratch.index)), before)

        // The next run finishes the job and clears what the crash left.
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.added, ["000_d12f06acd0fd881e.txt"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.index)
            .filter { $0.hasPrefix("seg-") }
            .compactMap { $0.split(separator: ".").first.map(String.init) }
        XCTAssertEqual(Set(leftovers), Set(try IndexReader.open(path: scratch.index).segments.map(\.name)))
    }

    func testAManifestWrittenButNeverRenamedIsIgnored() throws {
        let (scratch, corpus) = try indexedScratch()
        let before = try snapshot(IndexReader.open(path: scratch.index))
        try FileManager.default.copyItem(
            atPath: sampleCorpus + "/000_d12f06acd0fd881e.txt",
            toPath: corpus + "/000_d12f06acd0fd881e.txt")
        let crashing = FileSink { (path: String, bytes: [UInt8]) throws(IndexError) in
            if path.hasSuffix("MANIFEST.tmp") {
                try FileSink.system.write(path, Array(bytes.prefix(40)))
                throw IndexError.io(path: path, reason: "simulated crash before the rename")
            }
            try FileSink.system.write(path, bytes)
        }
        XCTAssertThrowsError(try buildIndex(corpus: corpus, index: scratch.index) { $0.sink = crashing })
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.index + "/MANIFEST.tmp"))
        XCTAssertEqual(try snapshot(IndexReader.open(path: scratch.index)), before)
    }

    /// Opening is lazy (headers, footers, lengths, the small tables): a byte
    /// flipped inside a file's body is found by the full check — `baogao check`
    /// (`IndexCheck`), or an open asked to verify checksums — which names it.
    func testFlippedBytesInAnyFileAreDetectedAndNamed() throws {
        let (scratch, _) = try indexedScratch()
        let segment = try IndexReader.open(path: scratch.index).segments[0].name
        for ext in ["terms", "post", "pos", "docs", "store", "facts"] {
            let path = scratch.index + "/" + segment + "." + ext
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            var damaged = original
            damaged[damaged.count / 2] ^= 0x40
            try damaged.write(to: URL(fileURLWithPath: path))
            let check = try IndexCheck.run(path: scratch.index)
            XCTAssertFalse(check.isWhole, ext)
            XCTAssertEqual(check.segments.first { $0.name == segment }?.damage?.problem, "\(segment).\(ext): checksum mismatch")
            XCTAssertThrowsError(try IndexReader.open(path: scratch.index, verifyChecksums: true)) { error in
                XCTAssertEqual("\(error)", "index damaged: \(segment).\(ext): checksum mismatch — run baogao index to repair it")
            }
            try original.write(to: URL(fileURLWithPath: path))
        }
        XCTAssertNoThrow(try IndexReader.open(path: scratch.index, verifyChecksums: true))
        let check = try IndexCheck.run(path: scratch.index)
        XCTAssertTrue(check.isWhole)
        XCTAssertEqual(check.segments.map { $0.census?.storedParagraphs }, check.segments.map(\.docs))
    }

    /// Without the CRC pass at open, damaged bytes reach the decoders: wherever a
    /// byte is flipped, opening and reading every term, posting, position and
    /// paragraph, and every table a segment reads on first use (reports,
    /// sections, facts), either works or throws `IndexError.damaged` naming the file —
    /// never a crash, a trap or another error. (What still decodes after a flip
    /// may read differently: that is what `baogao check` is for.)
    func testAFlippedByteAnywhereIsDamageWhenReadNeverACrash() throws {
        let (scratch, _) = try indexedScratch()
        let segment = try IndexReader.open(path: scratch.index).segments[0].name
        for ext in ["terms", "post", "pos", "docs", "store", "facts"] {
            let path = scratch.index + "/" + segment + "." + ext
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            for k in 0..<48 {
                var damaged = original
                let at = 16 + (damaged.count - 32) * k / 48
                damaged[at] ^= UInt8(1 << (k % 8))
                try damaged.write(to: URL(fileURLWithPath: path))
                do {
                    let reader = try IndexReader.open(path: scratch.index)
                    for (s, seg) in reader.segments.enumerated() {
                        _ = try seg.checkStructure()
                        for d in 0..<seg.docCount { _ = try reader.paragraph(segment: s, doc: d) }
                        // The tables read on first use, not at open.
                        _ = try seg.reportYears
                        _ = try seg.reports
                        _ = try seg.sectionPaths
                        _ = try seg.facts
                    }
                } catch let error as IndexError {
                    guard case .damaged(let file, _) = error else { return XCTFail("\(ext) byte \(at): \(error)") }
                    XCTAssertTrue(file.hasPrefix(segment), "\(ext) byte \(at): \(error)")
                }
            }
            try original.write(to: URL(fileURLWithPath: path))
        }
    }

    func testTruncatedFilesAndManifestAreDetected() throws {
        let (scratch, _) = try indexedScratch()
        let segment = try IndexReader.open(path: scratch.index).segments[0].name
        let path = scratch.index + "/" + segment + ".post"
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try original.prefix(original.count - 100).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            guard case IndexError.damaged(let file, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, segment + ".post")
            XCTAssertTrue(reason.contains("truncated"), reason)
        }
        try original.write(to: URL(fileURLWithPath: path))

        let manifest = scratch.index + "/MANIFEST"
        let text = try Data(contentsOf: URL(fileURLWithPath: manifest))
        try text.prefix(text.count / 2).write(to: URL(fileURLWithPath: manifest))
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            guard case IndexError.damaged(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "MANIFEST")
        }
        // baogao index recovers by rebuilding, and says why.
        let summary = try buildIndex(corpus: scratch.path + "/corpus", index: scratch.index)
        XCTAssertNotNil(summary.rebuildReason)
        XCTAssertNoThrow(try IndexReader.open(path: scratch.index))
    }

    func testANewerFormatIsRefusedWithAClearMessage() throws {
        let (scratch, _) = try indexedScratch()
        let folder = IndexFolder(path: scratch.index)
        var manifest = try IndexReader.readManifest(folder)
        manifest.format = IndexFormat.version + 1
        try FileSink.system.write(folder.file("MANIFEST"), try manifest.encoded())
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            XCTAssertEqual(error as? IndexError, .tooNew(file: "MANIFEST", version: IndexFormat.version + 1))
            XCTAssertTrue("\(error)".contains("newer than this baogao reads"))
        }
        // The writer refuses to clobber it, too.
        XCTAssertThrowsError(try buildIndex(corpus: scratch.path + "/corpus", index: scratch.index))

        // A segment file with a newer version in its header and footer is refused the same way.
        let fresh = Scratch()
        try buildIndex(corpus: fresh.corpus(["003_b7f3892a3cb1f6c5.txt"]), index: fresh.index)
        let name = try IndexReader.open(path: fresh.index).segments[0].name
        let path = fresh.index + "/" + name + ".terms"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[8] = UInt8(IndexFormat.version + 1)
        bytes[bytes.count - 8] = UInt8(IndexFormat.version + 1)
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexReader.open(path: fresh.index)) { error in
            XCTAssertEqual(error as? IndexError, .tooNew(file: name + ".terms", version: IndexFormat.version + 1))
        }
    }

    func testAnOlderFormatIsRefusedByReadersAndRebuiltByTheWriter() throws {
        let (scratch, corpus) = try indexedScratch()
        let folder = IndexFolder(path: scratch.index)
        var manifest = try IndexReader.readManifest(folder)
        manifest.format = IndexFormat.oldestReadable - 1
        try FileSink.system.write(folder.file("MANIFEST"), try manifest.encoded())
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            XCTAssertEqual(error as? IndexError, .tooOld(file: "MANIFEST", version: IndexFormat.oldestReadable - 1))
            XCTAssertTrue("\(error)".contains("run baogao index, which rebuilds it"), "\(error)")
        }
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.rebuildReason, "the index has old format version \(IndexFormat.oldestReadable - 1)")
        XCTAssertEqual(try IndexReader.open(path: scratch.index).segments.count, 2)
    }

    /// An index as the previous version wrote it — manifest and every segment file
    /// framed as version 14, checksums right — is rebuilt by `baogao index` with no
    /// flag, and the rebuilt one has what versions 6 to 15 added: where lines start,
    /// joined bigrams with positions in the text without its inline marks, the page
    /// starts of a PDF, each fact's relation kind, phrase terms.
    func testAnIndexOfThePreviousVersionIsRebuiltByItself() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["000_d12f06acd0fd881e.txt", "002_b5c26ff8d3e05e66.txt"])
        let text = String(decoding: try XCTUnwrap(FileBytes.read(sampleCorpus + "/002_b5c26ff8d3e05e66.txt")), as: UTF8.self)
        let pdf = PDFWriter.pdf(pages: PDFWriter.pages(of: text))
        try Data(pdf).write(to: URL(fileURLWithPath: corpus + "/jiangjin.pdf"))
        try buildIndex(corpus: corpus, index: scratch.index)
        let previous = IndexFormat.version - 1
        XCTAssertEqual(previous, 14)
        let folder = IndexFolder(path: scratch.index)
        var manifest = try IndexReader.readManifest(folder)
        manifest.format = previous
        for (s, segment) in manifest.segments.enumerated() {
            for (ext, _) in segment.files {
                let path = scratch.index + "/" + segment.name + "." + ext
                var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                bytes[8] = UInt8(previous)
                bytes[bytes.count - 8] = UInt8(previous)
                let crc = bytes.withUnsafeBufferPointer { bg_crc32(0, $0.baseAddress, UInt64($0.count - 16)) }
                for i in 0..<4 { bytes[bytes.count - 16 + i] = UInt8(truncatingIfNeeded: crc >> (8 * i)) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                manifest.segments[s].files[ext]?.crc = crc
            }
        }
        try FileSink.system.write(folder.file("MANIFEST"), try manifest.encoded())
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            XCTAssertEqual(error as? IndexError, .tooOld(file: "MANIFEST", version: previous))
        }

        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.rebuildReason, "the index has old format version 14")
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(try IndexReader.readManifest(folder).format, IndexFormat.version)
        // Version 11: the segments chose phrase terms.
        XCTAssertGreaterThan(reader.segments.map(\.phraseTermCount).reduce(0, +), 0)
        // ¶48 writes 政府过“紧日子”要求 and 政府过“紧日子”换来.
        let report = try ReportReader.read(fileAt: corpus + "/002_b5c26ff8d3e05e66.txt")
        let p48 = try XCTUnwrap(report.paragraphs.first { $0.number == 48 })
        let free = InlineMarks.withoutInlineMarks(Analyzer().normalize(p48.text).scalars).scalars
        let starts = (0..<(free.count - 1)).filter { free[$0] == "过" && free[$0 + 1] == "紧" }.map { UInt32($0) }
        XCTAssertEqual(starts.count, 2)
        XCTAssertEqual(try snapshot(reader)["j过紧"]?["002_b5c26ff8d3e05e66.txt#48"], starts)
        let wrapped = try ReportReader.read(fileAt: corpus + "/000_d12f06acd0fd881e.txt")
        var lineStarts = 0
        for p in wrapped.paragraphs {
            let (s, d) = try XCTUnwrap(reader.locate(doc: "000_d12f06acd0fd881e.txt", paragraph: p.number))
            let stored = try reader.paragraph(segment: s, doc: d)
            XCTAssertEqual(stored.lineStarts, p.lineStarts)
            lineStarts += stored.lineStarts.count
        }
        XCTAssertEqual(lineStarts, 271, "the sample's 384 lines of text in 113 paragraphs")
        let (s, d) = try XCTUnwrap(reader.locate(doc: "jiangjin.pdf", paragraph: 1))
        XCTAssertEqual(
            try reader.paragraph(segment: s, doc: d).report.metadata.pageStarts,
            try ReportReader.parse(bytes: pdf, doc: "jiangjin.pdf").metadata.pageStarts)
        XCTAssertEqual(try reader.paragraph(segment: s, doc: d).report.metadata.pageStarts.count, 13)
        var kinds: [FactRelation: Int] = [:]
        for segment in reader.segments {
            let facts = try segment.facts
            for i in 0..<facts.count {
                let kind = facts.relationKind(i)
                XCTAssertEqual(kind, FactRelation(facts.relation(i)), "fact \(i): stored as read")
                kinds[kind, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(kinds[.increase] ?? 0, 0)
        XCTAssertGreaterThan(kinds[.unmarked] ?? 0, 0)
    }

    func testDamagedStoreBytesGiveAnIndexDamagedErrorWhenChecksumsAreNotVerified() throws {
        let (scratch, _) = try indexedScratch()
        let segment = try IndexReader.open(path: scratch.index).segments[0].name
        let path = scratch.index + "/" + segment + ".store"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Past the header and the dictionary length: the dictionary or the first frame.
        for i in 24..<40 { bytes[i] ^= 0x33 }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            let index = try IndexReader.open(path: scratch.index, verifyChecksums: false)
            _ = try index.paragraph(segment: 0, doc: 0)
            XCTFail("damaged store bytes read without an error")
        } catch let error as IndexError {
            guard case .damaged(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, segment + ".store")
            XCTAssertTrue("\(error)".hasPrefix("index damaged: \(segment).store: "), "\(error)")
        }
    }

    func testASecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws {
        let scratch = Scratch()
        let folder = IndexFolder(path: scratch.index)
        try folder.createIfMissing()
        let first = try WriterLock(folder: folder)
        XCTAssertThrowsError(try WriterLock(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("another baogao index"), "\(error)")
        }
        XCTAssertThrowsError(try buildIndex(corpus: scratch.corpus(), index: scratch.index))
        withExtendedLifetime(first) {}
    }

    func testAMissingIndexSaysHowToMakeOne() {
        XCTAssertThrowsError(try IndexReader.open(path: "/nonexistent/baogao-index")) { error in
            XCTAssertEqual("\(error)", "no index in /nonexistent/baogao-index — run baogao index")
        }
    }
}

/// A thread-safe counter for fault injection.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
