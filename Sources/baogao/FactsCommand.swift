import ArgumentParser
import BaogaoQuery
import Foundation

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List number facts: amounts, percentages and counts with their labels.",
        discussion: """
            With no query, every fact of the index. A query narrows them like a search: \
            terms and filters choose paragraphs, ranges choose values. Examples:
              baogao facts region:解放区 year:2024 支出 >1亿元
              baogao facts 增长>5%
              baogao facts section:一般公共预算安排 region:解放区
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @OptionGroup var format: OutputFormat

    @Option(help: "How many facts to show.")
    var limit = 20

    @Option(help: "How many facts to skip.")
    var offset = 0

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query (optional).", valueName: "query"))
    var words: [String] = []

    func run() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        let engine = try location.openEngine()
        let text = words.joined(separator: " ")
        // No query: every fact, as the help says.
        let result = try Terminal.orFail { try engine.facts(text, page: Page(limit: limit, offset: offset), deadline: .never) }
        if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            print(FactsTable.render(result, color: colors.enabled, width: Terminal.tableWidth))
        }
        try Status.finish(found: result.total > 0)
    }
}
