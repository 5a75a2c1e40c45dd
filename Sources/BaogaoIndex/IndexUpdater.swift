import BaogaoAnalysis
import BaogaoIngest
import Dispatch
import Foundation
import Synchronization

/// What `baogao index` does: brings the index in line with the corpus folder.
///
/// Files are compared by content fingerprint with what the manifest says was
/// indexed: new and changed files are read and indexed into new segments (one
/// per worker thread, more if a worker's memory budget fills), the reports they
/// replace and those of removed files are marked deleted, and a new manifest is
/// committed. Unchanged files cost one read and a checksum.
public enum IndexUpdater {
    public struct Options: Sendable {
        public var corpus: String
        public var index: String
        public var rebuild = false
        public var workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
        /// Builder memory per worker before its segment is written out.
        public var segmentBudget = 192 << 20
        public var mergePolicy = MergePolicy()
        public var sink: FileSink = .system

        public init(corpus: String, index: String) {
            self.corpus = corpus
            self.index = index
        }
    }

    public struct Progress: Sendable {
        public var filesDone = 0
        public var filesTotal = 0
        public var bytesDone = 0
        public var bytesTotal = 0
    }

    public struct Summary: Sendable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var unchanged = 0
        /// Files that could not be read, newly or still.
        public var skipped: [SkippedFile] = []
        public var paragraphsIndexed = 0
        public var bytesIndexed = 0
        public var segmentsWritten = 0
        public var segmentsMerged = 0
        public var seconds = 0.0
        /// Why the whole index was rebuilt, when it was without being asked.
        public var rebuildReason: String?
        public var manifest: Manifest?

        public var changedAnything: Bool { !added.isEmpty || !changed.isEmpty || !removed.isEmpty }
    }

    public static func update(_ options: Options,
                              progress: (@Sendable (Progress) -> Void)? = nil) throws(IndexError) -> Summary {
        let start = DispatchTime.now()
        let folder = IndexFolder(path: options.index)
        try folder.createIfMissing()
        let lock = try WriterLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }

        var summary = Summary()
        var manifest = try startingManifest(folder, rebuild: options.rebuild, summary: &summary)
        let before = manifest
        removeOrphans(folder, manifest: manifest)

        let entries = try CorpusScanner.scan(options.corpus)
        let work = WorkQueue(entries: entries, previous: manifest, options: options,
                             nextSegment: manifest.nextSegment, progress: progress)
        try work.run(folder: folder)

        let outcome = work.outcome()
        let live = manifest.liveReports
        let seen = Set(entries.map(\.path))
        var deletions: [(segment: Int, report: Int)] = []
        for path in outcome.changed { if let l = live[path] { deletions.append((l.segment, l.report)) } }
        for (path, l) in live where !seen.contains(path) {
            deletions.append((l.segment, l.report))
            summary.removed.append(path)
        }
        for d in deletions { manifest.segments[d.segment].deleted.append(d.report) }
        manifest.segments.append(contentsOf: outcome.segments)
        manifest.nextSegment = outcome.nextSegment
        manifest.skipped = outcome.skipped
        summary.added = outcome.added
        summary.changed = outcome.changed
        summary.removed.sort()
        summary.unchanged = outcome.unchanged
        summary.skipped = outcome.skipped
        summary.paragraphsIndexed = outcome.paragraphs
        summary.bytesIndexed = outcome.bytes
        summary.segmentsWritten = outcome.segments.count

        manifest.segments.removeAll { Set($0.deleted).count >= $0.reports.count }
        summary.segmentsMerged = try options.mergePolicy.apply(to: &manifest, folder: folder, sink: options.sink)

        // An update that changed nothing commits nothing: readers keep their files.
        if manifest != before || manifest.generation == 0 {
            try commit(&manifest, folder: folder, sink: options.sink)
        }
        removeOrphans(folder, manifest: manifest)
        summary.manifest = manifest
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    /// The manifest to update: the committed one, or a fresh one when asked to
    /// rebuild or when the committed one cannot be used (and why).
    private static func startingManifest(_ folder: IndexFolder, rebuild: Bool,
                                         summary: inout Summary) throws(IndexError) -> Manifest {
        let fresh = Manifest(analyzer: Analyzer.identifier)
        if rebuild { return fresh }
        do {
            return try IndexReader.readManifest(folder)
        } catch {
            switch error {
            case .missing:
                return fresh
            case .analyzerChanged(let indexed, let current):
                summary.rebuildReason = "the index was built by \(indexed), not \(current)"
            case .tooOld(_, let version):
                summary.rebuildReason = "the index has old format version \(version)"
            case .damaged(let file, let reason):
                summary.rebuildReason = "the manifest is damaged (\(file): \(reason))"
            case .tooNew, .locked, .io:
                throw error
            }
            var m = fresh
            // Keep counting segment names upwards so no new file reuses an old name.
            m.nextSegment = (folder.list().compactMap(segmentNumber).max() ?? 0) + 1
            return m
        }
    }

    /// Writes the manifest durably and renames it into place: the commit point.
    static func commit(_ manifest: inout Manifest, folder: IndexFolder, sink: FileSink) throws(IndexError) {
        manifest.generation += 1
        manifest.format = IndexFormat.version
        manifest.analyzer = Analyzer.identifier
        let temporary = Manifest.fileName + ".tmp"
        try folder.writeDurably(temporary, try manifest.encoded(), sink: sink)
        try folder.syncFolder()
        try folder.rename(temporary, to: Manifest.fileName)
        try folder.syncFolder()
    }

    /// Deletes segment files the manifest does not name and left-over temporary
    /// files: what a crashed or superseded writer left. Runs under the writer lock.
    static func removeOrphans(_ folder: IndexFolder, manifest: Manifest) {
        let live = Set(manifest.segments.map(\.name))
        for name in folder.list() {
            if name.hasSuffix(".tmp") { folder.remove(name); continue }
            guard name.hasPrefix("seg-"), let stem = name.split(separator: ".").first else { continue }
            if !live.contains(String(stem)) { folder.remove(name) }
        }
    }

    static func segmentNumber(_ fileName: String) -> Int? {
        guard fileName.hasPrefix("seg-"), let stem = fileName.split(separator: ".").first else { return nil }
        return Int(stem.dropFirst(4))
    }

    static func segmentName(_ n: Int) -> String {
        let digits = String(n)
        return "seg-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
