import BaogaoCorpusGenerator
import Foundation
import XCTest

@testable import BaogaoQuery

/// Series and comparisons read back from a generated corpus whose reports agree
/// from year to year (`SeriesCorpus`): four regions over 2019–2023, an annual
/// report and a 决算 for each year, two items. The expected series is the
/// generator's own record of what each report states.
final class GeneratedSeriesTests: XCTestCase {
    static let years = 2019...2023

    static let corpus: (searcher: Searcher, truth: SeriesCorpus.Truth) = {
        let folder = NSTemporaryDirectory() + "baogao-series-gen-" + UUID().uuidString
        do {
            let truth = try SeriesCorpus.write(to: folder, regions: 4, years: years, seed: 3)
            return (SharedIndex.build(corpus: folder, name: "series-gen"), truth)
        } catch {
            fatalError("cannot generate the series corpus: \(error)")
        }
    }()

    /// The cells the truth says a series shows: per year 年初预算, 调整预算 and 决算
    /// (the 执行 under it when they differ), and the next year's budget alone.
    private func expected(_ years: [Int: SeriesCorpus.Year]) -> [String] {
        years.keys.sorted().flatMap { n -> [String] in
            let y = years[n]!
            var cells = ["\(n) 年初预算 \(y.budget)"]
            if let a = y.adjusted { cells.append("\(n) 调整预算 \(a)") }
            if let f = y.final, let e = y.execution {
                cells.append("\(n) 决算 \(f)" + (e == f ? "" : " superseding 执行 \(e)"))
            }
            return cells
        }
    }

    private func cells(_ s: RegionSeries) -> [String] {
        s.years.flatMap { y in
            y.figures.map { f in
                "\(y.year) \(f.stage.rawValue) \(Int(f.value / 10_000))"
                    + f.superseded.map { " superseding \($0.stage.rawValue) \(Int($0.value / 10_000))" }.joined()
            }
        }
    }

    func testEveryRegionsSeriesIsWhatItsReportsState() throws {
        let (searcher, truth) = Self.corpus
        XCTAssertEqual(truth.count, 4)
        var supersededYears = 0
        for (region, items) in truth.sorted(by: { $0.key < $1.key }) {
            for (item, years) in items.sorted(by: { $0.key < $1.key }) {
                let r = try SeriesBuilder(searcher).series(SeriesRequest(label: item, filters: "region:\(region)"))
                XCTAssertEqual(r.regions.map(\.region), [region])
                let s = try XCTUnwrap(r.regions.first)
                XCTAssertEqual(cells(s), expected(years), "\(region) \(item)")
                XCTAssertEqual(
                    s.years.map { $0.statedGrowth?.value }, years.keys.sorted().map { years[$0]?.statedGrowth },
                    "\(region) \(item)")
                // Computed against the previous year's 决算; the first year has none before it.
                for (i, y) in s.years.enumerated() {
                    guard i > 0, let now = years[y.year], let before = years[y.year - 1]?.final else {
                        XCTAssertNil(y.computedGrowth)
                        continue
                    }
                    let expected = (Double(now.final ?? now.budget) / Double(before) - 1) * 100
                    XCTAssertEqual(try XCTUnwrap(y.computedGrowth), expected, accuracy: 1e-9, "\(region) \(item) \(y.year)")
                }
                supersededYears += years.values.filter { $0.final != nil && $0.final != $0.execution }.count
                // Every cell cites the report that states it: a 决算 its final accounts.
                for y in s.years {
                    for f in y.figures {
                        XCTAssertTrue(f.citation.doc.hasPrefix(f.stage == .final ? "f" : "a"), "\(f.citation.id)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(supersededYears, 0, "the seed must give some corrected years")
    }

    func testComparisonsRankTheRegionsByTheirFinalFigures() throws {
        let (searcher, truth) = Self.corpus
        for year in Self.years {
            let r = try SeriesBuilder(searcher).compare(SeriesRequest(label: "一般公共预算支出", filters: "year:\(year)"))
            let ranked = truth.map { ($0.key, $0.value["一般公共预算支出"]?[year]?.final ?? 0) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            XCTAssertEqual(r.rows.map(\.region), ranked.map(\.0), "\(year)")
            XCTAssertEqual(r.rows.map { Int($0.figure.value / 10_000) }, ranked.map(\.1), "\(year)")
            XCTAssertTrue(r.rows.allSatisfy { $0.figure.stage == .final })
        }
        let next = try SeriesBuilder(searcher).compare(
            SeriesRequest(label: "一般公共预算收入", filters: "year:\(Self.years.upperBound + 1)"))
        XCTAssertEqual(next.rows.count, 4)
        XCTAssertTrue(next.rows.allSatisfy { $0.figure.stage == .budget })
    }
}
