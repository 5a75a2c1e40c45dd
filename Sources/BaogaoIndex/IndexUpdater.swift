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
        /// The largest corpus file read; larger ones are skipped with a message. Bounds
        /// the memory one file can take (see `ReportReader.defaultSizeLimit`).
        public var fileSizeLimit = ReportReader.defaultSizeLimit
        public var mergePolicy = MergePolicy()
        /// How each new segment chooses its phrase terms (`PhraseMiner`); merges
        /// choose by the same rule (`MergePolicy.phrases`, set from this).
        public var phrases = PhrasePolicy()
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
        /// Files read with a repair (undecodable bytes replaced), one line each.
        public var warnings: [String] = []
        /// Catalogue rows left out or kept as written, and rows naming no file.
        public var catalogueWarnings: [String] = []
        /// Whether the corpus folder has a catalogue (`catalog.tsv` or `catalog.csv`).
        public var hasCatalogue = false
        /// Files that are no reports and were not read, by extension (`pdf`, `docx`;
        /// "" for none), with their paths.
        public var unreadFiles: [String: [String]] = [:]
        /// Reports read in this run whose region or years could not be read, by path,
        /// with the fields missing (`region`, `years`).
        public var unreadMetadata: [(path: String, fields: [String])] = []
        /// Copies of other reports (the same text after decoding), not indexed; their
        /// `duplicateOf` names the report indexed. Also listed in `skipped`.
        public var duplicates: [SkippedFile] { skipped.filter { $0.duplicateOf != nil } }
        public var paragraphsIndexed = 0
        public var bytesIndexed = 0
        public var segmentsWritten = 0
        public var segmentsMerged = 0
        public var seconds = 0.0
        /// Why the whole index was rebuilt, when it was without being asked.
        public var rebuildReason: String?
        /// Damaged segments taken out of the index, their reports read again.
        public var repaired: [Repair] = []
        /// Files indexed again because the segment that held them was damaged.
        public var restored: [String] = []
        public var manifest: Manifest?

        public var changedAnything: Bool { !added.isEmpty || !changed.isEmpty || !removed.isEmpty }
    }

    /// A damaged segment that an update took out, and the reports it held.
    public struct Repair: Sendable, Equatable {
        public var segment: String
        public var reason: String
        public var reports: [String]
        /// Of those, the ones whose files are no longer in the corpus: they cannot be
        /// read again, and leave the index (listed as removed too).
        public var lost: [String] = []
    }

    public static func update(
        _ options: Options,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) throws(IndexError) -> Summary {
        let start = DispatchTime.now()
        let folder = IndexFolder(path: options.index)
        try folder.createIfMissing()
        let lock = try WriterLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }

        var summary = Summary()
        let committed = try committedManifest(folder, summary: &summary)
        // Files the committed manifest names stay untouched until a new manifest
        // is committed: readers go on answering from them, and a kill or a full
        // disk at any moment below leaves that index whole.
        removeOrphans(folder, keeping: committed)
        var manifest = Manifest(analyzer: Analyzer.identifier)
        let corpus = CorpusFolder.canonical(options.corpus)
        if let committed, !options.rebuild {
            if let indexed = CorpusFolder.other(than: corpus, recorded: committed.corpus) {
                throw .otherCorpus(indexed: indexed, given: corpus)
            }
            manifest = committed
            summary.repaired = dropDamagedSegments(&manifest, folder: folder)
        }
        manifest.corpus = corpus
        // New files never take the name of a file still on disk, and generations
        // only count upwards (the server reloads when the generation changes).
        let onDisk = folder.list().compactMap(segmentNumber).max() ?? 0
        manifest.nextSegment = max(manifest.nextSegment, committed?.nextSegment ?? 1, onDisk + 1)
        manifest.generation = committed?.generation ?? 0

        let scan = try CorpusScanner.scan(options.corpus)
        let entries = scan.entries
        summary.unreadFiles = scan.unread
        let catalogue = Catalogue.load(corpus: options.corpus)
        if let catalogue {
            summary.hasCatalogue = true
            summary.catalogueWarnings = catalogue.warnings + catalogue.unmatched(paths: entries.map(\.path))
        }
        let work = WorkQueue(
            entries: entries, previous: manifest, options: options, catalogue: catalogue,
            nextSegment: manifest.nextSegment, progress: progress)
        try work.run(folder: folder)

        var outcome = work.outcome()
        // A copy left out last time is read now if the report it copied is gone or changed.
        let stale = Set(
            outcome.skipped.filter { s in
                guard let of = s.duplicateOf else { return false }
                return !entries.contains { $0.path == of } || outcome.changed.contains(of)
                    || manifest.liveReports[of] == nil && !outcome.added.contains(of)
            }.map(\.source.path))
        if !stale.isEmpty {
            var previous = manifest
            previous.skipped.removeAll { stale.contains($0.source.path) }
            let again = WorkQueue(
                entries: entries.filter { stale.contains($0.path) }, previous: previous,
                options: options, catalogue: catalogue, nextSegment: outcome.nextSegment, progress: nil)
            try again.run(folder: folder)
            let o = again.outcome()
            outcome.skipped.removeAll { stale.contains($0.source.path) }
            outcome.skipped += o.skipped
            outcome.added = (outcome.added + o.added).sorted()
            outcome.segments += o.segments
            outcome.nextSegment = o.nextSegment
            outcome.paragraphs += o.paragraphs
            outcome.bytes += o.bytes
            outcome.warnings += o.warnings
            outcome.unreadMetadata.merge(o.unreadMetadata) { a, _ in a }
        }
        let live = manifest.liveReports
        let seen = Set(entries.map(\.path))
        var deletions: [(segment: Int, report: Int)] = []
        for path in outcome.changed { if let l = live[path] { deletions.append((l.segment, l.report)) } }
        for (path, l) in live where !seen.contains(path) {
            deletions.append((l.segment, l.report))
            summary.removed.append(path)
        }
        // A file that became empty or unreadable no longer says what its old
        // report said: that report goes, and the file is listed as skipped.
        for s in outcome.skipped {
            if let l = live[s.source.path] {
                deletions.append((l.segment, l.report))
                summary.removed.append(s.source.path)
            }
        }
        for d in deletions { manifest.segments[d.segment].deleted.append(d.report) }
        let before = Set(live.keys).subtracting(outcome.changed)
        manifest.segments.append(contentsOf: outcome.segments)
        let copies = dropDuplicates(&manifest, keepingFirst: before)
        outcome.skipped = (outcome.skipped + copies).sorted { $0.source.path < $1.source.path }
        let copied = Set(copies.map(\.source.path))
        outcome.added.removeAll { copied.contains($0) }
        outcome.changed.removeAll { copied.contains($0) }
        manifest.nextSegment = outcome.nextSegment
        manifest.skipped = outcome.skipped
        // A damaged segment's report whose file is gone cannot be restored: say so,
        // rather than let it vanish between "restored" and "removed".
        for k in summary.repaired.indices {
            summary.repaired[k].lost = summary.repaired[k].reports.filter { !seen.contains($0) }
            summary.removed.append(contentsOf: summary.repaired[k].lost)
        }
        let restored = Set(summary.repaired.flatMap(\.reports))
        summary.added = outcome.added.filter { !restored.contains($0) }
        summary.restored = outcome.added.filter { restored.contains($0) }
        summary.changed = outcome.changed
        summary.removed.sort()
        summary.unchanged = outcome.unchanged
        summary.skipped = outcome.skipped
        summary.warnings = outcome.warnings
        summary.unreadMetadata = outcome.unreadMetadata.filter { !copied.contains($0.key) }
            .sorted { $0.key < $1.key }.map { (path: $0.key, fields: $0.value) }
        summary.paragraphsIndexed = outcome.paragraphs
        summary.bytesIndexed = outcome.bytes
        summary.segmentsWritten = outcome.segments.count

        manifest.segments.removeAll { Set($0.deleted).count >= $0.reports.count }
        var merges = options.mergePolicy
        merges.phrases = options.phrases
        summary.segmentsMerged = try merges.apply(to: &manifest, folder: folder, sink: options.sink)

        // An update that changed nothing commits nothing: readers keep their files.
        if manifest != committed {
            try commit(&manifest, folder: folder, sink: options.sink)
            removeOrphans(folder, keeping: manifest)
        }
        summary.manifest = manifest
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    /// The committed manifest, or nil when there is none or it cannot be used
    /// (and then why, in `summary.rebuildReason`): the index is built anew.
    private static func committedManifest(
        _ folder: IndexFolder,
        summary: inout Summary
    ) throws(IndexError) -> Manifest? {
        do {
            return try IndexReader.readManifest(folder)
        } catch {
            switch error {
            case .missing:
                return nil
            case .analyzerChanged(let indexed, let current):
                summary.rebuildReason = "the index was built by \(indexed), not \(current)"
            case .tooOld(_, let version):
                summary.rebuildReason = "the index has old format version \(version)"
            case .damaged(let file, let reason):
                summary.rebuildReason = "the manifest is damaged (\(file): \(reason))"
            case .tooNew, .locked, .io, .otherCorpus:
                throw error
            }
            return nil
        }
    }

    /// Finds live reports with the same text (`SourceFile.text`) and keeps one of each:
    /// one that was indexed before this run (`kept`), else one with a catalogue row, else
    /// the first by path. The others
    /// are marked deleted and returned as skipped copies.
    static func dropDuplicates(_ manifest: inout Manifest, keepingFirst kept: Set<String>) -> [SkippedFile] {
        var byText: [String: [(segment: Int, report: Int, source: SourceFile)]] = [:]
        for l in manifest.liveReports.values {
            guard let t = l.source.text else { continue }
            byText[t, default: []].append(l)
        }
        var copies: [SkippedFile] = []
        for group in byText.values where group.count > 1 {
            // A catalogued file over an uncatalogued copy: the catalogue is what the user said.
            func rank(_ s: SourceFile) -> (Int, Int) { (kept.contains(s.path) ? 0 : 1, s.fingerprint.contains("+") ? 0 : 1) }
            let sorted = group.sorted { a, b in
                let (ra, rb) = (rank(a.source), rank(b.source))
                return ra != rb ? ra < rb : a.source.path < b.source.path
            }
            let original = sorted[0].source.path
            for copy in sorted.dropFirst() {
                manifest.segments[copy.segment].deleted.append(copy.report)
                copies.append(
                    SkippedFile(
                        source: copy.source,
                        reason: "\(copy.source.path): the same text as \(original), indexed once",
                        duplicateOf: original))
            }
        }
        return copies
    }

    /// Verifies every segment of `manifest` (header, footer, length, CRC) and
    /// takes out the damaged ones, so that their reports count as not indexed
    /// and are read again from the corpus. Returns what was taken out.
    static func dropDamagedSegments(_ manifest: inout Manifest, folder: IndexFolder) -> [Repair] {
        var repairs: [Repair] = []
        manifest.segments.removeAll { entry in
            do throws(IndexError) {
                _ = try SegmentReader(folder: folder, entry: entry, verifyChecksums: true)
                return false
            } catch {
                let deleted = Set(entry.deleted)
                let live = entry.reports.enumerated().filter { !deleted.contains($0.offset) }.map(\.element.path)
                repairs.append(Repair(segment: entry.name, reason: error.problem, reports: live.sorted()))
                return true
            }
        }
        return repairs
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

    /// Deletes segment files the committed manifest does not name and left-over
    /// temporary files: what a crashed or superseded writer left. With no usable
    /// manifest, only temporary files go: the segment files may still be another
    /// build's index, and they are deleted after the next commit. Runs under the
    /// writer lock.
    static func removeOrphans(_ folder: IndexFolder, keeping manifest: Manifest?) {
        for name in folder.list() where name.hasSuffix(".tmp") { folder.remove(name) }
        guard let manifest else { return }
        let live = Set(manifest.segments.map(\.name))
        for name in folder.list() {
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
