import BaogaoQuery

/// `:help`: the REPL's own commands, then the query language (the same text
/// as `baogao search --help`, whose examples come from the sample corpus).
enum ReplHelp {
    static func text(color: Bool) -> String {
        let examples = [
            ("三保 year:2024", "a search (the query language is below)"),
            ("? 2023年江津区一般公共预算收入是多少", "a question; or end the line with ？")
        ]
        let exampleWidth = examples.map { ScreenWidth.of($0.0) }.max() ?? 0
        var lines = ["Type a query to search; Enter on an empty line shows the next page."]
        lines += examples.map { "  " + ScreenWidth.pad($0.0, to: exampleWidth) + "  " + $0.1 }
        lines += ["", "Commands:"]
        let width = ReplInput.commands.map { ScreenWidth.of($0.usage) }.max() ?? 0
        for c in ReplInput.commands {
            lines.append("  " + ScreenWidth.pad(c.usage, to: width) + "  " + c.summary)
        }
        lines.append("Up and down arrows recall earlier lines (kept in ~/.baogao_history);")
        lines.append("Ctrl-C clears the line or stops a running query.")
        lines.append("")
        lines.append(QueryLanguageHelp.text)
        return lines.joined(separator: "\n")
    }

    /// `:help` in JSON mode: the same text in one object.
    static func json() -> String {
        (try? JSONLines.line(ReplLineJSON.help(text(color: false)))) ?? "{}"
    }
}
