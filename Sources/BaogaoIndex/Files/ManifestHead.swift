import Foundation

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

    /// Checks the frame and CRC (`Manifest.json`), then decodes the head in one
    /// pass over the JSON. As with the whole manifest, the version is judged
    /// first, so that a newer manifest is reported as newer even if its other
    /// fields changed shape.
    static func decode(json: [UInt8], file: String) throws(IndexError) -> ManifestHead {
        let decoded: Lenient
        do { decoded = try JSONDecoder().decode(Lenient.self, from: Data(json)) } catch {
            throw .damaged(file: file, reason: "unreadable manifest")
        }
        if decoded.format > IndexFormat.version { throw .tooNew(file: file, version: decoded.format) }
        if decoded.format < IndexFormat.oldestReadable { throw .tooOld(file: file, version: decoded.format) }
        switch decoded.rest {
        case .success(let rest):
            return ManifestHead(
                format: decoded.format, generation: rest.generation, analyzer: rest.analyzer, segments: rest.segments)
        case .failure(let error):
            throw .damaged(file: file, reason: "unreadable manifest: \(error)")
        }
    }

    /// The format, and whether the rest decoded: one scan of the JSON for both.
    private struct Lenient: Decodable {
        var format: UInt32
        var rest: Result<Rest, any Error>

        enum CodingKeys: String, CodingKey { case format }

        init(from decoder: any Decoder) throws {
            format = try decoder.container(keyedBy: CodingKeys.self).decode(UInt32.self, forKey: .format)
            rest = Result { try Rest(from: decoder) }
        }
    }

    private struct Rest: Decodable {
        var generation: Int
        var analyzer: String
        var segments: [SegmentHead]
    }
}

/// A segment's manifest entry without its report records: their count is
/// enough to check the `.docs` file against (`SegmentReader`).
struct SegmentHead: Sendable, Equatable, Decodable {
    var name: String
    var docs: Int
    var reportCount: Int
    var deleted: [Int]
    var files: [String: FileEntry]

    enum CodingKeys: String, CodingKey { case name, docs, reports, deleted, files }

    init(_ entry: SegmentEntry) {
        name = entry.name
        docs = entry.docs
        reportCount = entry.reports.count
        deleted = entry.deleted
        files = entry.files
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        docs = try c.decode(Int.self, forKey: .docs)
        deleted = try c.decode([Int].self, forKey: .deleted)
        files = try c.decode([String: FileEntry].self, forKey: .files)
        // Counted, not decoded: the JSON scanner already knows the array's length.
        let reports = try c.nestedUnkeyedContainer(forKey: .reports)
        guard let count = reports.count else {
            throw DecodingError.dataCorruptedError(in: reports, debugDescription: "reports without a count")
        }
        reportCount = count
    }
}
