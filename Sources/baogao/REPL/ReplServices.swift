import BaogaoQuery

/// The engines the REPL reaches beyond search, as closures: `standard` calls the
/// `Searcher`'s ask, define, mentions and facts and prints them as the CLI does;
/// tests can put others in their place without touching the loop.
///
/// Each closure returns the text to print (a JSON line when `context.json`),
/// or throws `ReplFailure`, which the REPL reports and counts as a failed command.
/// The REPL adds no search logic of its own: these closures and `Searcher` are
/// the engine.
struct ReplServices: Sendable {
    typealias Service = @Sendable (_ input: String, _ context: ReplContext) throws(ReplFailure) -> String

    /// `? question`, or a line ending in ？ or ?.
    var ask: Service
    /// `:define TERM` — glossary (名词解释) definitions.
    var define: Service
    /// `:mentions TERM` — a term across years and reports.
    var mentions: Service
    /// `:facts QUERY` — number facts (value, unit, label) matching a query.
    var facts: Service
    /// `:reports [FILTERS]` — the indexed reports with their metadata.
    var reports: Service = { filters, context throws(ReplFailure) in
        try render(context) { () throws(SearchError) in
            try context.searcher.reports(filters)
        } text: {
            ReportsPrinter.render($0, color: context.color)
        }
    }

    /// The engine's answers, printed as the CLI prints them.
    static let standard = ReplServices(
        ask: { question, context throws(ReplFailure) in
            try render(context) { () throws(SearchError) in
                try context.searcher.ask(question)
            } text: {
                AnswerPrinter.render($0, color: context.color)
            }
        },
        define: { term, context throws(ReplFailure) in
            try render(context) { () throws(SearchError) in
                try context.searcher.define(term)
            } text: {
                DefinitionPrinter.render($0, color: context.color)
            }
        },
        mentions: { term, context throws(ReplFailure) in
            try render(context) { () throws(SearchError) in
                try context.searcher.mentions(term)
            } text: {
                MentionsPrinter.render($0, color: context.color, chart: true, reportsPerYear: MentionsPrinter.reportsPerYear)
            }
        },
        facts: { query, context throws(ReplFailure) in
            try render(context) { () throws(SearchError) in
                try context.searcher.facts(query, limit: 50)
            } text: {
                FactsTable.render($0, color: context.color, width: context.width)
            }
        })

    /// Runs an engine call and prints its result as text or as one JSON line;
    /// syntax errors come back with the caret under the offending character.
    fileprivate static func render<R: Encodable>(
        _ context: ReplContext, _ run: () throws(SearchError) -> R,
        text: (R) -> String
    ) throws(ReplFailure) -> String {
        let result: R
        do { result = try run() } catch {
            if case .syntax(let e) = error { throw ReplFailure(e.message + "\n" + e.rendered) }
            throw ReplFailure(error.description)
        }
        if context.json {
            do { return try JSONLines.line(result) } catch { throw ReplFailure("cannot encode the result: \(error)") }
        }
        return text(result)
    }
}

/// What a service may use: the open index and how output should look.
struct ReplContext: Sendable {
    var searcher: Searcher
    /// The corpus folder, for services that read source files.
    var corpus: String
    var json: Bool
    var color: Bool
    /// Terminal width in columns, nil when output should not be wrapped.
    var width: Int?
    /// True once the user pressed Ctrl-C: long loops should stop early.
    var isInterrupted: @Sendable () -> Bool
}

/// A command that failed, with the message to show (no "error:" prefix).
struct ReplFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    /// Ctrl-C stopped the command: said quietly, not counted as a failure.
    var isInterruption = false

    init(_ message: String) { self.message = message }

    static let interrupted: ReplFailure = {
        var f = ReplFailure("interrupted")
        f.isInterruption = true
        return f
    }()

    var description: String { message }
}
