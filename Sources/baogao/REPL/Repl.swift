import BaogaoIngest
import BaogaoQuery
import Foundation

/// The read–eval–print loop: reads lines, hands each command to the `Engine`,
/// prints what it returns. Its own logic is limited to `:commands`, paging and
/// presentation.
final class Repl {
    struct Options {
        var index: String
        var corpus: String
        /// A person at a terminal: prompt, banner, colour, Ctrl-C handling.
        var interactive: Bool
        var color: Bool
        /// Wrap output at this many columns; nil: do not wrap.
        var width: Int?
        var json = false
        var pageSize = 10
    }

    let options: Options
    /// The open index; nil when there is no usable index (why: `indexProblem`).
    var engine: Engine?
    var indexProblem: String?
    var json: Bool
    /// The search being paged through.
    var pages: ResultPages?
    /// A long text being paged through (`:help`); Enter shows its next page
    /// before any search's. Any other command ends it.
    var textPages: TextPages?
    private(set) var failures = 0
    private var lineNumber = 0

    init(options: Options) {
        self.options = options
        self.json = options.json
    }

    /// Reads and runs lines until `:quit` or the end of input; the exit status.
    func run(_ reader: LineReader) -> Int32 {
        if options.interactive && !json { emit(banner) }
        defer { reader.close() }
        loop: while true {
            switch reader.read(prompt: "baogao> ") {
            case .end:
                if options.interactive { emit("") }
                break loop
            case .interrupted:
                continue
            case .line(let line):
                lineNumber += 1
                reader.remember(line)
                if !options.interactive {
                    // Scripts may hold blank lines and # comments for readability.
                    let t = Whitespace.trimmed(line)
                    if t.isEmpty || t.hasPrefix("#") { continue }
                }
                if case .quit = execute(line) { break loop }
            }
        }
        // A person's typos are not the session's result; a script's failures are.
        return failures == 0 || options.interactive ? Status.found : Status.error
    }

    enum Outcome { case done, quit }

    /// Runs one line; failures are reported and counted, never thrown.
    @discardableResult
    func execute(_ line: String) -> Outcome {
        do throws(ReplFailure) {
            let input = try ReplInput.parse(line)
            if input != .empty && input != .more { textPages = nil }
            switch input {
            case .quit: return .quit
            case .empty: if pages != nil || textPages != nil { try more() }
            case .search(let text): try search(text)
            case .more: try more()
            case .open(let n): try open(n)
            case .source(let n): try source(n)
            case .ask(let q):
                try show(
                    { e throws(SearchError) in try e.ask(q, deadline: .never) }, as: { AnswerPrinter.render($0, color: color) })
            case .define(let t):
                try show(
                    { e throws(SearchError) in try e.define(t, deadline: .never) },
                    as: { DefinitionPrinter.render($0, color: color) })
            case .mentions(let t): try show({ e throws(SearchError) in try e.mentions(t, deadline: .never) }, as: mentionsText)
            case .series(let t):
                try show(
                    { e throws(SearchError) in try e.series(SeriesRequest(t), deadline: .never) },
                    as: { SeriesPrinter.render($0, color: color) })
            case .compare(let t):
                try show(
                    { e throws(SearchError) in try e.compare(SeriesRequest(t), deadline: .never) },
                    as: { ComparePrinter.render($0, color: color) })
            case .facts(let q):
                try show(
                    { e throws(SearchError) in try e.facts(q, page: Page(limit: 50), deadline: .never) },
                    as: { FactsTable.render($0, color: color, width: width) })
            case .reports(let f):
                try show(
                    { e throws(SearchError) in try e.reports(f, deadline: .never) },
                    as: { ReportsPrinter.render($0, color: color) })
            case .stats: try stats()
            case .reindex: try reindex()
            case .help: help()
            case .json(let on):
                json = on ?? !json
                if options.interactive { emit(json ? "output: JSON lines" : "output: text") }
            }
        } catch  where error.isInterruption {
            note("interrupted")
        } catch {
            fail(error.message)
        }
        return .done
    }

    var color: Bool { options.color && !json }

    /// Columns to wrap at; a terminal is asked each time, as its window may have been resized.
    var width: Int? { options.interactive ? ScreenWidth.columns() : options.width }

    /// The engine, or the reason there is none as a failure.
    func requireEngine() throws(ReplFailure) -> Engine {
        guard let engine else { throw ReplFailure(indexProblem ?? "no index is open") }
        return engine
    }

    /// Runs an engine call, abandoning it on Ctrl-C when a person is waiting.
    func interruptible<T: Sendable>(_ work: @escaping @Sendable () -> T) throws(ReplFailure) -> T {
        guard options.interactive else { return work() }
        guard let value = Interrupt.run(work) else { throw ReplFailure.interrupted }
        return value
    }

    /// Mentions as the CLI prints them on a terminal: the chart, and each year's first reports.
    private func mentionsText(_ result: MentionsResult) -> String {
        MentionsPrinter.render(result, color: color, chart: true, reportsPerYear: MentionsPrinter.reportsPerYear)
    }

    /// Runs an engine command and prints its result as text or as one JSON line.
    private func show<R: Encodable & Sendable>(
        _ command: @escaping @Sendable (Engine) throws(SearchError) -> R, as text: (R) -> String
    ) throws(ReplFailure) {
        let engine = try requireEngine()
        let outcome = try interruptible { Result { () throws(SearchError) in try command(engine) } }
        let result: R
        do { result = try outcome.get() } catch { throw ReplFailure(error) }
        guard json else { return emit(text(result)) }
        do { emit(try JSONLines.line(result)) } catch { throw ReplFailure("cannot encode the result: \(error)") }
    }

    /// `:help`: on a terminal a screenful at a time, Enter for the next.
    private func help() {
        guard !json else { return emit(ReplHelp.json()) }
        let text = Wrapping.wrap(ReplHelp.text(color: color), width: width)
        guard options.interactive, let rows = ScreenWidth.rows() else { return emit(text) }
        // A page leaves room for the hint under it and the prompt.
        textPages = TextPages(text, pageSize: rows - 2, name: "the help")
        showTextPage()
    }

    /// The next page of `textPages`, with a hint while more is left.
    func showTextPage() {
        guard var pages = textPages, let page = pages.nextPage() else { return }
        textPages = pages.exhausted ? nil : pages
        if pages.exhausted { return emit(page) }
        emit(page + "\n" + Highlighter.dim("Enter or :more for the rest of \(pages.name)", color: color))
    }

    // MARK: output

    /// Prints a command's output on stdout, wrapped at the terminal width (JSON never is).
    func emit(_ text: String) {
        let out = json ? text : Wrapping.wrap(text, width: width)
        FileHandle.standardOutput.write(Data((out + "\n").utf8))
    }

    /// Reports a failed command on stderr (with its line number in scripts)
    /// and counts it; in JSON mode stdout also gets an error object, so that a
    /// reader of the JSON lines sees one line per command.
    func fail(_ message: String) {
        failures += 1
        let where_ = options.interactive ? "" : "line \(lineNumber): "
        let text = options.color ? "\u{1B}[31merror:\u{1B}[0m " + message : "error: " + message
        FileHandle.standardError.write(Data(("baogao: " + where_ + text + "\n").utf8))
        if json {
            if let line = try? JSONLines.line(ReplLineJSON.error(message, line: lineNumber)) { emit(line) }
        }
    }

    private var banner: String {
        let what = engine.map { "\($0.index.liveDocCount) paragraphs" } ?? (indexProblem ?? "no index")
        return Highlighter.dim(
            "baogao — \(what). Type a query, ? a question, :help for help, Ctrl-D to leave.",
            color: color)
    }
}
