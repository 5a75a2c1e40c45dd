import ArgumentParser
import BaogaoIndex
import BaogaoQuery
import Foundation

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions",
        abstract: "Follow a term across years: every paragraph that mentions it, by year and report.",
        discussion: """
            The term may be a phrase or any query, filters included:
              baogao mentions 过紧日子
              baogao mentions "三保" region:江津区
            """)

    @OptionGroup var location: IndexLocation

    @Flag(help: "Print one JSON object.")
    var json = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The term or query.", valueName: "term"))
    var words: [String] = []

    func run() throws {
        let text = words.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a term, e.g. baogao mentions 过紧日子") }
        let searcher: Searcher
        do { searcher = Searcher(index: try IndexReader.open(path: location.index)) } catch {
            throw Terminal.fail(error.description)
        }
        let result: MentionsResult
        do { result = try searcher.mentions(text) } catch { throw Terminal.fail(error.description) }
        print(json ? try JSONLine.encode(result) : MentionsPrinter.render(result, color: Terminal.useColor, chart: Terminal.stdoutIsTerminal))
    }
}

/// Per year: a bar of █ blocks (on a terminal), then each report's paragraphs with a snippet.
enum MentionsPrinter {
    static func render(_ r: MentionsResult, color: Bool, chart: Bool) -> String {
        guard r.total > 0 else { return "no paragraphs mention \(r.term)" }
        var lines: [String] = []
        let most = r.byYear.map(\.count).max() ?? 1
        if chart {
            for y in r.byYear {
                let bar = String(repeating: "█", count: max(1, y.count * 30 / max(1, most)))
                lines.append("\(y.year.map(String.init) ?? "----")  \(bar) \(y.count)")
            }
            lines.append("")
        }
        for y in r.byYear {
            lines.append("\(y.year.map { "\($0)年" } ?? "year unknown") — \(y.count)")
            for rep in y.reports {
                lines.append("  \(rep.region ?? rep.doc) (\(rep.count)) · \(rep.doc)")
                for m in rep.paragraphs {
                    let cite = "¶\(m.paragraph) L\(m.lines[0])" + (m.lines[1] != m.lines[0] ? "–\(m.lines[1])" : "")
                    lines.append("    " + Highlighter.dim(cite, color: color) + "  "
                                 + Highlighter.mark(m.snippet.text, m.snippet.highlights, color: color))
                }
            }
        }
        lines.append(String(format: "%d paragraph%@ mention %@ (%.1f ms)", r.total, r.total == 1 ? "" : "s", r.term, r.tookMs))
        return lines.joined(separator: "\n")
    }
}
