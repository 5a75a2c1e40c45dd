import BaogaoAnalysis
import BaogaoIngest
import Dispatch
import Synchronization

/// An open, committed index: the manifest and its segments, mapped read-only.
/// Immutable and shared across threads; a writer committing a newer index does
/// not disturb it (open a new reader to see the new commit).
///
/// Opening is lazy, as Lucene's is: it checks every file's header, footer and
/// length against the manifest and reads the counts of the `.docs` file, but
/// decodes no table: the report and section tables are read on first use and
/// record by record, the facts on first use (a search never reads them), and
/// postings, positions and stored text as queries reach them. Its cost and
/// memory do not grow with the index, bar the manifest's bytes. The full
/// CRC-32 of every byte is checked where bytes are known to be right or are read
/// anyway — when a commit is written (`SegmentWriter`), when `baogao index`
/// builds on a segment, by `baogao check` (`IndexCheck`) — and every decoder
/// checks its bounds, so damage a lazy open does not see is `IndexError.damaged`
/// when it is read, never a crash. What only a CRC sees (a flipped bit that still
/// decodes) is for `baogao check` to find: FORMAT.md, "Verification".
/// `verifyChecksums` brings back the whole check at open.
public final class IndexReader: Sendable {
    public let path: String
    public let segments: [SegmentReader]
    /// The manifest's JSON, checked against its CRC at open; `manifest` decodes
    /// it whole on first use.
    private let manifestJSON: [UInt8]
    private let head: ManifestHead
    private let wholeManifest = Mutex<Manifest?>(nil)

    /// The committed manifest, decoded from the bytes read at open (not the file
    /// on disk, which a newer commit may have replaced) the first time it is
    /// asked for: a search never asks, and its reports' records are most of it.
    public var manifest: Manifest {
        wholeManifest.withLock { cached in
            if let cached { return cached }
            let decoded = Self.decodeWhole(manifestJSON, head: head)
            cached = decoded
            return decoded
        }
    }

    public static func open(path: String, verifyChecksums: Bool = false) throws(IndexError) -> IndexReader {
        let folder = IndexFolder(path: path)
        // A writer may commit and delete the files of the manifest we just read;
        // reading the manifest again then finds the new one.
        var attempt = 0
        while true {
            attempt += 1
            let (json, head) = try readHead(folder)
            do {
                return try IndexReader(path: path, folder: folder, json: json, head: head, verify: verifyChecksums)
            } catch {
                if attempt < 3, case .damaged = error, (try? readHead(folder))?.json != json { continue }
                throw error
            }
        }
    }

    /// The whole manifest, for writers and tools that read every report's record.
    static func readManifest(_ folder: IndexFolder) throws(IndexError) -> Manifest {
        let manifest = try Manifest.decode(try manifestBytes(folder), file: Manifest.fileName)
        try checkAnalyzer(manifest.analyzer)
        return manifest
    }

    /// The manifest's JSON and its head: what opening needs.
    static func readHead(_ folder: IndexFolder) throws(IndexError) -> (json: [UInt8], head: ManifestHead) {
        let json = try Manifest.json(try manifestBytes(folder), file: Manifest.fileName)
        let head = try ManifestHead.decode(json: json, file: Manifest.fileName)
        try checkAnalyzer(head.analyzer)
        return (json, head)
    }

    private static func manifestBytes(_ folder: IndexFolder) throws(IndexError) -> [UInt8] {
        guard let bytes = FileBytes.read(folder.file(Manifest.fileName)) else {
            throw .missing(folder: folder.path)
        }
        return bytes
    }

    private static func checkAnalyzer(_ analyzer: String) throws(IndexError) {
        guard analyzer == Analyzer.identifier else {
            throw .analyzerChanged(indexed: analyzer, current: Analyzer.identifier)
        }
    }

    /// JSON that passed its CRC at open was written by `Manifest.encoded` and
    /// decodes; should it not, the head's fields stand in, with no report
    /// records — the REPL then finds the index older than its corpus and
    /// `baogao index` rewrites the manifest — rather than a crash.
    private static func decodeWhole(_ json: [UInt8], head: ManifestHead) -> Manifest {
        if let whole = try? Manifest.decode(json: json, file: Manifest.fileName) { return whole }
        var m = Manifest(analyzer: head.analyzer)
        m.format = head.format
        m.generation = head.generation
        m.segments = head.segments.map {
            SegmentEntry(name: $0.name, docs: $0.docs, reports: [], deleted: $0.deleted, files: $0.files)
        }
        return m
    }

    private init(
        path: String, folder: IndexFolder, json: [UInt8], head: ManifestHead, verify: Bool
    ) throws(IndexError) {
        self.path = path
        self.manifestJSON = json
        self.head = head
        // Segments are opened side by side: with `verify`, reading and decoding
        // their every byte is most of what opening costs (without, their frames).
        let entries = head.segments
        let opened = Mutex<[Result<SegmentReader, IndexError>?]>(Array(repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            let result: Result<SegmentReader, IndexError>
            do throws(IndexError) {
                result = .success(try SegmentReader(folder: folder, entry: entries[i], verifyChecksums: verify))
            } catch {
                result = .failure(error)
            }
            opened.withLock { $0[i] = result }
        }
        var segments: [SegmentReader] = []
        for result in opened.withLock({ $0 }) {
            guard let result else { preconditionFailure("a segment was not opened") }
            segments.append(try result.get())
        }
        self.segments = segments
    }

    /// Live (not deleted) paragraphs in all segments.
    public var liveDocCount: Int { segments.reduce(0) { $0 + $1.liveDocCount } }

    /// The report a document belongs to.
    public func report(segment s: Int, doc d: Int) throws(IndexError) -> IndexedReport {
        try segments[s].report(ofDoc: d)
    }

    /// The stable id (`<doc>#<paragraph number>`) of a document, without reading the store.
    public func paragraphID(segment s: Int, doc d: Int) throws(IndexError) -> String {
        let record = try segments[s].docs.record(ofDoc: d)
        return "\(record.source.path)#\(d - Int(record.firstDoc) + 1)"
    }

    /// A stored paragraph with its citation.
    public func paragraph(segment s: Int, doc d: Int) throws(IndexError) -> IndexedParagraph {
        let segment = segments[s]
        let stored = try segment.store.paragraph(d)
        return try makeParagraph(segment: s, doc: d, stored: stored)
    }

    /// Every paragraph of the store block holding `doc` (cheap neighbours for context).
    func makeParagraph(segment s: Int, doc d: Int, stored: StoredParagraph) throws(IndexError) -> IndexedParagraph {
        let segment = segments[s]
        let record = try segment.docs.record(ofDoc: d)
        let year = segment.docs.year(d)
        return IndexedParagraph(
            segment: s, doc: d, report: IndexedReport(record: record),
            number: d - Int(record.firstDoc) + 1, text: stored.text,
            section: try segment.sectionPath(ofDoc: d),
            firstLine: stored.firstLine, lastLine: stored.lastLine, lineStarts: stored.lineStarts,
            year: year == 0 ? nil : year, kind: stored.kind, table: stored.table, originalOffsets: stored.originalOffsets)
    }

    /// Finds the document of paragraph `number` of the report at corpus path `doc`.
    public func locate(doc: String, paragraph number: Int) throws(IndexError) -> (segment: Int, doc: Int)? {
        for (s, segment) in segments.enumerated() {
            for r in 0..<segment.reportCount {
                let record = try segment.docs.record(r)
                guard record.source.path == doc else { continue }
                let d = Int(record.firstDoc) + number - 1
                guard number >= 1, number <= Int(record.paragraphCount), !segment.isDeleted(d) else { continue }
                return (s, d)
            }
        }
        return nil
    }
}

/// A report's citation fields, as the index holds them.
///
/// A value with one reference inside: every fact row and paragraph of a report
/// carries its report, and copying eight strings, an array and the metadata with
/// each row was a tenth of a comparison's time in retains and releases.
public struct IndexedReport: Sendable, Equatable {
    private final class Storage: Sendable {
        let doc: String
        let paragraphCount: Int
        let metadata: ReportMetadata

        init(doc: String, paragraphCount: Int, metadata: ReportMetadata) {
            self.doc = doc
            self.paragraphCount = paragraphCount
            self.metadata = metadata
        }
    }

    private let storage: Storage

    /// Corpus-relative path of the report file.
    public var doc: String { storage.doc }
    public var title: String { storage.metadata.title }
    public var region: String? { storage.metadata.region }
    public var executionYear: Int? { storage.metadata.executionYear }
    public var budgetYear: Int? { storage.metadata.budgetYear }
    public var date: String? { storage.metadata.date }
    public var paragraphCount: Int { storage.paragraphCount }
    /// Everything stored about the report: level, kind, period, region code and the
    /// source of each field besides the fields above.
    public var metadata: ReportMetadata { storage.metadata }

    init(record: ReportRecord) {
        storage = Storage(doc: record.source.path, paragraphCount: Int(record.paragraphCount), metadata: record.metadata)
    }

    public static func == (a: IndexedReport, b: IndexedReport) -> Bool {
        a.storage === b.storage
            || (a.doc == b.doc && a.paragraphCount == b.paragraphCount && a.metadata == b.metadata)
    }
}

/// A paragraph fetched from the store, with its citation.
public struct IndexedParagraph: Sendable, Equatable {
    public var segment: Int
    public var doc: Int
    public var report: IndexedReport
    /// 1-based paragraph number in the report.
    public var number: Int
    public var text: String
    public var section: [String]
    public var firstLine: Int
    public var lastLine: Int
    /// Where each source line after the first starts in `text` (`Paragraph.lineStarts`).
    public var lineStarts: [LineStart]
    public var year: Int?
    public var kind: Paragraph.Kind
    public var table: TableContext?
    /// Normalised → original scalar offsets; nil when the mapping is one-to-one.
    public var originalOffsets: [Int32]?

    /// A stable identifier: `<doc>#<paragraph number>`.
    public var id: String { "\(report.doc)#\(number)" }

    /// The source lines of `range` of `text` (Unicode scalar offsets): see `ParagraphLines`.
    public func lines(of range: Range<Int>) -> ClosedRange<Int> {
        ParagraphLines.lines(of: range, firstLine: firstLine, lastLine: lastLine, starts: lineStarts)
    }
}
