import ArgumentParser
import BaogaoIndex
import Dispatch
import Foundation
import Synchronization

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the index from a folder of reports.",
        discussion: """
            Indexes every .txt, .md, .text, .pdf, .html, .htm and .docx file under the corpus folder (a \
            PDF through poppler's pdftotext, with page numbers in its citations; a web page's \
            main text). On a second run only \
            files that were added or whose contents changed are read again; reports of removed \
            files are dropped. A file that cannot be read is reported and skipped.

            A catalog.tsv or catalog.csv in the corpus folder (columns file, region, level, kind, \
            execution_year, budget_year, date, title, source) overrides what is read from each \
            report's text; a bad row is named and left out. The summary names what could not be \
            done: files of other kinds not read (.doc ×12), reports whose region or years could not \
            be read, and copies of a report (the same text) indexed once. Files larger than \
            --max-file-mb (64 MiB unless given) are skipped with a message: a report is read \
            whole, at about seven times its size in memory.
            """)

    @OptionGroup var corpus: CorpusLocation
    @OptionGroup var location: IndexLocation
    @OptionGroup var sizeLimit: FileSizeLimit

    @Flag(help: "Discard the existing index and index every file again.")
    var rebuild = false

    @Flag(name: .shortAndLong, help: "Print no progress and no summary.")
    var quiet = false

    func run() throws {
        var options = IndexUpdater.Options(corpus: corpus.corpus, index: location.index)
        options.rebuild = rebuild
        options.fileSizeLimit = sizeLimit.bytes
        let meter = ProgressMeter(enabled: !quiet && Terminal.stderrIsTerminal)
        let summary: IndexUpdater.Summary
        do {
            summary = try IndexUpdater.update(options) { meter.update($0) }
        } catch {
            meter.clear()
            throw Terminal.fail(error.description)
        }
        meter.clear()
        guard !quiet else { return }
        if let reason = summary.rebuildReason { print("rebuilt the whole index: \(reason)") }
        for r in summary.repaired { print(Self.describe(r)) }
        for w in summary.warnings { Terminal.printError("warning: \(w)") }
        for w in summary.catalogueWarnings { Terminal.printError("catalogue: \(w)") }
        for s in summary.skipped where s.duplicateOf == nil { Terminal.printError("skipped \(s.reason)") }
        for line in Self.shortcomings(summary) { print(line) }
        print(Self.describe(summary))
    }

    static func describe(_ r: IndexUpdater.Repair) -> String {
        "repaired \(r.segment): \(r.reason)"
            + "; its \(r.reports.count - r.lost.count) report(s) read again from the corpus"
            + (r.lost.isEmpty ? "" : "; \(r.lost.count) no longer in the corpus, dropped: " + r.lost.joined(separator: ", "))
    }

    /// What the index could not do, beyond unreadable files: other kinds of file, reports
    /// without region or years, copies. Each a line a user can act on.
    static func shortcomings(_ s: IndexUpdater.Summary) -> [String] {
        var lines: [String] = []
        if !s.unreadFiles.isEmpty {
            let kinds = s.unreadFiles.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
                .map { ($0.key.isEmpty ? "no extension" : "." + $0.key) + " ×\($0.value.count)" }
            lines.append(
                "not read: \(kinds.joined(separator: ", ")) (only .txt, .md, .text, .pdf, .html, .htm and .docx files are read;"
                    + " save .doc and .wps files as .docx or PDF, convert others to text to index them)")
        }
        if !s.unreadMetadata.isEmpty {
            let hint =
                s.hasCatalogue
                ? "give them a row in the catalogue" : "a catalog.tsv in the corpus folder can give them (see README)"
            lines.append("\(s.unreadMetadata.count) report(s) whose region or years could not be read (\(hint)):")
            for m in s.unreadMetadata { lines.append("  \(m.path): no \(m.fields.joined(separator: ", no "))") }
        }
        for d in s.duplicates {
            lines.append(
                "the same report twice: \(d.source.path) has the text of \(d.duplicateOf ?? "?"); indexed once, as \(d.duplicateOf ?? "?")"
            )
        }
        return lines
    }

    static func describe(_ s: IndexUpdater.Summary) -> String {
        let rate = s.seconds > 0 ? Double(s.bytesIndexed) / 1_048_576 / s.seconds : 0
        let restored = s.restored.isEmpty ? "" : ", \(s.restored.count) restored"
        var parts = [
            "indexed \(s.added.count + s.changed.count + s.restored.count) report(s) (\(s.added.count) new, \(s.changed.count) changed\(restored))"
                + ", \(s.paragraphsIndexed) paragraphs, \(Format.megabytes(s.bytesIndexed))"
                + " in \(Format.seconds(s.seconds))" + (s.bytesIndexed > 0 ? String(format: " (%.1f MB/s)", rate) : "")
        ]
        parts.append("\(s.removed.count) removed, \(s.unchanged) unchanged")
        let unreadable = s.skipped.count - s.duplicates.count
        if unreadable > 0 { parts.append("\(unreadable) skipped") }
        if !s.duplicates.isEmpty { parts.append("\(s.duplicates.count) duplicate(s)") }
        if let m = s.manifest {
            parts.append("\(m.segments.count) segment(s)" + (s.segmentsMerged > 0 ? ", \(s.segmentsMerged) merged" : ""))
        }
        return parts.joined(separator: "; ")
    }
}

/// A one-line progress display on stderr: files, MB, MB/s and time left,
/// redrawn at most ten times a second.
final class ProgressMeter: Sendable {
    private let enabled: Bool
    private let start = DispatchTime.now()
    private let last = Mutex<UInt64>(0)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ p: IndexUpdater.Progress) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let due = last.withLock { last -> Bool in
            guard now - last > 100_000_000 || p.filesDone == p.filesTotal else { return false }
            last = now
            return true
        }
        guard due else { return }
        let elapsed = Double(now - start.uptimeNanoseconds) / 1e9
        let rate = elapsed > 0 ? Double(p.bytesDone) / elapsed : 0
        // The first half second measures start-up (ICU, the first files), not the
        // rate: an estimate from it said 45 minutes for a 9-second job.
        let left = rate > 0 && elapsed >= 0.5 ? Format.seconds(Double(p.bytesTotal - p.bytesDone) / rate) + " left" : "estimating"
        let line =
            "\r\(p.filesDone)/\(p.filesTotal) files  \(Format.megabytes(p.bytesDone)) of "
            + "\(Format.megabytes(p.bytesTotal))  " + String(format: "%.1f MB/s", rate / 1_048_576)
            + "  \(left)  "
        Terminal.writeStderr(line)
    }

    func clear() {
        guard enabled else { return }
        Terminal.writeStderr("\r\u{1B}[K")
    }
}
