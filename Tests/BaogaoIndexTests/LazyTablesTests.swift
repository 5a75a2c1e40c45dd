import Foundation
import XCTest

@testable import BaogaoIndex

/// Opening decodes no table: facts are read whole on first use, report records
/// and section paths one by one. Damage in a part open no longer reads is
/// `IndexError.damaged` naming the file, for whatever reads that part, every
/// time it is read — never a crash — and reads of other parts are untouched.
final class LazyTablesTests: XCTestCase {
    /// The sample corpus in one segment, and its name.
    private func indexed() throws -> (Scratch, String) {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus(), index: scratch.index) { $0.workers = 1 }
        let name = try IndexReader.open(path: scratch.index).segments[0].name
        return (scratch, name)
    }

    /// Writes `bytes` over `file` of the index at `offset` (a byte of the file, header included).
    private func damage(_ scratch: Scratch, _ file: String, at offset: Int, with bytes: [UInt8]) throws {
        let path = scratch.index + "/" + file
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        try data.write(to: URL(fileURLWithPath: path))
    }

    private func assertDamaged(
        _ file: String, _ body: () throws -> Void, _ reason: String? = nil, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), line: line) { error in
            guard case .damaged(let named, let why) = error as? IndexError else {
                return XCTFail("\(error)", line: line)
            }
            XCTAssertEqual(named, file, line: line)
            if let reason { XCTAssertTrue(why.contains(reason), why, line: line) }
        }
    }

    func testOpenDecodesNoFactsAndOnlyTheRecordsOfWhatIsRead() throws {
        let (scratch, _) = try indexed()
        let reader = try IndexReader.open(path: scratch.index)
        let segment = reader.segments[0]
        XCTAssertGreaterThan(segment.reportCount, 1)
        XCTAssertFalse(segment.factsDecoded)
        XCTAssertEqual(segment.docs.decodedRecordCount, 0)
        let p = try reader.paragraph(segment: 0, doc: 0)
        XCTAssertFalse(p.report.doc.isEmpty)
        XCTAssertFalse(segment.factsDecoded, "a paragraph and its citation read no facts")
        XCTAssertEqual(segment.docs.decodedRecordCount, 1, "one paragraph's report, not the table")
        XCTAssertGreaterThan(try segment.facts.count, 0)
        XCTAssertTrue(segment.factsDecoded)
        // A verified reader reads everything at open, as `baogao check` and merges need.
        let verified = try IndexReader.open(path: scratch.index, verifyChecksums: true).segments[0]
        XCTAssertTrue(verified.factsDecoded)
        XCTAssertEqual(verified.docs.decodedRecordCount, verified.reportCount)
    }

    /// What the lazy tables hand out is what decoding them whole at open gave.
    func testTheLazyTablesReadAsTheWholeDecodeDid() throws {
        let (scratch, _) = try indexed()
        let lazy = try IndexReader.open(path: scratch.index).segments[0]
        let whole = try IndexReader.open(path: scratch.index, verifyChecksums: true).segments[0]
        let records = whole.docs.reports
        XCTAssertEqual(records.count, lazy.reportCount)
        for r in (0..<lazy.reportCount).reversed() {
            XCTAssertEqual(try lazy.report(r), IndexedReport(record: records[r]))
            XCTAssertEqual(
                try lazy.docs(ofReport: r),
                Int(records[r].firstDoc)..<Int(records[r].firstDoc + records[r].paragraphCount))
            XCTAssertEqual(
                try lazy.reportYear(r), records[r].metadata.budgetYear ?? records[r].metadata.executionYear ?? 0)
        }
        XCTAssertEqual(try lazy.sectionPaths, whole.docs.sections)
        XCTAssertEqual(try lazy.facts.count, try whole.facts.count)
    }

    func testDamagedFactsAreNamedWhenReadAndSearchesStillRead() throws {
        let (scratch, name) = try indexed()
        // Fact 0's paragraph (the first u32 of the doc column, after three counts) past the last.
        try damage(scratch, name + ".facts", at: 16 + 12, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let reader = try IndexReader.open(path: scratch.index)
        let segment = reader.segments[0]
        XCTAssertNoThrow(try reader.paragraph(segment: 0, doc: 3))
        XCTAssertNoThrow(try segment.reportYears)
        assertDamaged(name + ".facts", { _ = try segment.facts }, "fact 0 names document")
        // Kept, not decoded again into something else.
        assertDamaged(name + ".facts", { _ = try segment.facts }, "fact 0 names document")
        assertDamaged(name + ".facts", { _ = try reader.stats() })
        let check = try IndexCheck.run(path: scratch.index)
        XCTAssertFalse(check.isWhole)
    }

    func testADamagedReportRecordIsNamedByWhatReadsAReport() throws {
        let (scratch, name) = try indexed()
        let start = try recordsStart(scratch, name)
        // The first record's path length: a varint far past the file's end.
        try damage(scratch, name + ".docs", at: 16 + start, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let reader = try IndexReader.open(path: scratch.index)
        let segment = reader.segments[0]
        XCTAssertEqual(
            segment.reportCount, try IndexReader.readHead(IndexFolder(path: scratch.index)).head.segments[0].reportCount)
        assertDamaged(name + ".docs", { _ = try segment.report(1) }, "out of range")
        assertDamaged(name + ".docs", { _ = try segment.reportYears })
        assertDamaged(name + ".docs", { _ = try segment.docs(ofReport: 0) })
        assertDamaged(name + ".docs", { _ = try reader.paragraph(segment: 0, doc: 0) })
        assertDamaged(name + ".docs", { _ = try reader.locate(doc: "x.txt", paragraph: 1) })
        assertDamaged(name + ".docs", { _ = try reader.paragraphID(segment: 0, doc: 0) })
        // The facts do not depend on it.
        XCTAssertNoThrow(try segment.facts)
    }

    func testADamagedRecordFieldIsNamedWhenThatRecordIsRead() throws {
        let (scratch, name) = try indexed()
        let reader = try IndexReader.open(path: scratch.index)
        let offsets = try reader.segments[0].docs.reportDirectory().offsets
        // Record 1's path, 0xFF bytes where UTF-8 is expected, decodes (repaired) and reads on;
        // its field sources, six bytes before the address, are checked when it is decoded.
        let record = try reader.segments[0].docs.record(1)
        var r = ByteReader(
            try XCTUnwrap(reader.segments[0].file(.docs)).bytes, offset: 16 + offsets[1], file: "t")
        for _ in 0..<2 { _ = try r.readString() }
        _ = try r.readVarint()
        for _ in 0..<3 { _ = try r.readString() }
        for _ in 0..<2 { _ = try r.readVarint() }
        for _ in 0..<4 { _ = try r.readString() }
        XCTAssertEqual(record.metadata.sources.all.count, 6)
        try damage(scratch, name + ".docs", at: r.offset, with: [0x63])
        let damaged = try IndexReader.open(path: scratch.index).segments[0]
        XCTAssertNoThrow(try damaged.report(0))
        XCTAssertNoThrow(try damaged.reportYears)
        assertDamaged(name + ".docs", { _ = try damaged.report(1) }, "unknown metadata source 99")
        assertDamaged(name + ".docs", { _ = try damaged.report(1) }, "unknown metadata source 99")
    }

    func testADamagedSectionTableIsNamedByWhatReadsASection() throws {
        let (scratch, name) = try indexed()
        let reader = try IndexReader.open(path: scratch.index)
        let sections = try reader.segments[0].docs.reportDirectory().offsets.last ?? 0
        // The first path's heading count, far past the file's end.
        try damage(scratch, name + ".docs", at: 16 + sections, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let damaged = try IndexReader.open(path: scratch.index)
        XCTAssertNoThrow(try damaged.segments[0].report(0))
        assertDamaged(name + ".docs", { _ = try damaged.segments[0].sectionPath(0) }, "out of range")
        assertDamaged(name + ".docs", { _ = try damaged.segments[0].sectionPaths })
        assertDamaged(name + ".docs", { _ = try damaged.paragraph(segment: 0, doc: 0) })
    }

    func testAParagraphNamingAMissingReportOrSectionIsDamage() throws {
        let (scratch, name) = try indexed()
        let reader = try IndexReader.open(path: scratch.index)
        let docCount = reader.segments[0].docCount
        let columns = try recordsStart(scratch, name) - docCount * 13
        // The last paragraph's report index (reports column after lengths and years), then its section.
        let report = columns + docCount * 4 + (docCount - 1) * 4
        try damage(scratch, name + ".docs", at: 16 + report, with: [0x00, 0x00, 0x01, 0x00])
        let withReport = try IndexReader.open(path: scratch.index)
        var segment = withReport.segments[0]
        // One paragraph's report is checked when it is read; every report, by the whole column.
        let missingReport = "document \(docCount - 1) refers to a missing report"
        XCTAssertNoThrow(try segment.report(0))
        XCTAssertEqual(try segment.reportYears.ofDoc(0), try segment.reportYear(segment.reportIndex(0)))
        assertDamaged(name + ".docs", { _ = try segment.reportYears.ofDoc(docCount - 1) }, missingReport)
        assertDamaged(name + ".docs", { _ = try segment.report(ofDoc: docCount - 1) }, missingReport)
        assertDamaged(name + ".docs", { _ = try withReport.paragraph(segment: 0, doc: docCount - 1) }, missingReport)
        assertDamaged(name + ".docs", { _ = try segment.reports }, missingReport)
        assertDamaged(name + ".docs", { _ = try segment.report(segment.reportCount) }, "no report")
        try damage(scratch, name + ".docs", at: 16 + report, with: [0x00, 0x00, 0x00, 0x00])
        try damage(scratch, name + ".docs", at: 16 + report + docCount * 4, with: [0x00, 0x00, 0x01, 0x00])
        let damaged = try IndexReader.open(path: scratch.index)
        segment = damaged.segments[0]
        XCTAssertNoThrow(try segment.reportYears)
        // One paragraph's section is checked when it is read; every section, by the whole column.
        let missingSection = "document \(docCount - 1) refers to a missing section"
        XCTAssertNoThrow(try segment.sectionPath(ofDoc: 0))
        assertDamaged(name + ".docs", { _ = try segment.sectionPath(ofDoc: docCount - 1) }, missingSection)
        assertDamaged(name + ".docs", { _ = try damaged.paragraph(segment: 0, doc: docCount - 1) }, missingSection)
        assertDamaged(name + ".docs", { _ = try segment.sectionPaths }, missingSection)
        assertDamaged(name + ".docs", { _ = try segment.sectionPath(65536) }, "no section 65536")
    }

    /// Where the report records start in the `.docs` body of segment `name`.
    private func recordsStart(_ scratch: Scratch, _ name: String) throws -> Int {
        let reader = try IndexReader.open(path: scratch.index)
        // The table reads the reader's mapping: keep the reader until it is read.
        return try withExtendedLifetime(reader) { try reader.segments[0].docs.reportDirectory().offsets[0] }
    }
}
