import BaogaoQuery
import Foundation
import XCTest

@testable import BaogaoIndex

/// The tables a segment reads on first use (facts, report records, section
/// paths), damaged on disk: the command that reads one fails with the index's
/// damage naming the file, as `baogao` prints it; commands that do not read it
/// still answer.
final class DamagedTablesTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "baogao-damaged-" + UUID().uuidString
        var options = IndexUpdater.Options(corpus: sampleCorpus, index: folder)
        options.workers = 1
        _ = try IndexUpdater.update(options)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var segmentName: String {
        get throws { try IndexReader.open(path: folder).segments[0].name }
    }

    /// Writes `bytes` over the index's `file` at `offset` (a byte of the file, header included).
    private func damage(_ file: String, at offset: Int, with bytes: [UInt8]) throws {
        let path = folder + "/" + file
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        try data.write(to: URL(fileURLWithPath: path))
    }

    private func engine() throws -> Engine { Engine(index: try IndexReader.open(path: folder)) }

    /// Where segment 0's report records (`offsets[0]`) and section paths (`last`) start in its `.docs` body.
    private func docsOffsets() throws -> [Int] {
        let reader = try IndexReader.open(path: folder)
        // The table reads the reader's mapping: keep the reader until it is read.
        return try withExtendedLifetime(reader) { try reader.segments[0].docs.reportDirectory().offsets }
    }

    /// `body` fails with `.index(.damaged)` naming `file`, and says so as the CLI prints it.
    private func assertDamaged<T>(_ file: String, line: UInt = #line, _ body: () throws -> T) {
        XCTAssertThrowsError(try body(), line: line) { error in
            guard case .index(.damaged(let named, _)) = error as? SearchError else { return XCTFail("\(error)", line: line) }
            XCTAssertEqual(named, file, line: line)
            XCTAssertTrue("\(error)".hasPrefix("index damaged: \(file): "), "\(error)", line: line)
        }
    }

    func testDamagedFactsFailTheCommandsThatReadFactsOnly() throws {
        let name = try segmentName
        // Fact 0's paragraph (after three counts) past the segment's last.
        try damage(name + ".facts", at: 16 + 12, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let engine = try engine()
        let found = try engine.search("预算", page: Page(limit: 10), deadline: .never)
        XCTAssertGreaterThan(found.total, 0)
        XCTAssertEqual(found.hits.count, 10)
        assertDamaged(name + ".facts") { try engine.facts(">1亿", page: Page(limit: 10), deadline: .never) }
        assertDamaged(name + ".facts") { try engine.search("预算 >1亿", page: Page(limit: 10), deadline: .never) }
        assertDamaged(name + ".facts") { try engine.ask("2023年江津区一般公共预算收入是多少？", deadline: .never) }
        assertDamaged(name + ".facts") { try engine.reports("", deadline: .never) }
    }

    func testADamagedReportTableFailsWhatReadsReports() throws {
        let name = try segmentName
        let start = try docsOffsets()[0]
        // The first record's path length, far past the file's end.
        try damage(name + ".docs", at: 16 + start, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let engine = try engine()
        assertDamaged(name + ".docs") { try engine.search("预算", page: Page(limit: 10), deadline: .never) }
        assertDamaged(name + ".docs") { try engine.search("预算 region:江津", page: Page(limit: 10), deadline: .never) }
        assertDamaged(name + ".docs") { try engine.reports("", deadline: .never) }
        assertDamaged(name + ".docs") { try engine.ask("2023年江津区一般公共预算收入是多少？", deadline: .never) }
        assertDamaged(name + ".docs") { try engine.regionHint(for: "region:北京 预算") }
        let id = ParagraphID(doc: "x.txt", number: 1)
        assertDamaged(name + ".docs") { try engine.paragraph(id, deadline: .never) }
    }

    func testADamagedSectionTableFailsTheSearchesThatShowSections() throws {
        let name = try segmentName
        let sections = try docsOffsets().last ?? 0
        // The first path's heading count, far past the file's end.
        try damage(name + ".docs", at: 16 + sections, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let engine = try engine()
        assertDamaged(name + ".docs") { try engine.search("预算", page: Page(limit: 10), deadline: .never) }
        assertDamaged(name + ".docs") { try engine.search("预算 section:收入", page: Page(limit: 10), deadline: .never) }
        // A page of no hits reads no section.
        XCTAssertEqual(try engine.search("预算", page: Page(limit: 0), deadline: .never).hits.count, 0)
        // The report list folds every section path for its filters; stats read none.
        assertDamaged(name + ".docs") { try engine.reports("", deadline: .never) }
        XCTAssertNoThrow(try engine.stats(deadline: .never))
    }
}
