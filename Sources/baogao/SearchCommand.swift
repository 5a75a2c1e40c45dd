import ArgumentParser
import BaogaoIngest
import BaogaoQuery
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the reports: terms, \"phrases\", OR, -exclusions, NEAR, filters.",
        discussion: QueryLanguageHelp.text)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @OptionGroup var format: OutputFormat

    @Option(help: "How many hits to show.")
    var limit = 10

    @Option(help: "How many hits to skip (for the next page).")
    var offset = 0

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query.", valueName: "query"))
    var words: [String] = []

    func run() throws {
        let text = words.joined(separator: " ")
        guard !Whitespace.isBlank(text) else {
            throw ValidationError("give a query, e.g. baogao search 三保 (see baogao search --help)")
        }
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.search(text, page: Page(limit: limit, offset: offset), deadline: .never) }
        // With a number range the facts are the result, in a table as on the terminal.
        if format.isCSV, let facts = result.facts {
            Terminal.write(CSV.document(facts, excel: format.excel))
        } else if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            if let facts = result.facts {
                print(FactsTable.render(facts, color: colors.enabled, width: Terminal.tableWidth))
            } else {
                print(SearchPrinter.render(result, color: colors.enabled))
                if result.total == 0, let hint = try Terminal.orFail({ try engine.regionHint(for: text) }) { print(hint) }
            }
        }
        try Status.finish(found: result.total > 0 || (result.facts?.total ?? 0) > 0)
    }
}

/// Human output of a search.
enum SearchPrinter {
    static func render(_ r: SearchResult, color: Bool) -> String {
        guard r.total > 0 else { return "no paragraphs match \(r.query)" }
        var lines: [String] = []
        for (i, hit) in r.hits.enumerated() {
            lines.append(Highlighter.dim("\(r.offset + i + 1). " + Citation.line(hit.paragraph), color: color))
            lines.append("   " + Highlighter.mark(hit.snippet.text, hit.snippet.highlights, color: color))
        }
        let shown = r.hits.isEmpty ? "none shown" : "showing \(r.offset + 1)–\(r.offset + r.hits.count)"
        lines.append(String(format: "%d paragraph%@ match (%@, %.1f ms)", r.total, r.total == 1 ? "" : "s", shown, r.tookMs))
        return lines.joined(separator: "\n")
    }
}
