import Dispatch
import Synchronization

/// What `baogao check` does, as Lucene's CheckIndex: reads every byte of every
/// segment file once — the full CRC-32 against the footer and the manifest, then
/// the structure (`SegmentReader.checkStructure`) — and says, per segment, whether
/// it is whole. Opening an index no longer pays for this (see `IndexReader`):
/// commits are verified when written, and this is the check on demand.
public enum IndexCheck {
    public struct SegmentReport: Sendable {
        public var name: String
        /// Paragraphs and reports the manifest lists for the segment.
        public var docs: Int
        public var reports: Int
        /// Bytes of its files, all read.
        public var bytes: Int
        /// What the structure walk counted; nil when the segment is damaged.
        public var census: SegmentReader.Census?
        /// The damage found, naming the file; nil when the segment is whole.
        public var damage: IndexError?
    }

    public struct Report: Sendable {
        public var generation: Int
        public var segments: [SegmentReport]
        public var isWhole: Bool { segments.allSatisfy { $0.damage == nil } }
    }

    /// Checks the committed index at `path`. A manifest that cannot be read
    /// throws (nothing else can be checked without it); a damaged segment is
    /// reported, and the others are still checked. Segments are checked side by
    /// side, as they are opened.
    public static func run(path: String) throws(IndexError) -> Report {
        let folder = IndexFolder(path: path)
        let manifest = try IndexReader.readManifest(folder)
        let entries = manifest.segments
        let reports = Mutex<[SegmentReport?]>(Array(repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            let report = check(entries[i], folder: folder)
            reports.withLock { $0[i] = report }
        }
        return Report(generation: manifest.generation, segments: reports.withLock { $0.compactMap { $0 } })
    }

    static func check(_ entry: SegmentEntry, folder: IndexFolder) -> SegmentReport {
        var report = SegmentReport(
            name: entry.name, docs: entry.docs, reports: entry.reports.count,
            bytes: entry.files.values.reduce(0) { $0 + $1.bytes })
        do throws(IndexError) {
            let segment = try SegmentReader(folder: folder, entry: entry, verifyChecksums: true)
            report.census = try segment.checkStructure()
        } catch {
            report.damage = error
        }
        return report
    }
}
