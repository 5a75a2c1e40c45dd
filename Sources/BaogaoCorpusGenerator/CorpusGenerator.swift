import Foundation

/// Makes a large corpus of synthetic budget reports from a few real seed
/// reports (the project's `Corpus/`): many regions and years, numbers varied,
/// a fraction in the hard-wrapped PDF layout — deterministic for a seed, so a
/// benchmark or a test sees the same corpus on every machine.
///
/// The output folder holds `r00000.txt`, `r00001.txt`, … (UTF-8) and
/// `manifest.tsv` (file, template, region, year, layout, paragraphs), which
/// the engine does not index (it reads `.txt`, `.md`, `.text`).
public struct CorpusGenerator: Sendable {
    public struct Options: Sendable {
        /// Target size in MiB (2^20 bytes); generation stops at the first report reaching it.
        public var megabytes: Double
        public var seed: UInt64
        /// The share of reports in the hard-wrapped PDF layout, 0…1.
        public var hardWrappedFraction: Double

        public init(megabytes: Double, seed: UInt64 = 1, hardWrappedFraction: Double = 0.1) {
            self.megabytes = megabytes
            self.seed = seed
            self.hardWrappedFraction = hardWrappedFraction
        }
    }

    public struct Summary: Sendable, Equatable {
        public var reports: Int
        public var bytes: Int
    }

    /// Seed files that could not serve as templates, and why (the others are used).
    public let skippedSeeds: [SeedProblem]
    /// The seed files used as templates.
    public let templates: [String]
    private let synthesizer: ReportSynthesizer

    /// Reads every `.txt` file of `seedsDirectory` as a template.
    public init(seedsDirectory: String) throws(CorpusGeneratorError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: seedsDirectory)
        } catch {
            throw .unreadableSeeds(directory: seedsDirectory, reason: error.localizedDescription)
        }
        var seeds: [SeedReport] = []
        var skipped: [SeedProblem] = []
        for name in names.filter({ $0.hasSuffix(".txt") }).sorted() {
            let path = (seedsDirectory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                skipped.append(SeedProblem(file: name, reason: "not readable as UTF-8 text"))
                continue
            }
            do {
                seeds.append(try SeedReport.load(file: name, text: text))
            } catch {
                skipped.append(error)
            }
        }
        guard !seeds.isEmpty else { throw .noUsableSeeds(directory: seedsDirectory, skipped: skipped) }
        let regions = RegionNames.pool(excluding: Set(seeds.flatMap(\.ownNames)))
        synthesizer = ReportSynthesizer(seeds: seeds, districts: regions.districts, cities: regions.cities)
        templates = seeds.map(\.file)
        skippedSeeds = skipped
    }

    /// Report `number` of the corpus with seed `seed`; it does not depend on the others.
    public func report(number: Int, seed: UInt64, hardWrappedFraction: Double = 0.1) -> GeneratedReport {
        synthesizer.report(number: number, seed: seed, hardWrappedFraction: hardWrappedFraction)
    }

    /// Writes reports into `directory` (created if needed; earlier `rNNNNN.txt`
    /// and `manifest.tsv` there are removed first) until they reach the target
    /// size. `progress` is called after each report with the reports and bytes so far.
    @discardableResult
    public func write(
        to directory: String, options: Options,
        progress: (Summary) -> Void = { _ in }
    ) throws(CorpusGeneratorError) -> Summary {
        guard options.megabytes > 0, (0...1).contains(options.hardWrappedFraction) else {
            throw .invalidOptions("the size must be above 0 MB and the hard-wrapped fraction within 0…1")
        }
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: directory) where Self.isGenerated(name) {
                try fm.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        } catch {
            throw .unwritable(path: directory, reason: error.localizedDescription)
        }
        let target = Int(options.megabytes * 1_048_576)
        var summary = Summary(reports: 0, bytes: 0)
        var manifest = "file\ttemplate\tregion\tyear\tlayout\tparagraphs\n"
        while summary.bytes < target {
            let r = report(number: summary.reports, seed: options.seed, hardWrappedFraction: options.hardWrappedFraction)
            let data = Data(r.text.utf8)
            let path = (directory as NSString).appendingPathComponent(r.fileName)
            guard fm.createFile(atPath: path, contents: data) else {
                throw .unwritable(path: path, reason: "cannot create the file")
            }
            manifest +=
                "\(r.fileName)\t\(r.template)\t\(r.region)\t\(r.year)\t\(r.isHardWrapped ? "pdf" : "para")\t\(r.paragraphs.count)\n"
            summary.reports += 1
            summary.bytes += data.count
            progress(summary)
        }
        let manifestPath = (directory as NSString).appendingPathComponent("manifest.tsv")
        guard fm.createFile(atPath: manifestPath, contents: Data(manifest.utf8)) else {
            throw .unwritable(path: manifestPath, reason: "cannot create the file")
        }
        return summary
    }

    /// What an earlier run wrote: `r` + at least five digits + `.txt`, or the manifest.
    static func isGenerated(_ name: String) -> Bool {
        if name == "manifest.tsv" { return true }
        guard name.hasPrefix("r"), name.hasSuffix(".txt") else { return false }
        let digits = name.dropFirst().dropLast(4)
        return digits.count >= 5 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
