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

    @inline(__always) public func reportIndex(_ doc: Int) -> Int { Int(docs.reportIndex(doc)) }
    @inline(__always) public func sectionIndex(_ doc: Int) -> Int { Int(docs.sectionIndex(doc)) }

    /// Normalised lengths and report indexes as columns, for loops over many documents.
    public var lengthColumn: DocColumn { docs.lengthColumn }
    public var reportColumn: DocColumn { docs.reportColumn }
    /// `reportYear` for every report.
    public var reportYears: [Int] { docs.reportYears }

    public var reportCount: Int { docs.reports.count }
    /// The newest year a report speaks of (its budget year), for tie-breaks; 0 when unknown.
    @inline(__always) public func reportYear(_ index: Int) -> Int { docs.reportYears[index] }
    public func report(_ index: Int) -> IndexedReport { IndexedReport(record: docs.reports[index]) }
    /// The documents of report `index`: its paragraphs, in order.
    public func docs(ofReport index: Int) -> Range<Int> {
        let r = docs.reports[index]
        return Int(r.firstDoc)..<Int(r.firstDoc) + Int(r.paragraphCount)
    }
    /// Every distinct section path of the segment, by section index.
    public var sectionPaths: [[String]] { docs.sections }

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
