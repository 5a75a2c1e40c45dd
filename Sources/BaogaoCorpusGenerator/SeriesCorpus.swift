import Foundation

/// A small corpus in which the same regions recur year after year and the
/// reports agree with one another, as a real government's do: year N's budget
/// stated in the report on year N's draft is the 年初预算 the next report reviews,
/// and the execution that report gives (preliminary) is what the 决算 of year N
/// confirms or corrects. `truth` is what each report states, so a test can
/// write down the series and comparisons an engine must read back.
///
/// Each region has, for every year N of `years`, the annual report reviewing N
/// and proposing N+1 (`a<region>_<N+1>.txt`) and the final accounts of N
/// (`f<region>_<N>.txt`), each stating 一般公共预算收入 and 一般公共预算支出.
/// The main generator (`CorpusGenerator`) varies numbers report by report, which
/// is what a search benchmark wants and what a series cannot be tested on.
public enum SeriesCorpus {
    public static let items = ["一般公共预算收入", "一般公共预算支出"]

    /// One item of one region in one year, in 万元 as the reports write them;
    /// growth in % to one decimal, as stated.
    public struct Year: Sendable, Equatable {
        public var budget: Int
        /// Nil for the year after the last: only its budget is stated yet.
        public var adjusted: Int?
        public var execution: Int?
        public var final: Int?
        /// Stated beside the 决算 (against the previous year's 决算), or beside the
        /// budget of the year after the last (against the last execution).
        public var statedGrowth: Double
    }

    /// region → item → year → figures.
    public typealias Truth = [String: [String: [Int: Year]]]

    /// Writes the reports of `regions` regions (districts and counties of
    /// `RegionNames`) over `years` into `directory` and returns what they state.
    public static func write(
        to directory: String, regions: Int, years: ClosedRange<Int>, seed: UInt64 = 1
    ) throws(CorpusGeneratorError) -> Truth {
        guard regions > 0, regions <= RegionNames.perSuffix * 2 else {
            throw .invalidOptions("the regions must be 1…\(RegionNames.perSuffix * 2)")
        }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .unwritable(path: directory, reason: error.localizedDescription)
        }
        let names = RegionNames.pool(excluding: []).districts.prefix(regions)
        var truth: Truth = [:]
        for (r, region) in names.enumerated() {
            var rng = SplitMix64(seed: seed, stream: UInt64(r))
            var figures: [String: [Int: Year]] = [:]
            for item in items { figures[item] = plan(years: years, rng: &rng) }
            truth[region] = figures
            for n in years {
                try save(annual(region, n, figures), directory, "a\(r)_\(n + 1).txt")
                try save(final(region, n, figures), directory, "f\(r)_\(n).txt")
            }
        }
        return truth
    }

    /// One item's figures: a level drawn once, then each year's budget, the
    /// adjustment, the execution, and a 决算 that in one year of three corrects it.
    static func plan(years: ClosedRange<Int>, rng: inout SplitMix64) -> [Int: Year] {
        var out: [Int: Year] = [:]
        var lastFinal = rng.int(in: 200_000...2_000_000)
        var lastExecution = lastFinal
        for n in years {
            let budget = lastFinal * rng.int(in: 1_000...1_080) / 1_000
            let adjusted = budget * rng.int(in: 950...1_020) / 1_000
            let execution = adjusted * rng.int(in: 990...1_030) / 1_000
            let final = rng.int(in: 0...2) == 0 ? execution + rng.int(in: 1...900) : execution
            out[n] = Year(
                budget: budget, adjusted: adjusted, execution: execution, final: final,
                statedGrowth: percent(final, over: lastFinal))
            lastExecution = execution
            lastFinal = final
        }
        let next = lastFinal * rng.int(in: 1_000...1_080) / 1_000
        out[years.upperBound + 1] = Year(
            budget: next, adjusted: nil, execution: nil, final: nil, statedGrowth: percent(next, over: lastExecution))
        return out
    }

    static func percent(_ a: Int, over b: Int) -> Double { (Double(a) / Double(b) * 1000 - 1000).rounded() / 10 }

    static func scope(_ region: String) -> String { region.hasSuffix("县") ? "全县" : "全区" }

    static func growth(_ g: Double) -> String { (g < 0 ? "下降" : "增长") + String(format: "%.1f%%", abs(g)) }

    /// The annual report reviewing year `n` and proposing `n + 1`.
    static func annual(_ region: String, _ n: Int, _ figures: [String: [Int: Year]]) -> String {
        var lines = ["关于\(region)\(n)年预算执行情况和\(n + 1)年预算草案的报告", "各位代表：", "一、\(n)年预算执行情况"]
        for item in items {
            guard let y = figures[item]?[n], let adjusted = y.adjusted, let execution = y.execution else { continue }
            lines.append(
                "\(scope(region))\(item)预算\(y.budget)万元，执行中调整为\(adjusted)万元，实际完成\(execution)万元，为调整预算的"
                    + String(format: "%.1f%%", Double(execution) / Double(adjusted) * 100) + "。")
        }
        lines.append("二、\(n + 1)年预算草案")
        for item in items {
            guard let next = figures[item]?[n + 1], let this = figures[item]?[n], let execution = this.execution else {
                continue
            }
            lines.append("\(scope(region))\(item)预算\(next.budget)万元，\(growth(percent(next.budget, over: execution)))。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The final accounts of year `n`.
    static func final(_ region: String, _ n: Int, _ figures: [String: [Int: Year]]) -> String {
        var lines = ["关于\(region)\(n)年财政决算的报告", "各位代表：", "一、\(n)年决算情况"]
        for item in items {
            guard let y = figures[item]?[n], let final = y.final else { continue }
            lines.append("\(scope(region))\(item)决算数为\(final)万元，\(growth(y.statedGrowth))。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func save(_ text: String, _ directory: String, _ name: String) throws(CorpusGeneratorError) {
        let path = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw .unwritable(path: path, reason: "cannot create the file")
        }
    }
}
