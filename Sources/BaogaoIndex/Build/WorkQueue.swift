import BaogaoAnalysis
import BaogaoIngest
import Dispatch
import Synchronization

/// The indexing workers: each pulls the next corpus file from a shared counter
/// (so a few large files do not leave one core idle), fingerprints it, and when
/// it is new or changed reads it into its own `SegmentBuilder`, writing a
/// segment whenever the builder's memory budget fills and once at the end.
///
/// A file's catalogue row is folded into its fingerprint, and applied as the file is
/// read, so an edited row re-reads exactly the reports it names.
///
/// Errors are sticky: the first I/O error stops every worker and is reported;
/// nothing is committed after it.
final class WorkQueue: Sendable {
    private let entries: [CorpusScanner.Entry]
    private let indexed: [String: String]  // path → fingerprint in the index
    private let skippedBefore: [String: SkippedFile]
    private let options: IndexUpdater.Options
    private let catalogue: Catalogue?
    /// File names that occur once in the corpus: a catalogue row may name them alone.
    private let uniqueNames: Set<String>
    private let progress: (@Sendable (IndexUpdater.Progress) -> Void)?
    private let state: Mutex<State>

    struct Outcome {
        var added: [String] = []
        var changed: [String] = []
        var unchanged = 0
        var skipped: [SkippedFile] = []
        /// Files read with a repair (undecodable bytes replaced): what was done.
        var warnings: [String] = []
        var segments: [SegmentEntry] = []
        var nextSegment = 1
        var paragraphs = 0
        var bytes = 0
        /// Reports read in this run whose region or years could not be read: path →
        /// the fields missing (`region`, `years`).
        var unreadMetadata: [String: [String]] = [:]
    }

    private struct State {
        var next = 0
        var outcome = Outcome()
        var progress = IndexUpdater.Progress()
        var error: IndexError?
    }

    init(
        entries: [CorpusScanner.Entry], previous: Manifest, options: IndexUpdater.Options,
        catalogue: Catalogue?, nextSegment: Int, progress: (@Sendable (IndexUpdater.Progress) -> Void)?
    ) {
        self.entries = entries
        self.catalogue = catalogue
        var nameCounts: [String: Int] = [:]
        for e in entries { nameCounts[String(e.path.split(separator: "/").last ?? ""), default: 0] += 1 }
        self.uniqueNames = Set(nameCounts.filter { $0.value == 1 }.keys)
        self.indexed = previous.liveReports.mapValues(\.source.fingerprint)
        self.skippedBefore = Dictionary(previous.skipped.map { ($0.source.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
        self.progress = progress
        var s = State()
        s.outcome.nextSegment = nextSegment
        s.progress.filesTotal = entries.count
        s.progress.bytesTotal = entries.reduce(0) { $0 + $1.size }
        state = Mutex(s)
    }

    func run(folder: IndexFolder) throws(IndexError) {
        DispatchQueue.concurrentPerform(iterations: options.workers) { _ in work(folder: folder) }
        if let error = state.withLock({ $0.error }) { throw error }
    }

    func outcome() -> Outcome {
        state.withLock { s in
            var o = s.outcome
            o.added.sort()
            o.changed.sort()
            o.skipped.sort { $0.source.path < $1.source.path }
            o.warnings.sort()
            o.segments.sort { $0.name < $1.name }
            return o
        }
    }

    private func claim() -> Int? {
        state.withLock { s in
            guard s.error == nil, s.next < entries.count else { return nil }
            defer { s.next += 1 }
            return s.next
        }
    }

    private func finished(_ entry: CorpusScanner.Entry, _ update: (inout Outcome) -> Void) {
        let snapshot = state.withLock { s in
            update(&s.outcome)
            s.progress.filesDone += 1
            s.progress.bytesDone += entry.size
            return s.progress
        }
        progress?(snapshot)
    }

    private func work(folder: IndexFolder) {
        let analyzer = Analyzer()
        var builder = SegmentBuilder(analyzer: analyzer, phrases: options.phrases)
        while let i = claim() {
            let entry = entries[i]
            let bytes: [UInt8]
            do throws(IngestError) {
                bytes = try ReportReader.bytes(
                    ofFileAt: options.corpus + "/" + entry.path, doc: entry.path, sizeLimit: options.fileSizeLimit)
            } catch {
                let source = SourceFile(path: entry.path, fingerprint: "", bytes: entry.size)
                finished(entry) { $0.skipped.append(SkippedFile(source: source, reason: error.description)) }
                continue
            }
            let name = String(entry.path.split(separator: "/").last ?? "")
            let row = catalogue?.entry(for: entry.path, fileNameIsUnique: uniqueNames.contains(name))
            var fingerprint = CorpusScanner.fingerprint(bytes)
            if let row { fingerprint += "+" + CorpusScanner.fingerprint(Array(row.signature.utf8)) }
            var source = SourceFile(path: entry.path, fingerprint: fingerprint, bytes: bytes.count)
            if indexed[entry.path] == source.fingerprint {
                finished(entry) { $0.unchanged += 1 }
                continue
            }
            if let before = skippedBefore[entry.path], before.source.fingerprint == source.fingerprint {
                finished(entry) { $0.skipped.append(before) }
                continue
            }
            let size = bytes.count
            let report: Report
            do {
                report = try ReportReader.parse(bytes: consume bytes, doc: entry.path, catalogue: row)
            } catch {
                // A file skipped for a missing helper program is read again next time
                // whatever its fingerprint: installing the program changes nothing in the file.
                if case .needsProgram = error { source.fingerprint = "" }
                finished(entry) { $0.skipped.append(SkippedFile(source: source, reason: error.description)) }
                continue
            }
            source.text = Self.textDigest(report)
            let isChange = indexed[entry.path] != nil
            var missing: [String] = []
            if report.metadata.region == nil { missing.append("region") }
            if report.metadata.executionYear == nil && report.metadata.budgetYear == nil { missing.append("years") }
            let (warnings, paragraphCount) = (report.warnings, report.paragraphs.count)
            builder.add(consume report, source: source)
            finished(entry) {
                if !missing.isEmpty { $0.unreadMetadata[entry.path] = missing }
                if isChange { $0.changed.append(entry.path) } else { $0.added.append(entry.path) }
                $0.warnings.append(contentsOf: warnings)
                $0.paragraphs += paragraphCount
                $0.bytes += size
            }
            if builder.memoryEstimate > options.segmentBudget {
                flush(builder, folder: folder)
                builder = SegmentBuilder(analyzer: analyzer, phrases: options.phrases)
            }
        }
        if !builder.isEmpty { flush(builder, folder: folder) }
    }

    /// The fingerprint of the report's paragraph texts: the same for two files whose
    /// text is the same after decoding (a UTF-8 and a GB18030 copy), whatever their bytes.
    static func textDigest(_ report: Report) -> String {
        var f = CorpusScanner.Fingerprint()
        for p in report.paragraphs {
            var text = p.text
            text.withUTF8 { f.add($0) }
            f.add(CollectionOfOne(0x0A))
        }
        return f.value
    }

    private func flush(_ builder: SegmentBuilder, folder: IndexFolder) {
        let name = state.withLock { s in
            defer { s.outcome.nextSegment += 1 }
            return IndexUpdater.segmentName(s.outcome.nextSegment)
        }
        do {
            let entry = try SegmentWriter.write(
                builder, name: name, analyzer: Analyzer.identifier,
                folder: folder, sink: options.sink)
            state.withLock { $0.outcome.segments.append(entry) }
        } catch {
            state.withLock { s in if s.error == nil { s.error = error } }
        }
    }
}
