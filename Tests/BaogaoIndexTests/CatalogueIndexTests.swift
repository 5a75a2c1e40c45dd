import BaogaoIngest
import Foundation
import XCTest

@testable import BaogaoIndex

/// What `baogao index` does with a catalogue, with copies of a report, and with files it
/// does not read — on real report openings (Tests/Fixtures/corpus-real).
final class CatalogueIndexTests: XCTestCase {
    static let corpusReal: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures/corpus-real").path
    }()

    /// A corpus of the first `count` corpus-real files and their catalogue rows.
    func corpus(_ scratch: Scratch, count: Int = 6) throws -> String {
        let dir = scratch.path + "/corpus"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 1...count {
            let name = String(format: "%03d.txt", i)
            try FileManager.default.copyItem(atPath: Self.corpusReal + "/" + name, toPath: dir + "/" + name)
        }
        let rows =
            try String(contentsOfFile: Self.corpusReal + "/catalog.tsv", encoding: .utf8)
            .split(separator: "\n").prefix(count + 1).joined(separator: "\n") + "\n"
        try rows.write(toFile: dir + "/catalog.tsv", atomically: true, encoding: .utf8)
        return dir
    }

    func reports(_ index: String) throws -> [String: ReportMetadata] {
        let reader = try IndexReader.open(path: index)
        var out: [String: ReportMetadata] = [:]
        for (s, segment) in reader.segments.enumerated() {
            for r in 0..<segment.reportCount {
                let docs = try segment.docs(ofReport: r)
                if reader.segments[s].isDeleted(docs.lowerBound) { continue }
                out[try segment.report(r).doc] = try segment.report(r).metadata
            }
        }
        return out
    }

    func testCatalogueIsAppliedStoredAndReappliedWhenARowChanges() throws {
        let scratch = Scratch()
        let dir = try corpus(scratch)
        let first = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(first.added.count, 6)
        XCTAssertTrue(first.hasCatalogue)
        XCTAssertEqual(first.catalogueWarnings, [])
        var meta = try reports(scratch.index)
        XCTAssertEqual(meta["003.txt"]?.region, "南开区")
        XCTAssertEqual(meta["003.txt"]?.sources.region, .catalogue)
        XCTAssertEqual(
            meta["001.txt"]?.source, "http://www.bjrd.gov.cn/rdzl/rdcwhgb/sswjrdcwhgb201804/202101/t20210105_2197757.html")

        // Edit one row: that report alone is read again, with the new row.
        var text = try String(contentsOfFile: dir + "/catalog.tsv", encoding: .utf8)
        text = text.replacingOccurrences(of: "003.txt\thttps://www.tjnk.gov.cn/", with: "003.txt\thttps://example.cn/")
        try text.write(toFile: dir + "/catalog.tsv", atomically: true, encoding: .utf8)
        let second = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(second.changed, ["003.txt"])
        XCTAssertEqual(second.unchanged, 5)
        meta = try reports(scratch.index)
        XCTAssertTrue(meta["003.txt"]?.source?.hasPrefix("https://example.cn/") ?? false)

        // No change: nothing read, nothing committed.
        let generation = try IndexReader.open(path: scratch.index).manifest.generation
        let third = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(third.unchanged, 6)
        XCTAssertEqual(try IndexReader.open(path: scratch.index).manifest.generation, generation)

        // The catalogue removed: every report is read again from its text alone.
        try FileManager.default.removeItem(atPath: dir + "/catalog.tsv")
        let fourth = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(fourth.changed.count, 6)
        XCTAssertNil(try reports(scratch.index)["001.txt"]?.source)
    }

    func testABadRowWarnsAndNeverFailsTheIndex() throws {
        let scratch = Scratch()
        let dir = try corpus(scratch, count: 2)
        try "file\tkind\tbudget_year\n001.txt\t决算\tsoon\n009.txt\t决算\t\n".write(
            toFile: dir + "/catalog.tsv", atomically: true, encoding: .utf8)
        let summary = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(summary.added, ["001.txt", "002.txt"])
        XCTAssertEqual(
            summary.catalogueWarnings,
            [
                "catalog.tsv line 2 (001.txt): budget_year \"soon\" is no year; row left out",
                "catalog.tsv line 3 (009.txt): no such report file in the corpus"
            ])
    }

    func testTheSameReportTwiceIsIndexedOnce() throws {
        let scratch = Scratch()
        let dir = try corpus(scratch, count: 3)
        // A UTF-16 copy: other bytes, the same text after decoding.
        let text = try String(contentsOfFile: dir + "/002.txt", encoding: .utf8)
        try XCTUnwrap(text.data(using: .utf16)).write(to: URL(fileURLWithPath: dir + "/copy-of-002.txt"))
        let first = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(first.duplicates.map(\.source.path), ["copy-of-002.txt"])
        XCTAssertEqual(first.duplicates.first?.duplicateOf, "002.txt")
        XCTAssertEqual(Set(try reports(scratch.index).keys), ["001.txt", "002.txt", "003.txt"])

        // Nothing changed: the copy is not read again, nothing is committed.
        let generation = try IndexReader.open(path: scratch.index).manifest.generation
        let second = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(second.duplicates.map(\.source.path), ["copy-of-002.txt"])
        XCTAssertEqual(try IndexReader.open(path: scratch.index).manifest.generation, generation)

        // The original gone: the copy is indexed in its place.
        try FileManager.default.removeItem(atPath: dir + "/002.txt")
        let third = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(third.duplicates, [])
        XCTAssertEqual(third.added, ["copy-of-002.txt"])
        XCTAssertEqual(Set(try reports(scratch.index).keys), ["001.txt", "003.txt", "copy-of-002.txt"])
    }

    func testFilesNotReadAndReportsWithoutRegionOrYearsAreNamed() throws {
        let scratch = Scratch()
        let dir = try corpus(scratch, count: 1)
        for name in ["a.wps", "b.WPS", "sub/c.doc", "README"] {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        try "一些没有地区和年份的文字。\n第二段文字。\n".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        let summary = try buildIndex(corpus: dir, index: scratch.index)
        XCTAssertEqual(summary.unreadFiles, ["wps": ["a.wps", "b.WPS"], "doc": ["sub/c.doc"], "": ["README"]])
        XCTAssertEqual(summary.unreadMetadata.map(\.path), ["notes.txt"])
        XCTAssertEqual(summary.unreadMetadata.first?.fields, ["region", "years"])
    }
}
