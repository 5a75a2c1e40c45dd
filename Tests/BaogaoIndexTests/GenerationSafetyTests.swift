import Foundation
import XCTest

@testable import BaogaoIndex

/// A rebuild or a merge writes a new generation beside the old one, under new
/// file names: readers keep answering from the old files until the new manifest
/// is renamed into place, and a failure at any write leaves the old index whole.
/// `baogao index` verifies what it builds on and mends damage from the corpus.
final class GenerationSafetyTests: XCTestCase {
    private let threeReports = ["000_d12f06acd0fd881e.txt", "002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"]

    /// A sink whose `k`th write writes half its bytes and fails, as a kill or a
    /// full disk would leave it.
    private func failing(atWrite k: Int) -> FileSink {
        let writes = Counter()
        return FileSink { (path: String, bytes: [UInt8]) throws(IndexError) in
            if writes.next() == k {
                try FileSink.system.write(path, Array(bytes.prefix(bytes.count / 2)))
                throw IndexError.io(path: path, reason: "simulated failure at write \(k)")
            }
            try FileSink.system.write(path, bytes)
        }
    }

    private func segmentFiles(_ index: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("seg-") })
    }

    private func namedFiles(_ reader: IndexReader) -> Set<String> {
        Set(reader.manifest.segments.flatMap { s in s.files.keys.map { s.name + "." + $0 } })
    }

    /// Runs `update` failing at write 1, 2, 3, … until one run has fewer writes
    /// than that; after every failed run the committed index must be the old
    /// one, whole. Returns how many writes the successful run made.
    private func failEveryWrite(
        index: String, expected: [String: [String: [UInt32]]],
        update: (FileSink) throws -> Void
    ) throws -> Int {
        var k = 1
        while true {
            do {
                try update(failing(atWrite: k))
            } catch {
                let reader = try IndexReader.open(path: index)
                XCTAssertEqual(try snapshot(reader), expected, "after a failure at write \(k)")
                k += 1
                continue
            }
            return k - 1
        }
    }

    func testARebuildThatFailsAtAnyWriteLeavesTheOldIndexWhole() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(threeReports)
        try buildIndex(corpus: corpus, index: scratch.index)
        let before = try snapshot(IndexReader.open(path: scratch.index))

        let writes = try failEveryWrite(index: scratch.index, expected: before) { sink in
            try buildIndex(corpus: corpus, index: scratch.index, rebuild: true) {
                $0.sink = sink
                $0.workers = 1
            }
        }
        // Six files of one segment and the manifest: every one of them was a point of failure.
        XCTAssertGreaterThanOrEqual(writes, 7)

        // The rebuild that went through holds the same index, and nothing else is left on disk.
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(try snapshot(reader), before)
        XCTAssertEqual(try segmentFiles(scratch.index), namedFiles(reader))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.index + "/MANIFEST.tmp"))
    }

    func testAMergeThatFailsAtAnyWriteLeavesTheOldIndexWhole() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([threeReports[0]])
        try buildIndex(corpus: corpus, index: scratch.index)
        try FileManager.default.copyItem(atPath: sampleCorpus + "/" + threeReports[1], toPath: corpus + "/" + threeReports[1])
        try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(try IndexReader.open(path: scratch.index).segments.count, 2)
        let before = try snapshot(IndexReader.open(path: scratch.index))

        // Nothing changed in the corpus; a policy of one segment merges the two.
        var policy = MergePolicy()
        policy.maxSegments = 1
        policy.mergedCount = 1
        let writes = try failEveryWrite(index: scratch.index, expected: before) { sink in
            try buildIndex(corpus: corpus, index: scratch.index) {
                $0.sink = sink
                $0.mergePolicy = policy
            }
        }
        XCTAssertGreaterThanOrEqual(writes, 7)
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.segments.count, 1)
        XCTAssertEqual(try snapshot(reader), before)
        XCTAssertEqual(try segmentFiles(scratch.index), namedFiles(reader))
    }

    func testReadersOpeningDuringARebuildSeeTheOldIndex() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(Array(threeReports.prefix(2)))
        try buildIndex(corpus: corpus, index: scratch.index)
        let before = try snapshot(IndexReader.open(path: scratch.index))
        let index = scratch.index
        let opened = Counter()
        let failures = Counter()
        // At every write of the rebuild, a reader opens the index and reads it all.
        let watching = FileSink { (path: String, bytes: [UInt8]) throws(IndexError) in
            _ = opened.next()
            if (try? snapshot(IndexReader.open(path: index))) != before { _ = failures.next() }
            try FileSink.system.write(path, bytes)
        }
        try buildIndex(corpus: corpus, index: scratch.index, rebuild: true) { $0.sink = watching }
        XCTAssertGreaterThanOrEqual(opened.next() - 1, 7)
        XCTAssertEqual(failures.next() - 1, 0, "readers that did not see the old index whole")
        XCTAssertEqual(try snapshot(IndexReader.open(path: scratch.index)), before)
    }

    func testARebuildKeepsCountingGenerationsAndSegmentNamesUpwards() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([threeReports[2]])
        try buildIndex(corpus: corpus, index: scratch.index)
        let old = try IndexReader.open(path: scratch.index).manifest
        try buildIndex(corpus: corpus, index: scratch.index, rebuild: true)
        let new = try IndexReader.open(path: scratch.index).manifest
        XCTAssertEqual(new.generation, old.generation + 1)
        XCTAssertTrue(Set(new.segments.map(\.name)).isDisjoint(with: old.segments.map(\.name)))
    }

    // MARK: Self-repair

    func testADeletedSegmentFileIsRebuiltFromTheCorpus() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([threeReports[0]])
        try buildIndex(corpus: corpus, index: scratch.index)
        for name in threeReports.dropFirst() {
            try FileManager.default.copyItem(atPath: sampleCorpus + "/" + name, toPath: corpus + "/" + name)
        }
        try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 1 }
        let before = try snapshot(IndexReader.open(path: scratch.index))
        let victim = try IndexReader.open(path: scratch.index).manifest.segments[0]
        try FileManager.default.removeItem(atPath: scratch.index + "/" + victim.name + ".terms")
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index))

        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.repaired.map(\.segment), [victim.name])
        XCTAssertTrue(
            summary.repaired[0].reason.contains(victim.name + ".terms: missing or unreadable"), summary.repaired[0].reason)
        XCTAssertEqual(summary.restored, [threeReports[0]])
        XCTAssertEqual(summary.added, [])
        XCTAssertEqual(summary.unchanged, 2)
        XCTAssertEqual(try snapshot(IndexReader.open(path: scratch.index)), before)
    }

    func testAFlippedByteInAnyFileIsRepaired() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(Array(threeReports.prefix(2)))
        try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 1 }
        let before = try snapshot(IndexReader.open(path: scratch.index))
        for ext in ["terms", "post", "pos", "docs", "store", "facts"] {
            let segment = try IndexReader.open(path: scratch.index).segments[0].name
            let path = scratch.index + "/" + segment + "." + ext
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count / 2] ^= 0x40
            try bytes.write(to: URL(fileURLWithPath: path))

            let summary = try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 1 }
            XCTAssertEqual(summary.repaired.map(\.segment), [segment], ext)
            XCTAssertEqual(summary.restored.count, 2, ext)
            XCTAssertEqual(try snapshot(IndexReader.open(path: scratch.index)), before, ext)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the damaged file is gone once the repair is committed")
        }
    }

    /// A damaged segment's report whose file is gone cannot be read again: it is
    /// named as lost and counted as removed, not dropped without a word.
    func testADamagedSegmentsReportWhoseFileIsGoneIsNamedAsLost() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(Array(threeReports.prefix(2)))
        try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 1 }
        let segment = try IndexReader.open(path: scratch.index).segments[0].name
        try FileManager.default.removeItem(atPath: scratch.index + "/" + segment + ".post")
        try FileManager.default.removeItem(atPath: corpus + "/" + threeReports[0])

        let summary = try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 1 }
        XCTAssertEqual(summary.repaired.map(\.lost), [[threeReports[0]]])
        XCTAssertEqual(summary.restored, [threeReports[1]])
        XCTAssertEqual(summary.removed, [threeReports[0]])
        XCTAssertEqual(Set(try IndexReader.open(path: scratch.index).manifest.liveReports.keys), [threeReports[1]])
    }

    func testAnUndamagedIndexCommitsNothing() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([threeReports[2]])
        try buildIndex(corpus: corpus, index: scratch.index)
        let generation = try IndexReader.open(path: scratch.index).manifest.generation
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.repaired, [])
        XCTAssertEqual(try IndexReader.open(path: scratch.index).manifest.generation, generation)
    }

    // MARK: Smaller cases

    func testAFileThatBecameEmptyRemovesItsReport() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(Array(threeReports.prefix(2)))
        try buildIndex(corpus: corpus, index: scratch.index)
        try Data().write(to: URL(fileURLWithPath: corpus + "/" + threeReports[0]))
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.removed, [threeReports[0]])
        XCTAssertEqual(summary.skipped.map(\.source.path), [threeReports[0]])
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(Set(reader.manifest.liveReports.keys), [threeReports[1]])
    }

    func testAHeaderVersionByteFlipIsDamageNotANewerVersion() throws {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus([threeReports[2]]), index: scratch.index)
        let name = try IndexReader.open(path: scratch.index).segments[0].name
        let path = scratch.index + "/" + name + ".docs"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[11] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            guard case IndexError.damaged(let file, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, name + ".docs")
            XCTAssertTrue(reason.contains("header says format version"), reason)
        }
    }

    func testAManifestWithBytesAppendedIsDamaged() throws {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus([threeReports[2]]), index: scratch.index)
        let path = scratch.index + "/MANIFEST"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.append(contentsOf: Array("extra\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try IndexReader.open(path: scratch.index)) { error in
            guard case IndexError.damaged(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "MANIFEST")
        }
    }
}
