import BaogaoIngest

/// The per-paragraph columns and the report and section tables (`.docs`).
///
///     Body = analyzer (string) · docCount u32 · reportCount u32 · sectionCount u32 ·
///            totalLength u64 ·
///            lengths  docCount × u16 · years docCount × u16 (0 = none) ·
///            reports  docCount × u32 · sections docCount × u32 · kinds docCount × u8 ·
///            Report{reportCount} · Section{sectionCount}
///     Report  = path · fingerprint · sourceBytes varint · title · region · date ·
///               executionYear varint · budgetYear varint (0 = none) ·
///               regionCode · level · kind · period ·
///               sources 6 × u8 (region, level, kind, years, period, date) ·
///               source · pageCount varint · pageCount × page start gap varint ·
///               firstDoc varint · paragraphCount varint
///     Section = headingCount varint · heading strings
///
/// A string is its UTF-8 length as a varint and the bytes; "" means none. `level` is
/// 中央/省/市/县/乡镇, `kind` one of annual, final-accounts, adjustment, mid-year,
/// other, `period` 全年, 上半年 or 1—N月. A source byte is the index of the source in
/// `ReportMetadata.Source.allCases`: 0 catalogue, 1 title, 2 opening lines, 3 file
/// name, 4 body, 5 unknown. `source` is where the report was published (a web address
/// from the catalogue's `source` column), "" when no catalogue gives one (version 5).
/// The page starts (version 7) are the source line each page of a PDF starts on
/// (`ReportMetadata.pageStarts`), each as the gap from the one before (the first from
/// 0): a PDF whose pages start on lines 1, 48 and 95 has `03 01 2F 2F`; a text report
/// has `00`.
///
/// Example: the fields after `budgetYear` of `关于2020年县级财政决算的报告` of 桃源县
/// (Tests/Fixtures/corpus-real/062.txt), whose region, level and date came from the
/// opening lines and kind, years and period from the title, are
///
///     06 34 33 30 37 32 35          regionCode "430725"
///     03 E5 8E BF                   level "县"
///     0E 66 69 6E 61 6C 2D 61 63 63 6F 75 6E 74 73
///                                   kind "final-accounts"
///     06 E5 85 A8 E5 B9 B4          period "全年"
///     02 02 01 01 01 02             sources: opening lines, opening lines, title ×3, opening lines
///     00                            source "" (no catalogue)
///     00                            no pages (a text file)
///
/// and with corpus-real's catalogue, whose row gives region, level, kind, years and the
/// address `http://x.cn/a`, the sources and source are
///
///     00 00 00 00 01 02             sources: catalogue ×4, title (period), opening lines (date)
///     0D 68 74 74 70 3A 2F 2F 78 2E 63 6E 2F 61
///                                   source "http://x.cn/a"
///
/// A report's paragraphs are the documents `firstDoc ..< firstDoc + paragraphCount`,
/// in order, so paragraph n of a report is document `firstDoc + n - 1`.
enum DocsFile {
    static func write(
        analyzer: String, docs: DocColumns, reports: [ReportRecord],
        sections: SectionTable
    ) -> [UInt8] {
        var w = ByteWriter(capacity: docs.count * 13 + 4096)
        IndexFormat.writeHeader(.docs, into: &w)
        w.writeString(analyzer)
        w.writeU32(UInt32(docs.count))
        w.writeU32(UInt32(reports.count))
        w.writeU32(UInt32(sections.paths.count))
        w.writeU64(docs.totalLength)
        for v in docs.lengths { w.writeU16(v) }
        for v in docs.years { w.writeU16(v) }
        for v in docs.reports { w.writeU32(v) }
        for v in docs.sections { w.writeU32(v) }
        w.write(docs.kinds)
        for r in reports {
            w.writeString(r.source.path)
            w.writeString(r.source.fingerprint)
            w.writeVarint(r.source.bytes)
            w.writeString(r.metadata.title)
            w.writeString(r.metadata.region ?? "")
            w.writeString(r.metadata.date ?? "")
            w.writeVarint(r.metadata.executionYear ?? 0)
            w.writeVarint(r.metadata.budgetYear ?? 0)
            w.writeString(r.metadata.regionCode ?? "")
            w.writeString(r.metadata.level?.rawValue ?? "")
            w.writeString(r.metadata.kind?.rawValue ?? "")
            w.writeString(r.metadata.period ?? "")
            for s in r.metadata.sources.all {
                w.write(UInt8(ReportMetadata.Source.allCases.firstIndex(of: s) ?? ReportMetadata.Source.allCases.count - 1))
            }
            w.writeString(r.metadata.source ?? "")
            w.writeVarint(r.metadata.pageStarts.count)
            var previous = 0
            for start in r.metadata.pageStarts {
                w.writeVarint(start - previous)
                previous = start
            }
            w.writeVarint(Int(r.firstDoc))
            w.writeVarint(Int(r.paragraphCount))
        }
        for path in sections.paths {
            w.writeVarint(path.count)
            for h in path { w.writeString(h) }
        }
        IndexFormat.writeFooter(.docs, into: &w)
        return w.bytes
    }
}

/// Reads a `.docs` body. Open reads its counts and finds its columns, which are
/// read in place; the report and section tables are read on first use, and
/// only as far as asked: a one-shot search reads the years of every report
/// (its tie-break) and the records and sections of the ten hits it shows, and
/// decoding every record at open was a third of its instructions on the 200 MiB
/// benchmark index. Each table's first use walks it once — every record's
/// bounds, and every paragraph's report or section index against its count —
/// so that what it hands out is in range, or the whole table is
/// `IndexError.damaged` naming the file to whoever reads it. It reads its
/// segment's mapping: valid while its `SegmentReader` is alive.
struct DocsTable: @unchecked Sendable {
    let analyzer: String
    let docCount: Int
    let reportCount: Int
    let sectionCount: Int
    let totalLength: UInt64
    private let body: UnsafeRawBufferPointer
    private let file: String
    /// Where the first report record starts in `body`.
    private let recordsAt: Int
    private let lengthsAt: UnsafeRawPointer
    private let yearsAt: UnsafeRawPointer
    private let reportsAt: UnsafeRawPointer
    private let sectionsAt: UnsafeRawPointer
    private let kindsAt: UnsafeRawPointer
    private let tables = DocsTables()

    init(body: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        var r = ByteReader(body, file: file)
        analyzer = try r.readString()
        docCount = Int(try r.readU32())
        reportCount = Int(try r.readU32())
        sectionCount = Int(try r.readU32())
        totalLength = try r.readU64()
        guard docCount * 13 <= r.remaining, reportCount <= r.remaining, sectionCount <= r.remaining,
            let base = body.baseAddress
        else {
            throw .damaged(file: file, reason: "document columns past the end")
        }
        self.body = body
        self.file = file
        lengthsAt = base + r.offset
        yearsAt = lengthsAt + docCount * 2
        reportsAt = yearsAt + docCount * 2
        sectionsAt = reportsAt + docCount * 4
        kindsAt = sectionsAt + docCount * 4
        recordsAt = r.offset + docCount * 13
    }

    /// Reads both tables whole, as open did before they were lazy: for a
    /// verified reader (`baogao check`, a merge, the segments an update builds
    /// on), which must find any damage before it reads on.
    func decodeAll() throws(IndexError) {
        _ = try allRecords()
        _ = try allSections()
    }

    var lengthColumn: DocColumn { DocColumn(base: lengthsAt, width: 2) }
    var reportColumn: DocColumn { DocColumn(base: reportsAt, width: 4) }

    @inline(__always) func length(_ d: Int) -> Int {
        Int(UInt16(littleEndian: lengthsAt.loadUnaligned(fromByteOffset: d * 2, as: UInt16.self)))
    }
    @inline(__always) func year(_ d: Int) -> Int {
        Int(UInt16(littleEndian: yearsAt.loadUnaligned(fromByteOffset: d * 2, as: UInt16.self)))
    }
    /// Below `reportCount` once `allRecords()` has returned (it checks every
    /// one); `record(ofDoc:)` and `ReportYears` check the one they read.
    @inline(__always) func reportIndex(_ d: Int) -> UInt32 {
        UInt32(littleEndian: reportsAt.loadUnaligned(fromByteOffset: d * 4, as: UInt32.self))
    }
    /// Below `sectionCount` once `allSections()` has returned (it checks every
    /// one); `section(ofDoc:)` checks the one it reads.
    @inline(__always) func sectionIndex(_ d: Int) -> UInt32 {
        UInt32(littleEndian: sectionsAt.loadUnaligned(fromByteOffset: d * 4, as: UInt32.self))
    }
    @inline(__always) func kind(_ d: Int) -> Paragraph.Kind {
        ParagraphKindCode.kind(kindsAt.load(fromByteOffset: d, as: UInt8.self))
    }

    // MARK: The report table

    /// Where each record is, with what a search reads of every report, found
    /// on first use without decoding a string.
    func reportDirectory() throws(IndexError) -> ReportDirectory {
        try tables.reports.value { () throws(IndexError) in
            try ReportDirectory.walk(body: body, from: recordsAt, count: reportCount, docCount: docCount, file: file)
        }
    }

    /// The report record of document `d`, decoded on first use. Its report
    /// index is checked here, not the whole column (2.4 M instructions and
    /// 2.5 MB of the mapping on the 200 MiB index, for a search's ten hits).
    func record(ofDoc d: Int) throws(IndexError) -> ReportRecord {
        guard Int(reportIndex(d)) < reportCount else { throw missingReport(d) }
        return try record(Int(reportIndex(d)))
    }

    func missingReport(_ d: Int) -> IndexError {
        .damaged(file: file, reason: "document \(d) refers to a missing report")
    }

    /// Report record `r`, decoded on first use; an `r` past the table is damage.
    func record(_ r: Int) throws(IndexError) -> ReportRecord {
        guard r >= 0, r < reportCount else { throw .damaged(file: file, reason: "no report \(r) of \(reportCount)") }
        let directory = try reportDirectory()
        return try tables.records.value(r) { () throws(IndexError) in
            var reader = ByteReader(body, offset: directory.offsets[r], file: file)
            return try Self.readRecord(&reader, docCount: docCount)
        }
    }

    /// How many records are decoded: what a test of a lazy open asks.
    var decodedRecordCount: Int { tables.records.decodedCount }

    /// Every report record, in table order. For a reader opened with
    /// `verifyChecksums`, whose tables `decodeAll` read at open, this cannot
    /// fail; the lazily opened reader's callers use `record(_:)`, which throws.
    var reports: [ReportRecord] { (try? allRecords()) ?? [] }

    /// Every report record, in table order, once every paragraph's report index
    /// is checked: what lets a reader index a table of reports with them.
    func allRecords() throws(IndexError) -> [ReportRecord] {
        try tables.reportColumn.value { () throws(IndexError) in
            try checkColumn(reportsAt, below: reportCount, what: "report")
        }
        return try (0..<reportCount).map { (r) throws(IndexError) in try record(r) }
    }

    // MARK: The section table

    /// Where each section path starts (after the last report record), found on first use.
    func sectionDirectory() throws(IndexError) -> [Int] {
        let start = try reportDirectory().offsets[reportCount]
        return try tables.sections.value { () throws(IndexError) in
            var r = ByteReader(body, offset: start, file: file)
            var offsets: [Int] = []
            offsets.reserveCapacity(sectionCount + 1)
            for _ in 0..<sectionCount {
                offsets.append(r.offset)
                let n = try r.readCount(max: r.remaining)
                for _ in 0..<n { try r.skipString() }
            }
            offsets.append(r.offset)
            return offsets
        }
    }

    /// The section path of document `d`, decoded on first use. Its index is
    /// checked here, not the whole column: a search reads the sections of the
    /// ten hits it shows, and checking every paragraph's was 2.4 M instructions
    /// and 2.5 MB of the mapping on the 200 MiB index.
    func section(ofDoc d: Int) throws(IndexError) -> [String] {
        guard Int(sectionIndex(d)) < sectionCount else {
            throw .damaged(file: file, reason: "document \(d) refers to a missing section")
        }
        return try section(Int(sectionIndex(d)))
    }

    /// Section path `k`, decoded on first use; a `k` past the table is damage.
    func section(_ k: Int) throws(IndexError) -> [String] {
        guard k >= 0, k < sectionCount else { throw .damaged(file: file, reason: "no section \(k) of \(sectionCount)") }
        let offsets = try sectionDirectory()
        return try tables.paths.value(k) { () throws(IndexError) in
            var r = ByteReader(body, offset: offsets[k], file: file)
            let n = try r.readCount(max: r.remaining)
            var path: [String] = []
            for _ in 0..<n { path.append(try r.readString()) }
            return path
        }
    }

    /// Every section path, by section index, once every paragraph's section
    /// index is checked: what lets filters index a table of sections with them.
    func allSections() throws(IndexError) -> [[String]] {
        try tables.sectionColumn.value { () throws(IndexError) in
            try checkColumn(sectionsAt, below: sectionCount, what: "section")
        }
        return try (0..<sectionCount).map { (k) throws(IndexError) in try section(k) }
    }

    /// Every section path; see `reports` for when it cannot fail.
    var sections: [[String]] { (try? allSections()) ?? [] }

    /// Every paragraph's entry of a u32 column below `limit`: what lets readers
    /// index the tables with them unchecked. One pass over the column, made once.
    private func checkColumn(_ column: UnsafeRawPointer, below limit: Int, what: String) throws(IndexError) {
        var largest: UInt32 = 0
        for d in 0..<docCount {
            largest = max(largest, UInt32(littleEndian: column.loadUnaligned(fromByteOffset: d * 4, as: UInt32.self)))
        }
        guard docCount == 0 || Int(largest) < limit else {
            let d = (0..<docCount).first {
                Int(UInt32(littleEndian: column.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) >= limit
            }
            throw .damaged(file: file, reason: "document \(d ?? 0) refers to a missing \(what)")
        }
    }

    private static func readRecord(_ r: inout ByteReader, docCount: Int) throws(IndexError) -> ReportRecord {
        let source = SourceFile(
            path: try r.readString(), fingerprint: try r.readString(),
            bytes: try r.readCount(max: Int(Int64.max)))
        let title = try r.readString()
        let region = try r.readString()
        let date = try r.readString()
        let execution = try r.readCount(max: 9999)
        let budget = try r.readCount(max: 9999)
        let code = try r.readString()
        let level = try r.readString()
        let kind = try r.readString()
        let period = try r.readString()
        var sources = ReportMetadata.Sources()
        var all: [ReportMetadata.Source] = []
        for _ in 0..<6 {
            let b = Int(try r.readByte())
            guard b < ReportMetadata.Source.allCases.count else { throw r.damaged("unknown metadata source \(b)") }
            all.append(ReportMetadata.Source.allCases[b])
        }
        sources.all = all
        let address = try r.readString()
        let pageCount = try r.readCount(max: r.remaining)
        var pageStarts: [Int] = []
        pageStarts.reserveCapacity(pageCount)
        for _ in 0..<pageCount { pageStarts.append((pageStarts.last ?? 0) + (try r.readCount(max: Int(Int32.max)))) }
        let metadata = ReportMetadata(
            title: title, region: region.isEmpty ? nil : region,
            executionYear: execution == 0 ? nil : execution,
            budgetYear: budget == 0 ? nil : budget, date: date.isEmpty ? nil : date,
            regionCode: code.isEmpty ? nil : code,
            level: ReportMetadata.Level(rawValue: level),
            kind: ReportMetadata.Kind(rawValue: kind),
            period: period.isEmpty ? nil : period,
            source: address.isEmpty ? nil : address, sources: sources, pageStarts: pageStarts)
        let first = try r.readCount(max: docCount)
        let count = try r.readCount(max: docCount)
        guard first + count <= docCount else { throw r.damaged("report paragraphs past the last document") }
        return ReportRecord(source: source, metadata: metadata, firstDoc: UInt32(first), paragraphCount: UInt32(count))
    }
}

/// Where each report record of a `.docs` file starts, and what every search
/// reads of each report: its year (ranking's tie-break) and its documents.
struct ReportDirectory: Sendable {
    /// `offsets[r]` is where record `r` starts in the body; `offsets[reportCount]`
    /// where the section table starts.
    let offsets: [Int]
    /// Per report: its budget year, else its execution year, else 0.
    let years: [Int]
    /// Per report: its documents, `firstDoc ..< firstDoc + paragraphCount`.
    let docs: [Range<Int>]

    /// One pass over the records, skipping their strings: the fields a record
    /// holds are bounded here as `DocsTable.readRecord` bounds them.
    static func walk(
        body: UnsafeRawBufferPointer, from start: Int, count: Int, docCount: Int, file: String
    ) throws(IndexError) -> ReportDirectory {
        var r = ByteReader(body, offset: start, file: file)
        var offsets: [Int] = []
        var years: [Int] = []
        var docs: [Range<Int>] = []
        offsets.reserveCapacity(count + 1)
        years.reserveCapacity(count)
        docs.reserveCapacity(count)
        for _ in 0..<count {
            offsets.append(r.offset)
            try r.skipString()  // path
            try r.skipString()  // fingerprint
            _ = try r.readCount(max: Int(Int64.max))
            for _ in 0..<3 { try r.skipString() }  // title, region, date
            let execution = try r.readCount(max: 9999)
            let budget = try r.readCount(max: 9999)
            for _ in 0..<4 { try r.skipString() }  // region code, level, kind, period
            _ = try r.readBytes(6)  // field sources, checked when the record is decoded
            try r.skipString()  // source address
            let pages = try r.readCount(max: r.remaining)
            for _ in 0..<pages { _ = try r.readCount(max: Int(Int32.max)) }
            let first = try r.readCount(max: docCount)
            let n = try r.readCount(max: docCount)
            guard first + n <= docCount else { throw r.damaged("report paragraphs past the last document") }
            years.append(budget != 0 ? budget : execution)
            docs.append(first..<first + n)
        }
        offsets.append(r.offset)
        return ReportDirectory(offsets: offsets, years: years, docs: docs)
    }
}

/// What a `.docs` table has decoded so far, shared by every copy of the table
/// (and so by every thread reading its segment).
private final class DocsTables: Sendable {
    let reports = OnFirstUse<ReportDirectory>()
    let records = OnFirstUseEach<ReportRecord>()
    let sections = OnFirstUse<[Int]>()
    let sectionColumn = OnFirstUse<Void>()
    let reportColumn = OnFirstUse<Void>()
    let paths = OnFirstUseEach<[String]>()
}

extension ByteReader {
    /// Steps over a string (its varint length and bytes), checking that it ends inside the data.
    fileprivate mutating func skipString() throws(IndexError) {
        let n = try readCount(max: remaining)
        offset += n
    }
}

/// A fixed-width column of the mapped `.docs` file, read without touching any
/// reference-counted storage: for loops over hundreds of thousands of documents.
/// Valid while its `SegmentReader` is alive.
/// Inlinable: the search loops of BaogaoQuery read it once per matching document.
public struct DocColumn: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let width: Int

    @inlinable @inline(__always)
    public subscript(_ doc: Int) -> Int {
        width == 2
            ? Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: doc * 2, as: UInt16.self)))
            : Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: doc * 4, as: UInt32.self)))
    }
}
