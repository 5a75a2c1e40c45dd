/// What the query layer reads of a segment besides postings: the per-document
/// columns, the report and section tables, and stored text.
extension SegmentReader {
    /// Normalised length of a document, in scalars (capped at 65535).
    @inline(__always) public func length(_ doc: Int) -> Int { docs.length(doc) }

    /// The year a paragraph speaks of, when known.
    @inline(__always) public func year(_ doc: Int) -> Int? {
        let y = docs.year(doc)
        return y == 0 ? nil : y
    }

    /// The report and section of a paragraph, as indexes into the tables below:
    /// in range once every report (`reports`) or every section (`sectionPaths`)
    /// has been read, which checks every paragraph's — index only those with
    /// them. One paragraph's are read with `report(ofDoc:)`, `sectionPath(ofDoc:)`
    /// and `reportYears.ofDoc`, which check their own.
    @inline(__always) public func reportIndex(_ doc: Int) -> Int { Int(docs.reportIndex(doc)) }
    @inline(__always) public func sectionIndex(_ doc: Int) -> Int { Int(docs.sectionIndex(doc)) }

    /// Normalised lengths and report indexes as columns, for loops over many
    /// documents (report indexes: see `reportIndex`).
    public var lengthColumn: DocColumn { docs.lengthColumn }
    public var reportColumn: DocColumn { docs.reportColumn }
    /// Each document's report's year (`reportYear`), read without decoding a record.
    public var reportYears: ReportYears {
        get throws(IndexError) { ReportYears(years: try docs.reportDirectory().years, docs: docs) }
    }

    public var reportCount: Int { docs.reportCount }
    /// The newest year a report speaks of (its budget year), for tie-breaks; 0 when unknown.
    public func reportYear(_ index: Int) throws(IndexError) -> Int { try docs.reportDirectory().years[index] }
    /// Report `index` (below `reportCount`), its record decoded on first use.
    public func report(_ index: Int) throws(IndexError) -> IndexedReport {
        IndexedReport(record: try docs.record(index))
    }
    /// The report of paragraph `doc`, its record decoded on first use.
    public func report(ofDoc doc: Int) throws(IndexError) -> IndexedReport {
        IndexedReport(record: try docs.record(ofDoc: doc))
    }
    /// Every report, by report index.
    public var reports: [IndexedReport] {
        get throws(IndexError) { try docs.allRecords().map(IndexedReport.init) }
    }
    /// The documents of report `index`: its paragraphs, in order.
    public func docs(ofReport index: Int) throws(IndexError) -> Range<Int> {
        try docs.reportDirectory().docs[index]
    }
    /// Every distinct section path of the segment, by section index.
    public var sectionPaths: [[String]] {
        get throws(IndexError) { try docs.allSections() }
    }
    /// Section path `index`, decoded on first use; an index past the table is damage.
    public func sectionPath(_ index: Int) throws(IndexError) -> [String] { try docs.section(index) }
    /// The section path of paragraph `doc`, decoded on first use.
    public func sectionPath(ofDoc doc: Int) throws(IndexError) -> [String] { try docs.section(ofDoc: doc) }

    /// A reader of stored paragraph texts that keeps the last decompressed block,
    /// so that reading documents in ascending order decompresses each block once.
    public func textReader() -> StoredTextReader { StoredTextReader(store: store) }

    /// Every word term of the segment (without its kind byte) with its key, for
    /// queries that need substring matches inside words.
    public func wordTerms() throws(IndexError) -> [(text: String, key: [UInt8])] {
        try dictionary.terms(withPrefix: [TermKind.word.rawValue]).map { (key, _) in
            (String(decoding: key.dropFirst(), as: UTF8.self), key)
        }
    }

    /// How many phrase terms (`TermKind.phrase`) the segment chose: with none, a
    /// run of CJK characters need not look one up.
    public var phraseTermCount: Int { dictionary.kindCounts[.phrase] ?? 0 }
}

/// The year of each document's report, for ranking's tie-break: one load and
/// a bounds check a document, so that no paragraph's report index is read
/// unchecked and none is checked that a search does not rank. Valid while its
/// `SegmentReader` is alive.
public struct ReportYears: @unchecked Sendable {
    /// Per report: its budget year, else its execution year, else 0.
    public let years: [Int]
    private let docs: DocsTable

    init(years: [Int], docs: DocsTable) {
        self.years = years
        self.docs = docs
    }

    /// The year of document `doc`'s report.
    @inline(__always) public func ofDoc(_ doc: Int) throws(IndexError) -> Int {
        let r = Int(docs.reportIndex(doc))
        guard r < years.count else { throw docs.missingReport(doc) }
        return years[r]
    }
}

public struct StoredTextReader {
    private let store: StoreReader
    private var first = 0
    private var block: [StoredParagraph] = []

    init(store: StoreReader) {
        self.store = store
    }

    public mutating func text(_ doc: Int) throws(IndexError) -> String {
        if doc < first || doc >= first + block.count {
            (first, block) = try store.block(containing: doc)
        }
        guard doc - first < block.count else {
            throw .damaged(file: "store", reason: "document \(doc) missing from its block")
        }
        return block[doc - first].text
    }
}
