import Foundation
import XCTest

@testable import BaogaoIndex

/// The REPL's cheap staleness check: the same report files the indexer reads,
/// their sizes, and their modification times against the index folder's.
final class IndexFreshnessTests: XCTestCase {
    private let two = ["002_b5c26ff8d3e05e66.txt", "003_b7f3892a3cb1f6c5.txt"]

    func testAnIndexJustBuiltIsFreshAndEachKindOfChangeIsNamed() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(two)
        try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertNil(IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus))

        // A file that is no report changes nothing.
        try Data("notes".utf8).write(to: URL(fileURLWithPath: corpus + "/notes.wps"))
        XCTAssertNil(IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus))

        try FileManager.default.copyItem(
            atPath: sampleCorpus + "/000_d12f06acd0fd881e.txt", toPath: corpus + "/000_d12f06acd0fd881e.txt")
        XCTAssertEqual(
            IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus),
            "000_d12f06acd0fd881e.txt is new")
        try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertNil(IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus))

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus + "/" + two[0]))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n附：补充说明。\n".utf8))
        try handle.close()
        XCTAssertEqual(
            IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus), "\(two[0]) changed")
        try buildIndex(corpus: corpus, index: scratch.index)

        try FileManager.default.removeItem(atPath: corpus + "/" + two[1])
        XCTAssertEqual(
            IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus),
            "1 report file(s) were removed")
    }

    func testAFileRewrittenAtTheSameSizeAfterTheIndexIsStaleByItsTime() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([two[1]])
        try buildIndex(corpus: corpus, index: scratch.index)
        let path = corpus + "/" + two[1]
        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        XCTAssertEqual(
            IndexFreshness.staleness(of: try IndexReader.open(path: scratch.index), corpus: corpus),
            "\(two[1]) was modified after the last index update")
    }
}
