import CDeflate
import Foundation

/// The one small file that says what the index is (`MANIFEST`). Committing an
/// index means writing a new manifest beside the old one and renaming it into
/// place; whatever a crash leaves behind, readers see either the old manifest or
/// the new one, and the segment files either names are complete.
///
///     MANIFEST = "baogao-index-manifest" LF · JSON (one line) LF · "crc32 " 8 hex digits LF
///
/// The CRC covers the JSON line's bytes. The JSON holds the format version, a
/// generation counter, the analyzer identifier, and per segment its files (size
/// and CRC), its reports (corpus path, fingerprint, size, in report-table order)
/// and the indexes of its deleted (replaced or removed) reports, and the corpus folder it
/// was built from (absolute; absent in older manifests). A report's fingerprint
/// folds in its catalogue row (see `WorkQueue`), and its `text` digest finds copies.
public struct Manifest: Codable, Sendable, Equatable {
    public var format: UInt32
    public var generation: Int
    public var analyzer: String
    public var nextSegment: Int
    public var segments: [SegmentEntry]
    /// Corpus files that could not be read, with the reason; retried when they change.
    public var skipped: [SkippedFile]
    /// The corpus folder the index was last built or updated from, as an absolute
    /// path: an update from another folder that still exists is refused, since it
    /// would drop every report of this one. Nil in manifests written before it was kept.
    public var corpus: String?

    static let fileName = "MANIFEST"
    static let firstLine = "baogao-index-manifest"

    public init(analyzer: String) {
        format = IndexFormat.version
        generation = 0
        self.analyzer = analyzer
        nextSegment = 1
        segments = []
        skipped = []
    }

    func encoded() throws(IndexError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do { json = try encoder.encode(self) } catch {
            throw .io(path: Self.fileName, reason: "cannot encode manifest: \(error)")
        }
        let bytes = [UInt8](json)
        let crc = bytes.withUnsafeBufferPointer { bg_crc32(0, $0.baseAddress, UInt64($0.count)) }
        let hex = String(crc, radix: 16)
        return Array((Self.firstLine + "\n").utf8) + bytes
            + Array(("\ncrc32 " + String(repeating: "0", count: 8 - hex.count) + hex + "\n").utf8)
    }

    static func decode(_ bytes: [UInt8], file: String) throws(IndexError) -> Manifest {
        let json = try json(bytes, file: file)
        // Read the version alone first, so that a newer manifest is reported as
        // newer even if its other fields changed shape.
        struct Version: Decodable { var format: UInt32 }
        guard let version = try? JSONDecoder().decode(Version.self, from: Data(json)) else {
            throw .damaged(file: file, reason: "unreadable manifest")
        }
        if version.format > IndexFormat.version { throw .tooNew(file: file, version: version.format) }
        if version.format < IndexFormat.oldestReadable { throw .tooOld(file: file, version: version.format) }
        return try decode(json: json, file: file)
    }

    /// The whole manifest from JSON whose frame and CRC were checked (`json`).
    static func decode(json: [UInt8], file: String) throws(IndexError) -> Manifest {
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(json))
        } catch {
            throw .damaged(file: file, reason: "unreadable manifest: \(error)")
        }
    }

    /// The JSON line of a manifest file, once its three lines and its CRC are
    /// checked: what both the whole manifest and its head (`ManifestHead`) decode.
    static func json(_ bytes: [UInt8], file: String) throws(IndexError) -> [UInt8] {
        // The line ends found with memchr: splitting 724 KB into lines byte by
        // byte was 7 M instructions of a one-shot search.
        let lf = UInt8(ascii: "\n")
        guard let first = offset(of: lf, in: bytes, from: 0), let second = offset(of: lf, in: bytes, from: first + 1),
            String(decoding: bytes[..<first], as: UTF8.self) == firstLine
        else {
            throw .damaged(file: file, reason: "not a Baogao manifest")
        }
        // Exactly three lines, each ending in LF: bytes after the checksum line
        // are damage too, not something to ignore.
        guard let third = offset(of: lf, in: bytes, from: second + 1), third == bytes.count - 1 else {
            throw .damaged(file: file, reason: "\(bytes.count) bytes: data after the checksum line, or its LF missing")
        }
        let json = Array(bytes[first + 1..<second])
        let crcLine = String(decoding: bytes[second + 1..<third], as: UTF8.self)
        let crc = json.withUnsafeBufferPointer { bg_crc32(0, $0.baseAddress, UInt64($0.count)) }
        guard crcLine.hasPrefix("crc32 "), UInt32(crcLine.dropFirst(6), radix: 16) == crc else {
            throw .damaged(file: file, reason: "checksum mismatch")
        }
        return json
    }

    /// Where the first `byte` at or after `start` is in `bytes`.
    private static func offset(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base + start, Int32(byte), raw.count - start) else {
                return nil
            }
            return UnsafeRawPointer(found) - base
        }
    }

    /// The live report for each corpus path: where it is and its fingerprint.
    var liveReports: [String: (segment: Int, report: Int, source: SourceFile)] {
        var out: [String: (Int, Int, SourceFile)] = [:]
        for (s, segment) in segments.enumerated() {
            let deleted = Set(segment.deleted)
            for (r, source) in segment.reports.enumerated() where !deleted.contains(r) {
                out[source.path] = (s, r, source)
            }
        }
        return out
    }
}

public struct SegmentEntry: Codable, Sendable, Equatable {
    public var name: String
    public var docs: Int
    public var reports: [SourceFile]
    /// Report-table indexes of reports replaced or removed since the segment was written.
    public var deleted: [Int]
    /// By file extension (`terms`, `post`, `pos`, `docs`, `store`).
    public var files: [String: FileEntry]
}

public struct FileEntry: Codable, Sendable, Equatable {
    public var bytes: Int
    public var crc: UInt32
}

public struct SkippedFile: Codable, Sendable, Equatable {
    public var source: SourceFile
    public var reason: String
    /// For a file whose text is another report's (a UTF-8 and a GB18030 copy): that
    /// report's path. The copy is not indexed; it is read again when it changes, or
    /// when the report it copies goes or changes.
    public var duplicateOf: String?

    public init(source: SourceFile, reason: String, duplicateOf: String? = nil) {
        self.source = source
        self.reason = reason
        self.duplicateOf = duplicateOf
    }
}
