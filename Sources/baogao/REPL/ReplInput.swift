import BaogaoIngest
import BaogaoQuery
import Foundation

/// One line typed at the REPL, understood. Only the REPL's own `:commands`
/// and the `?` prefix are parsed here; anything else is handed whole to the
/// query parser, so the query language has one definition.
enum ReplInput: Equatable {
    /// Nothing typed (Enter alone): the next page of the last search.
    case empty
    case search(String)
    case ask(String)
    case more
    case open(Int)
    case source(Int)
    case mentions(String)
    /// `:series ITEM [filters]`: the item year by year, per region.
    case series(String)
    /// `:compare ITEM year:Y [filters]`: the item in one year, per region.
    case compare(String)
    case define(String)
    case facts(String)
    case stats
    /// `:reports [filters]`: the indexed reports and their metadata.
    case reports(String)
    case reindex
    case help
    /// `:json` toggles; `:json on` / `:json off` set.
    case json(Bool?)
    case quit

    /// The `:commands`, for `:help` and for suggestions after a typo.
    static let commands: [(name: String, usage: String, summary: String)] = [
        ("more", ":more  (or Enter)", "the next page of results"),
        ("open", ":open N", "hit N's whole paragraph, with the paragraphs around it"),
        ("source", ":source N", "the lines of the report file that hit N comes from"),
        ("mentions", ":mentions TERM", "TERM per year (a bar chart) and per report (ten a year; :json for all)"),
        ("series", ":series ITEM [FILTERS]", "ITEM year by year per region, every stage cited (bars per year)"),
        ("compare", ":compare ITEM year:Y [FILTERS]", "ITEM in year Y for every region, largest first"),
        ("define", ":define TERM", "what the reports' glossaries say TERM means"),
        ("facts", ":facts QUERY", "amounts and percentages matching QUERY, as a table"),
        ("stats", ":stats", "what the index holds"),
        ("reports", ":reports [FILTERS]", "every report with region, kind, years and their sources"),
        ("reindex", ":reindex", "bring the index up to date with the corpus folder"),
        ("json", ":json [on|off]", "print JSON lines instead of text (toggles)"),
        ("help", ":help", "this help"),
        ("quit", ":quit  (or Ctrl-D)", "leave")
    ]

    /// Parses a line, or says what is wrong with it.
    static func parse(_ line: String) throws(ReplFailure) -> ReplInput {
        let text = Whitespace.trimmed(line)
        if text.isEmpty { return .empty }
        if text.hasPrefix("?") || text.hasPrefix("？") {
            let question = Whitespace.trimmed(text.dropFirst())
            guard !question.isEmpty else { throw ReplFailure("? needs a question, e.g. ? 2023年江津区一般公共预算收入是多少") }
            return .ask(question)
        }
        if text.hasPrefix(":") || text.hasPrefix("：") { return try command(String(text.dropFirst())) }
        if text.hasSuffix("?") || text.hasSuffix("？") || QuestionParser.readsAsQuestion(text) { return .ask(text) }
        return .search(text)
    }

    private static func command(_ body: String) throws(ReplFailure) -> ReplInput {
        let name = String(body.prefix { !Whitespace.isWhitespace($0) }).lowercased()
        let argument = Whitespace.trimmed(body.dropFirst(name.count))
        switch name {
        case "more", "m", "next", "n": return try noArgument(.more, name, argument)
        case "open", "o": return .open(try hitNumber(name, argument))
        case "source", "src", "s": return .source(try hitNumber(name, argument))
        case "mentions": return .mentions(try required(name, argument, example: "过紧日子"))
        case "series": return .series(try required(name, argument, example: "一般公共预算收入 region:江津"))
        case "compare": return .compare(try required(name, argument, example: "债务余额 year:2023"))
        case "define", "def": return .define(try required(name, argument, example: "三保"))
        case "facts": return .facts(try required(name, argument, example: "教育 >1亿 year:2024"))
        case "stats": return try noArgument(.stats, name, argument)
        case "reports": return .reports(argument)
        case "reindex": return try noArgument(.reindex, name, argument)
        case "help", "h", "?": return .help
        case "quit", "q", "exit": return try noArgument(.quit, name, argument)
        case "json":
            switch argument.lowercased() {
            case "": return .json(nil)
            case "on", "true", "1": return .json(true)
            case "off", "false", "0": return .json(false)
            default: throw ReplFailure(":json takes on or off, not \(argument)")
            }
        case "":
            throw ReplFailure("a command name must follow the colon; :help lists them")
        default:
            let near = commands.map(\.name).filter { $0.hasPrefix(String(name.prefix(2))) }
            let hint =
                near.isEmpty
                ? ":help lists the commands" : "did you mean " + near.map { ":" + $0 }.joined(separator: " or ") + "?"
            throw ReplFailure("unknown command :\(name); \(hint)")
        }
    }

    private static func noArgument(_ input: ReplInput, _ name: String, _ argument: String) throws(ReplFailure) -> ReplInput {
        guard argument.isEmpty else { throw ReplFailure(":\(name) takes no argument (got \(argument))") }
        return input
    }

    private static func required(_ name: String, _ argument: String, example: String) throws(ReplFailure) -> String {
        guard !argument.isEmpty else { throw ReplFailure(":\(name) needs an argument, e.g. :\(name) \(example)") }
        return argument
    }

    private static func hitNumber(_ name: String, _ argument: String) throws(ReplFailure) -> Int {
        guard let n = Int(argument), n >= 1 else {
            throw ReplFailure(":\(name) needs the number of a hit from the last search, e.g. :\(name) 1")
        }
        return n
    }
}
