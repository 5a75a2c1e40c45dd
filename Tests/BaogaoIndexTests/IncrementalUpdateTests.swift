import BaogaoIngest
import Foundation
import XCTest

@testable import BaogaoIndex

/// Updating an index after the corpus changes gives the same index, term for
/// term, as building it again from scratch.
final class IncrementalUpdateTests: XCTestCase {
    private let files = ["000_d12f06acd0fd881e.txt", "002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"]

    private func assertSameAsRebuild(_ corpus: String, _ index: String, file: StaticString = #filePath, line: UInt = #line) throws
    {
        let fresh = Scratch()
        try buildIndex(corpus: corpus, index: fresh.index)
        let rebuilt = try snapshot(IndexReader.open(path: fresh.index))
        let updated = try snapshot(IndexReader.open(path: index))
        XCTAssertEqual(updated.count, rebuilt.count, "distinct terms", file: file, line: line)
        XCTAssert(updated == rebuilt, "incremental index differs from a rebuild", file: file, line: line)
    }

    func testASecondRunWithNothingChangedReadsNothingAndCommitsNothing() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus()
        try buildIndex(corpus: corpus, index: scratch.index)
        let before = try String(contentsOfFile: scratch.index + "/MANIFEST", encoding: .utf8)
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.unchanged, 3)
        XCTAssertEqual(summary.paragraphsIndexed, 0)
        XCTAssertFalse(summary.changedAnything)
        XCTAssertEqual(try String(contentsOfFile: scratch.index + "/MANIFEST", encoding: .utf8), before)
    }

    func testModifyAddAndDeleteMatchARebuild() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([files[0], files[1]])
        try buildIndex(corpus: corpus, index: scratch.index)

        // Modify: same size and the same modification time would not fool it either.
        let path = corpus + "/" + files[0]
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "解放区财政局局长", with: "解放区财政局代局长")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.changed, [files[0]])
        try assertSameAsRebuild(corpus, scratch.index)

        // Add.
        try FileManager.default.copyItem(atPath: sampleCorpus + "/" + files[2], toPath: corpus + "/" + files[2])
        summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.added, [files[2]])
        XCTAssertEqual(summary.unchanged, 2)
        try assertSameAsRebuild(corpus, scratch.index)

        // Delete.
        try FileManager.default.removeItem(atPath: corpus + "/" + files[1])
        summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.removed, [files[1]])
        try assertSameAsRebuild(corpus, scratch.index)
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 2)
    }

    func testMergingKeepsTheSegmentCountBoundedAndTheContentTheSame() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([])
        for (i, name) in files.enumerated() {
            try FileManager.default.copyItem(atPath: sampleCorpus + "/" + name, toPath: corpus + "/" + name)
            // Also a renamed copy per step, to make more segments.
            try FileManager.default.copyItem(atPath: sampleCorpus + "/" + name, toPath: corpus + "/copy\(i).txt")
            try buildIndex(corpus: corpus, index: scratch.index) { options in
                options.workers = 1
                options.mergePolicy.maxSegments = 2
                options.mergePolicy.mergedCount = 1
            }
            XCTAssertLessThanOrEqual(try IndexReader.open(path: scratch.index).segments.count, 2)
        }
        try assertSameAsRebuild(corpus, scratch.index)
    }

    func testAnUnreadableFileIsSkippedAndTheRestIndexed() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([files[2]])
        try Data().write(to: URL(fileURLWithPath: corpus + "/empty.txt"))
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.added, [files[2]])
        XCTAssertEqual(summary.skipped.map(\.source.path), ["empty.txt"])
        XCTAssertTrue(summary.skipped[0].reason.contains("empty.txt"))
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 1)
    }

    func testAFileLargerThanTheLimitIsSkippedUnreadAndTheRestIndexed() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([files[1], files[2]])
        let sizes = try files[1...2].map { try FileManager.default.attributesOfItem(atPath: corpus + "/" + $0)[.size] as! Int }
        let summary = try buildIndex(corpus: corpus, index: scratch.index) { $0.fileSizeLimit = sizes.min()! }
        let larger = sizes[0] > sizes[1] ? files[1] : files[2]
        XCTAssertEqual(summary.added, [sizes[0] > sizes[1] ? files[2] : files[1]])
        XCTAssertEqual(summary.skipped.map(\.source.path), [larger])
        let reason = summary.skipped[0].reason
        XCTAssertTrue(reason.hasPrefix(larger + ": "), reason)
        XCTAssertTrue(reason.contains("limit on one report file (--max-file-mb raises it)"), reason)
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 1)

        // Raised, the next run reads it.
        let again = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(again.added, [larger])
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 2)
    }

    func testTheTextDigestIsTheFingerprintOfTheParagraphsJoined() throws {
        let report = try ReportReader.read(fileAt: sampleCorpus + "/" + files[2])
        let joined = report.paragraphs.map { $0.text + "\n" }.joined()
        XCTAssertEqual(WorkQueue.textDigest(report), CorpusScanner.fingerprint(Array(joined.utf8)))
    }

    /// An index is one folder's reports: updating it from another folder that exists
    /// would drop them all, so it is refused and the index left as it was; --rebuild
    /// replaces it on purpose, and a folder that moved is followed.
    func testAnUpdateFromAnotherCorpusFolderIsRefused() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([files[0], files[1]])
        try buildIndex(corpus: corpus, index: scratch.index)
        let before = try String(contentsOfFile: scratch.index + "/MANIFEST", encoding: .utf8)
        let other = scratch.path + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sampleCorpus + "/" + files[2], toPath: other + "/" + files[2])

        XCTAssertThrowsError(try buildIndex(corpus: other, index: scratch.index)) { error in
            XCTAssertEqual(
                error as? IndexError,
                .otherCorpus(indexed: CorpusFolder.canonical(corpus), given: CorpusFolder.canonical(other)))
            XCTAssertTrue("\(error)".contains("--rebuild to replace it"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: scratch.index + "/MANIFEST", encoding: .utf8), before)
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 2)

        // The same folder by another spelling is the same folder.
        XCTAssertFalse(try buildIndex(corpus: corpus + "/./", index: scratch.index).changedAnything)

        // --rebuild replaces it.
        let rebuilt = try buildIndex(corpus: other, index: scratch.index, rebuild: true)
        XCTAssertEqual(rebuilt.added, [files[2]])
        XCTAssertEqual(try IndexReader.open(path: scratch.index).stats().reports, 1)

        // A folder moved away is followed: its old path no longer exists.
        let moved = scratch.path + "/moved"
        try FileManager.default.moveItem(atPath: other, toPath: moved)
        XCTAssertEqual(try buildIndex(corpus: moved, index: scratch.index).unchanged, 1)
    }

    func testFilesThatAreNotReportsAreIgnored() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([files[2]])
        try "file\ttemplate\n".write(toFile: corpus + "/manifest.tsv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: corpus + "/.hidden", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sampleCorpus + "/" + files[0], toPath: corpus + "/.hidden/x.txt")
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.added, [files[2]])
    }
}
