import ArgumentParser
import BaogaoIngest
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
            Each year lists its first \(MentionsPrinter.reportsPerYear) reports' paragraphs and counts \
            the rest; --all lists every one (--json and --csv always do).
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @OptionGroup var format: OutputFormat

    @Flag(help: "List the paragraphs of every report, not only the first of each year.")
    var all = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The term or query.", valueName: "term"))
    var words: [String] = []

    func run() throws {
        let text = words.joined(separator: " ")
        guard !Whitespace.isBlank(text) else {
            throw ValidationError("give a term, e.g. baogao mentions 过紧日子")
        }
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.mentions(text, deadline: .never) }
        if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            print(
                MentionsPrinter.render(
                    result, color: colors.enabled, chart: Terminal.stdoutIsTerminal,
                    reportsPerYear: all ? nil : MentionsPrinter.reportsPerYear))
        }
        try Status.finish(found: result.total > 0)
    }
}

/// Per year: a bar of █ blocks (on a terminal), then each report's paragraphs with a snippet.
enum MentionsPrinter {
    /// Reports listed per year unless all are asked for: an index of a province's
    /// reports has hundreds a year, and a term like 三保 tens of thousands of lines.
    static let reportsPerYear = 10

    /// Regions charted under each year, the rest summed in one bar.
    static let regionsPerYear = 8

    /// A year's mentions by region (a report without one by its file), most first.
    static func regionCounts(_ y: YearMentions) -> [Bars.Row] {
        var counts: [String: Int] = [:]
        for rep in y.reports { counts[rep.region ?? rep.doc, default: 0] += rep.count }
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var rows = sorted.prefix(regionsPerYear).map { Bars.Row(label: $0.key, value: Double($0.value), text: "\($0.value)") }
        let rest = sorted.dropFirst(regionsPerYear).reduce(0) { $0 + $1.value }
        if rest > 0 {
            rows.append(Bars.Row(label: "其他 \(sorted.count - regionsPerYear) 个地区", value: Double(rest), text: "\(rest)"))
        }
        return rows
    }

    /// `reportsPerYear`: how many reports to list for each year (nil: all), the rest counted.
    static func render(_ r: MentionsResult, color: Bool, chart: Bool, reportsPerYear: Int? = nil) -> String {
        guard r.total > 0 else { return "no paragraphs mention \(r.term)" }
        var lines: [String] = []
        let most = r.byYear.map(\.count).max() ?? 1
        if chart {
            // A bar per year, then under it a bar per region: one region's many
            // mentions no longer read as the whole year's.
            for y in r.byYear {
                let bar = String(repeating: "█", count: max(1, y.count * Bars.width / max(1, most)))
                lines.append("\(y.year.map(String.init) ?? "----")  \(bar) \(y.count)")
                lines += Bars.render(regionCounts(y), indent: "      ", scale: Double(most))
            }
            lines.append("")
        }
        for y in r.byYear {
            lines.append("\(y.year.map { "\($0)年" } ?? "year unknown") — \(y.count)")
            let shown = reportsPerYear.map { Array(y.reports.prefix($0)) } ?? y.reports
            for rep in shown {
                lines.append("  \(rep.region ?? rep.doc) (\(rep.count)) · \(rep.doc)")
                for m in rep.paragraphs {
                    let cite = "¶\(m.paragraph) L\(m.lines[0])" + (m.lines[1] != m.lines[0] ? "–\(m.lines[1])" : "")
                    lines.append(
                        "    " + Highlighter.dim(cite, color: color) + "  "
                            + Highlighter.mark(m.snippet.text, m.snippet.highlights, color: color))
                }
            }
            let hidden = y.reports.dropFirst(shown.count)
            if !hidden.isEmpty {
                let paragraphs = hidden.reduce(0) { $0 + $1.count }
                lines.append(
                    "  … and \(hidden.count) more report\(hidden.count == 1 ? "" : "s") (\(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"))"
                )
            }
        }
        lines.append(String(format: "%d paragraph%@ mention %@ (%.1f ms)", r.total, r.total == 1 ? "" : "s", r.term, r.tookMs))
        return lines.joined(separator: "\n")
    }
}
