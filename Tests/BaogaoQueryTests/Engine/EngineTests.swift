import BaogaoIndex
import BaogaoIngest
import BaogaoQuery
import Foundation
import XCTest

/// The interface every front end calls, on the sample corpus: what each command
/// adds to the searcher beneath it (every fact for a blank query, a paragraph by
/// its id, a hit's neighbours, a paragraph's source lines) and the deadline each takes.
final class EngineTests: XCTestCase {
    private let engine = Engine(snapshot: SharedIndex.sample.snapshot)

    private func firstHit(_ query: String) throws -> SearchHit {
        try XCTUnwrap(engine.search(query, page: Page(limit: 1), deadline: .never).hits.first)
    }

    func testABlankFactsQueryListsEveryFactOfTheIndex() throws {
        let every = try engine.facts(" \u{3000}\t", page: Page(limit: 5), deadline: .never)
        XCTAssertEqual(every.total, try engine.stats(deadline: .never).facts)
        XCTAssertEqual(every.facts.count, 5)
        XCTAssertLessThan(try engine.facts("教育 >1亿", page: Page(), deadline: .never).total, every.total)
    }

    func testParagraphIDsReadDocAndNumber() {
        XCTAssertEqual(ParagraphID("2024/a#b.txt#3"), ParagraphID(doc: "2024/a#b.txt", number: 3))
        XCTAssertNil(ParagraphID("report.txt"))
        XCTAssertNil(ParagraphID("report.txt#three"))
    }

    func testAParagraphIsFoundByItsIDAndOnlyThere() throws {
        let p = try firstHit("三保").paragraph
        let found = try engine.paragraph(ParagraphID(doc: p.report.doc, number: p.number), deadline: .never)
        XCTAssertEqual(found?.paragraph, p)
        XCTAssertNil(try engine.paragraph(ParagraphID(doc: p.report.doc, number: 1_000_000), deadline: .never))
        XCTAssertNil(try engine.paragraph(ParagraphID(doc: "../../etc/passwd", number: 1), deadline: .never))
    }

    func testOpeningAHitGivesItsNeighboursInItsReport() throws {
        let hit = try firstHit("三保")
        let p = hit.paragraph
        let opened = try engine.open(hit, deadline: .never)
        XCTAssertEqual(opened.hit.paragraph, p)
        XCTAssertEqual(opened.before?.number, p.number > 1 ? p.number - 1 : nil)
        XCTAssertEqual(opened.before.map { $0.report.doc } ?? p.report.doc, p.report.doc)
        XCTAssertEqual(opened.after?.number, p.number + 1)
        XCTAssertEqual(opened.after?.report.doc, p.report.doc)
    }

    func testSourceLinesAreTheParagraphsLinesOfItsFile() throws {
        let p = try firstHit("三保").paragraph
        let source = try engine.sourceLines(of: p, corpus: sampleCorpus, deadline: .never)
        XCTAssertEqual(source.text.count, p.lastLine - p.firstLine + 1)
        XCTAssertTrue(source.text.joined().contains("三保"), "\(source.text)")
    }

    func testSourceLinesSayWhyTheyCannotBeShown() throws {
        let p = try firstHit("三保").paragraph
        let elsewhere = NSTemporaryDirectory() + "baogao-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let path = elsewhere + "/" + p.report.doc
        XCTAssertThrowsError(try engine.sourceLines(of: p, corpus: elsewhere, deadline: .never)) { error in
            guard case .unreadable(path, .unreadable) = error as? SourceLinesError else { return XCTFail("\(error)") }
        }
        // The file as it was up to the paragraph's first line only: edited since it was indexed.
        let original = try String(contentsOfFile: sampleCorpus + "/" + p.report.doc, encoding: .utf8)
        let kept = original.split(separator: "\n", omittingEmptySubsequences: false).prefix(p.firstLine)
        try (kept.joined(separator: "\n")).write(toFile: path, atomically: true, encoding: .utf8)
        if p.lastLine > p.firstLine {
            XCTAssertThrowsError(try engine.sourceLines(of: p, corpus: elsewhere, deadline: .never)) { error in
                XCTAssertEqual(error as? SourceLinesError, .changed(path: path))
            }
        }
    }

    func testEveryCommandStopsAtAPassedDeadline() throws {
        let passed = Deadline.after(seconds: 0)
        let hit = try firstHit("三保")
        func timesOut(_ name: String, _ body: () throws -> Void) {
            XCTAssertThrowsError(try body(), name) { error in
                switch error {
                case SearchError.timeout, SourceLinesError.timeout: break
                default: XCTFail("\(name): \(error)")
                }
            }
        }
        timesOut("search") { _ = try engine.search("三保", page: Page(), deadline: passed) }
        timesOut("facts") { _ = try engine.facts("教育 >1亿", page: Page(), deadline: passed) }
        timesOut("ask") { _ = try engine.ask("什么是三保？", deadline: passed) }
        timesOut("define") { _ = try engine.define("三保", deadline: passed) }
        timesOut("mentions") { _ = try engine.mentions("三保", deadline: passed) }
        timesOut("paragraph") {
            _ = try engine.paragraph(ParagraphID(doc: hit.paragraph.report.doc, number: 1), deadline: passed)
        }
        timesOut("open") { _ = try engine.open(hit, deadline: passed) }
        timesOut("source") { _ = try engine.sourceLines(of: hit.paragraph, corpus: sampleCorpus, deadline: passed) }
        timesOut("stats") { _ = try engine.stats(deadline: passed) }
    }
}
