import ArgumentParser
import BaogaoCorpusGenerator
import Foundation

/// `baogao-corpus`: the corpus generator on the command line, for benchmarks
/// (Scripts/bench-index) and for trying the engine on something large.
@main
struct BaogaoCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baogao-corpus",
        abstract: "Write a deterministic corpus of synthetic budget reports made from seed reports.",
        discussion: """
            Every .txt report in SEEDS_DIR is a template; OUT_DIR receives r00000.txt, r00001.txt, …
            and manifest.tsv (file, template, region, year, layout, paragraphs). Earlier generated
            files in OUT_DIR are replaced. The same seed gives the same corpus on every machine.
            Example:
              baogao-corpus --mb 200 Corpus /tmp/bench200
            With --series-regions N, instead: N regions over --years whose reports agree from year \
            to year (an annual report and a 决算 per year), for trying series and compare:
              baogao-corpus --series-regions 20 --years 2015..2023 Corpus /tmp/series
            """)

    @Option(help: "Target size in MiB (the last report may pass it).")
    var mb: Double = 20

    @Option(help: "The corpus seed: the same seed, the same corpus.")
    var seed: UInt64 = 1

    @Option(help: "The share of reports in the hard-wrapped PDF layout, 0…1.")
    var pdfFraction: Double = 0.1

    @Option(help: "Write a consistent multi-year corpus of this many regions instead (see --years).")
    var seriesRegions: Int?

    @Option(help: ArgumentHelp("The years of --series-regions, FIRST..LAST.", valueName: "span"))
    var years = "2019..2023"

    @Flag(help: "Write each report as a PDF (its text set by PDFWriter, 40 lines a page) instead of text.")
    var pdf = false

    @Argument(help: ArgumentHelp("The folder of seed reports (the project's Corpus/).", valueName: "SEEDS_DIR"))
    var seedsDirectory: String

    @Argument(help: ArgumentHelp("The folder to write the corpus into.", valueName: "OUT_DIR"))
    var outputDirectory: String

    func validate() throws {
        guard mb > 0, mb.isFinite else { throw ValidationError("--mb must be a size above 0, got \(mb)") }
        guard (0...1).contains(pdfFraction) else {
            throw ValidationError("--pdf-fraction must be between 0 and 1, got \(pdfFraction)")
        }
    }

    /// `2019..2023` read as years.
    var yearSpan: ClosedRange<Int>? {
        let parts = years.components(separatedBy: "..").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1] else { return nil }
        return parts[0]...parts[1]
    }

    func run() throws {
        if let regions = seriesRegions {
            guard let span = yearSpan else { throw ValidationError("--years must be FIRST..LAST, got \(years)") }
            do {
                let truth = try SeriesCorpus.write(to: outputDirectory, regions: regions, years: span, seed: seed)
                warn("wrote \(truth.count * span.count * 2) reports of \(truth.count) regions, \(span), to \(outputDirectory)")
            } catch {
                warn("baogao-corpus: \(error)")
                throw ExitCode(1)
            }
            return
        }
        do {
            let generator = try CorpusGenerator(seedsDirectory: seedsDirectory)
            for problem in generator.skippedSeeds { warn("skipped seed \(problem)") }
            let options = CorpusGenerator.Options(megabytes: mb, seed: seed, hardWrappedFraction: pdfFraction)
            var reportedTenths = 0
            let summary = try generator.write(to: outputDirectory, options: options) { so in
                // A line per tenth of the target: enough to see it move, few enough for a log.
                let tenths = min(10, Int(Double(so.bytes) / (mb * 1_048_576) * 10))
                if tenths > reportedTenths {
                    reportedTenths = tenths
                    warn("\(tenths * 10)%: \(so.reports) reports, \(mebibytes(so.bytes)) MiB")
                }
            }
            if pdf { try writePDFs() }
            warn(
                "wrote \(summary.reports) reports, \(summary.bytes) bytes (\(mebibytes(summary.bytes)) MiB) "
                    + "from \(generator.templates.count) seeds to \(outputDirectory)")
        } catch {
            warn("baogao-corpus: \(error)")
            throw ExitCode(1)
        }
    }

    /// Replaces each `rNNNNN.txt` of the output by `rNNNNN.pdf`, for the PDF benchmark.
    private func writePDFs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: outputDirectory).filter { $0.hasSuffix(".txt") }
        for name in names {
            let path = outputDirectory + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let target = URL(fileURLWithPath: String(path.dropLast(4)) + ".pdf")
            try Data(PDFWriter.pdf(pages: PDFWriter.pages(of: text))).write(to: target)
            try FileManager.default.removeItem(atPath: path)
        }
    }

    private func mebibytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    private func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
