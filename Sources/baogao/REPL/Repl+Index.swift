import BaogaoIndex
import BaogaoQuery
import Foundation

/// Opening the index at start, and keeping it in step with the corpus.
extension Repl {
    /// Opens the index, first building or updating it when it is missing or
    /// older than the corpus (with a progress line on a terminal). Problems
    /// are not fatal: the REPL opens anyway, and commands that need the index
    /// say why it is not there.
    func prepareIndex() {
        let corpusExists = CorpusScanner.isCorpusFolder(options.corpus)
        switch openIndex() {
        case .success(let reader):
            if let indexed = CorpusFolder.other(than: CorpusFolder.canonical(options.corpus), recorded: reader.manifest.corpus) {
                // The index is another folder's: answer from it as it is, never
                // "update" it into this one's (that would drop all its reports).
                install(reader)
                if options.interactive {
                    note("the index holds the reports of \(indexed); --corpus \(options.corpus) is not applied")
                }
            } else if corpusExists, let reason = IndexFreshness.staleness(of: reader, corpus: options.corpus) {
                if options.interactive { note("updating the index: \(reason)") }
                update(rebuild: false)
            } else {
                install(reader)
            }
        case .failure(.missing) where corpusExists:
            if options.interactive { note("building the index of \(options.corpus) in \(options.index)") }
            update(rebuild: false)
        case .failure(.missing):
            indexProblem =
                "no index in \(options.index) and no corpus folder \(options.corpus) to build one from"
                + " (use --index and --corpus)"
        case .failure(let error) where corpusExists && error.isRebuildable:
            if options.interactive { note("rebuilding the index: \(error.description)") }
            update(rebuild: true)
        case .failure(let error):
            indexProblem = "cannot open the index \(options.index): \(error.description)"
        }
        if let indexProblem, options.interactive { note(indexProblem) }
    }

    /// `:reindex`.
    func reindex() throws(ReplFailure) {
        guard CorpusScanner.isCorpusFolder(options.corpus) else {
            throw ReplFailure("no corpus folder \(options.corpus) to index (start baogao with --corpus DIR)")
        }
        if let summary = update(rebuild: false) {
            emit(
                json
                    ? "{\"indexed\":\(summary.added.count + summary.changed.count),\"removed\":\(summary.removed.count)}"
                    : IndexCommand.describe(summary))
        }
        if let indexProblem { throw ReplFailure(indexProblem) }
    }

    /// Runs the index updater with a progress line, then opens what it committed.
    @discardableResult
    private func update(rebuild: Bool) -> IndexUpdater.Summary? {
        var updaterOptions = IndexUpdater.Options(corpus: options.corpus, index: options.index)
        updaterOptions.rebuild = rebuild
        let meter = ProgressMeter(enabled: Terminal.stderrIsTerminal)
        var summary: IndexUpdater.Summary?
        do {
            summary = try IndexUpdater.update(updaterOptions) { meter.update($0) }
            meter.clear()
        } catch {
            meter.clear()
            // Another writer (a server, a second REPL) may hold the lock: keep
            // what is committed rather than give up.
            note("could not update the index: \(error.description)")
        }
        for r in summary?.repaired ?? [] { note(IndexCommand.describe(r)) }
        for w in summary?.warnings ?? [] { note("warning: \(w)") }
        for s in summary?.skipped ?? [] { note("skipped \(s.reason)") }
        pages = nil
        switch openIndex() {
        case .success(let reader): install(reader)
        case .failure(let error):
            engine = nil
            indexProblem = "cannot open the index \(options.index): \(error.description)"
        }
        return summary
    }

    private func openIndex() -> Result<IndexReader, IndexError> {
        Result { () throws(IndexError) in try IndexReader.open(path: options.index) }
    }

    private func install(_ reader: IndexReader) {
        engine = Engine(index: reader)
        indexProblem = nil
    }

    /// A remark on stderr, dim on a terminal: not a command's output.
    func note(_ text: String) {
        let line = Terminal.stderrIsTerminal ? Highlighter.dim(text, color: options.color) : text
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension IndexError {
    /// Errors a rebuild from the corpus fixes (an index of another analyzer or
    /// format, a damaged file); not a lock held by another writer, nor I/O.
    var isRebuildable: Bool {
        switch self {
        case .analyzerChanged, .tooOld, .damaged: return true
        case .missing, .tooNew, .locked, .io, .otherCorpus: return false
        }
    }
}
