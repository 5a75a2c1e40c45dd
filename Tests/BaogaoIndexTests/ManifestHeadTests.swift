import Foundation
import XCTest

@testable import BaogaoIndex

/// Opening decodes only the manifest's head; the whole manifest a reader hands
/// out later is the one committed, decoded from the bytes read at open.
final class ManifestHeadTests: XCTestCase {
    func testTheHeadAgreesWithTheWholeManifest() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"])
        try buildIndex(corpus: corpus, index: scratch.index) { $0.workers = 2 }
        let folder = IndexFolder(path: scratch.index)
        let whole = try IndexReader.readManifest(folder)
        let head = try IndexReader.readHead(folder).head
        XCTAssertEqual(head.generation, whole.generation)
        XCTAssertEqual(head.segments, whole.segments.map(SegmentHead.init))
        XCTAssertEqual(head.segments.map(\.reportCount).reduce(0, +), 2)
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.manifest, whole)
    }

    /// The manifest a reader hands out is the one it opened, not a newer commit's.
    func testTheWholeManifestIsTheOneOpenedNotTheFileOnDisk() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["002_b5c26ff8d3e05e66.txt"])
        try buildIndex(corpus: corpus, index: scratch.index)
        let reader = try IndexReader.open(path: scratch.index)
        let opened = try IndexReader.readManifest(IndexFolder(path: scratch.index))
        try FileManager.default.copyItem(
            atPath: sampleCorpus + "/003_b7f3892a3cb1f6c5.txt", toPath: corpus + "/003_b7f3892a3cb1f6c5.txt")
        try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(reader.manifest, opened)
        XCTAssertNotEqual(try IndexReader.open(path: scratch.index).manifest.generation, opened.generation)
    }
}
