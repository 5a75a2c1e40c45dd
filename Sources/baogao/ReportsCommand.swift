import ArgumentParser
import BaogaoIndex
import BaogaoIngest
import BaogaoQuery
import Foundation

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract:
            "List every indexed report: region and its chain, level, kind, years, period, date, title, source, paragraph and fact counts, and where each field came from.",
        discussion: """
            Filters narrow the list: region:贵州 (every report of a division inside 贵州省), \
            kind:决算 (预算报告, 决算, 预算调整, 年中, 其他), level:县 (中央, 省, 市, 县, 乡镇), \
            year:2023 (the execution or budget year), doc:002. Each field's source is one of \
            catalogue, title, opening-lines, file-name, body, unknown: a field read from the body \
            or unknown is worth a row in the corpus folder's catalog.tsv.
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @OptionGroup var format: OutputFormat

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Report filters, e.g. region:贵州 kind:决算.", valueName: "filters"))
    var filters: [String] = []

    func run() throws {
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.reports(filters.joined(separator: " "), deadline: .never) }
        if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            print(ReportsPrinter.render(result, color: colors.enabled))
        }
        try Status.finish(found: !result.reports.isEmpty)
    }
}

/// The report list as text: a heading line per report (file and title), then its
/// metadata, each field followed by its source, then the address when there is one.
enum ReportsPrinter {
    static func render(_ result: ReportsResult, color: Bool) -> String {
        guard !result.reports.isEmpty else {
            return result.query.isEmpty ? "no reports in the index" : "no report matches \(result.query)"
        }
        var out: [String] = []
        for r in result.reports {
            let m = r.metadata
            let s = m.sources
            out.append(Highlighter.bold("\(r.doc)", color: color) + "  " + m.title)
            func field(_ name: String, _ value: String?, _ source: ReportMetadata.Source) -> String {
                "\(name) \(value ?? "—") (\(source.rawValue))"
            }
            let chain = m.regionChain.count > 1 ? " [" + m.regionChain.joined(separator: " › ") + "]" : ""
            let years = [m.executionYear.map { "execution \($0)" }, m.budgetYear.map { "budget \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            out.append(
                "  " + field("region", m.region.map { $0 + chain }, s.region) + " · " + field("level", m.level?.rawValue, s.level)
                    + " · " + field("kind", m.kind.map { "\($0.word) \($0.rawValue)" }, s.kind))
            out.append(
                "  " + field("years", years.isEmpty ? nil : years, s.years) + " · " + field("period", m.period, s.period)
                    + " · " + field("date", m.date, s.date))
            var tail = "  \(r.paragraphs) paragraphs, \(r.facts) facts"
            if let source = m.source { tail += " · " + source }
            out.append(Highlighter.dim(tail, color: color))
        }
        out.append("\(result.reports.count) report(s)")
        return out.joined(separator: "\n")
    }
}
