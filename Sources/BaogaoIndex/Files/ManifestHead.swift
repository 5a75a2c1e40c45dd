/// What a reader needs of the manifest to open an index: everything but the
/// reports' and skipped files' records, which are most of its bytes (724 KB for
/// 6,635 reports) and which a search never reads. Decoding them was a quarter
/// of a one-shot `baogao search` on a 200 MB index; `IndexReader` decodes the
/// whole `Manifest` from the same bytes only when asked for it.
struct ManifestHead: Sendable, Equatable {
    var format: UInt32
    var generation: Int
    var analyzer: String
    var segments: [SegmentHead]

    /// Decodes the head from the manifest's JSON line (whose frame and CRC
    /// `Manifest.json` checked) with `ManifestScanner`, which steps over the
    /// report records. As with the whole manifest, the version is judged first,
    /// so that a newer manifest is reported as newer even if its other fields
    /// changed shape.
    static func decode(json: [UInt8], file: String) throws(IndexError) -> ManifestHead {
        let scanned: (format: UInt32?, rest: Result<ManifestScanner.Rest, ManifestScanner.Malformed>)
        do { scanned = try ManifestScanner.scan(json) } catch {
            throw .damaged(file: file, reason: "unreadable manifest")
        }
        guard let format = scanned.format else { throw .damaged(file: file, reason: "unreadable manifest") }
        if format > IndexFormat.version { throw .tooNew(file: file, version: format) }
        if format < IndexFormat.oldestReadable { throw .tooOld(file: file, version: format) }
        switch scanned.rest {
        case .success(let rest):
            return ManifestHead(format: format, generation: rest.generation, analyzer: rest.analyzer, segments: rest.segments)
        case .failure(let error):
            throw .damaged(file: file, reason: "unreadable manifest: \(error)")
        }
    }
}

/// A segment's manifest entry without its report records: their count is
/// enough to check the `.docs` file against (`SegmentReader`).
struct SegmentHead: Sendable, Equatable {
    var name: String
    var docs: Int
    var reportCount: Int
    var deleted: [Int]
    var files: [String: FileEntry]

    init(name: String, docs: Int, reportCount: Int, deleted: [Int], files: [String: FileEntry]) {
        self.name = name
        self.docs = docs
        self.reportCount = reportCount
        self.deleted = deleted
        self.files = files
    }

    init(_ entry: SegmentEntry) {
        name = entry.name
        docs = entry.docs
        reportCount = entry.reports.count
        deleted = entry.deleted
        files = entry.files
    }
}
