import ArgumentParser
import BaogaoQuery
import Foundation

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "One figure year by year, per region: every stage the reports give, growth, a citation for every cell.",
        discussion: """
            The item first, then report filters: region:, year: (one year or a span), kind:, level:, doc:.
              baogao series 一般公共预算收入 region:江津
              baogao series 一般公共预算收入 region:江津 --svg jiangjin.svg
              baogao series --excel 政府债务余额 year:2020..2024 > 债务余额.csv
            Stages: 年初预算, 调整预算, 执行 (a budget report's preliminary figure) and 决算; a year \
            with a 决算 shows it and keeps the preliminary figure as a superseded reading. Growth is \
            the one the report states beside the figure and the one computed from the figures.
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption
    @OptionGroup var format: OutputFormat

    @Option(help: ArgumentHelp("Also draw the chart as an SVG file.", valueName: "file"))
    var svg: String?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The item, then filters.", valueName: "item"))
    var words: [String] = []

    func run() throws {
        let request = SeriesRequest(words.joined(separator: " "))
        guard !request.label.isEmpty else { throw ValidationError("give an item, e.g. baogao series 一般公共预算收入 region:江津") }
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.series(request, deadline: .never) }
        if let svg { try ChartFile.write(SVGChart.series(result), to: svg) }
        if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            print(SeriesPrinter.render(result, color: colors.enabled))
        }
        try Status.finish(found: !result.regions.isEmpty)
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "One figure in one year for every region, largest first, each cited.",
        discussion: """
            The item, year:Y, then other report filters (region:, kind:, level:, doc:):
              baogao compare 债务余额 year:2023
              baogao compare 一般公共预算收入 year:2023 level:县 --csv
            Each region's figure is its year's latest stage (决算, else 执行, else 调整预算, else \
            年初预算), and the stage is shown beside it.
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption
    @OptionGroup var format: OutputFormat

    @Option(help: ArgumentHelp("Also draw the chart as an SVG file.", valueName: "file"))
    var svg: String?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The item, year:Y, then filters.", valueName: "item"))
    var words: [String] = []

    func run() throws {
        let request = SeriesRequest(words.joined(separator: " "))
        guard !request.label.isEmpty else { throw ValidationError("give an item and a year, e.g. baogao compare 债务余额 year:2023") }
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.compare(request, deadline: .never) }
        if let svg { try ChartFile.write(SVGChart.compare(result), to: svg) }
        if let out = try format.machine(result) {
            Terminal.write(out)
        } else {
            print(ComparePrinter.render(result, color: colors.enabled))
        }
        try Status.finish(found: !result.rows.isEmpty)
    }
}

/// Writes a chart where the user asked, saying so on standard error.
enum ChartFile {
    static func write(_ svg: String, to path: String) throws {
        do { try svg.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw Terminal.fail("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
