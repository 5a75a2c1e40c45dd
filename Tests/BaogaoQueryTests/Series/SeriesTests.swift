import Foundation
import XCTest

@testable import BaogaoQuery

/// `series` and `compare` on the sample corpus (each report holds its execution
/// year and its budget year) and on a small corpus of one county over three
/// years, whose 2023 figure is given by the budget report and again, final, by
/// the 决算. The expected series are written down from the reports' own text.
final class SeriesTests: XCTestCase {
    private let sample = SharedIndex.sample

    /// 宜平县: 2023 execution and 2024 budget (a.txt), 2024 execution and 2025
    /// budget (b.txt), and the 2023 决算 (c.txt) that corrects a.txt's 10.2亿元.
    static let county: Searcher = {
        let folder = NSTemporaryDirectory() + "baogao-series-" + UUID().uuidString + "/corpus"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let reports = [
            "a.txt": "关于宜平县2023年预算执行情况和2024年预算草案的报告\n各位代表：\n一、2023年预算执行情况\n"
                + "全县一般公共预算收入预算10亿元，执行中调整为10.1亿元，实际完成10.2亿元，增长2%。\n"
                + "二、2024年预算草案\n全县一般公共预算收入预算10.6亿元，增长4%。\n",
            "b.txt": "关于宜平县2024年预算执行情况和2025年预算草案的报告\n各位代表：\n一、2024年预算执行情况\n"
                + "全县一般公共预算收入完成10.9亿元，增长6.9%。\n二、2025年预算草案\n全县一般公共预算收入预算11.3亿元，增长3.7%。\n",
            "c.txt": "关于宜平县2023年财政决算的报告\n各位代表：\n一、2023年决算情况\n全县一般公共预算收入决算数为10.25亿元，增长2.5%。\n"
        ]
        for (name, text) in reports {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
        }
        return SharedIndex.build(corpus: folder, name: "series")
    }()

    /// (year, stage, value in 元, cited paragraph) for each figure of a region's series.
    private func cells(_ s: RegionSeries) -> [String] {
        s.years.flatMap { y in y.figures.map { "\(y.year) \($0.stage.rawValue) \(Int64($0.value)) \($0.citation.id)" } }
    }

    func testJiangjinYearByYearWithStatedAndComputedGrowth() throws {
        let r = try SeriesBuilder(sample).series(SeriesRequest("一般公共预算收入 region:江津"))
        XCTAssertEqual(r.regions.map(\.region), ["江津区"])
        let s = try XCTUnwrap(r.regions.first)
        XCTAssertEqual(
            cells(s), ["2023 执行 6796000000 002_b5c26ff8d3e05e66.txt#9", "2024 年初预算 6850000000 002_b5c26ff8d3e05e66.txt#65"])
        XCTAssertEqual(s.years.map { $0.statedGrowth?.value }, [0.5, 1])
        XCTAssertEqual(s.years[0].statedGrowth?.citation.id, "002_b5c26ff8d3e05e66.txt#9")
        XCTAssertNil(s.years[0].computedGrowth)
        XCTAssertEqual(try XCTUnwrap(s.years[1].computedGrowth), (68.5 / 67.96 - 1) * 100, accuracy: 1e-9)
        XCTAssertEqual(s.years[0].figures[0].text, "67.96亿元")
        XCTAssertEqual(s.years[0].figures[0].citation.lines, [16, 16])
    }

    func testEveryStageAReportGivesIsACell() throws {
        let r = try SeriesBuilder(sample).series(SeriesRequest("一般公共预算收入"))
        XCTAssertEqual(r.regions.map(\.region), ["江津区", "焦作市", "解放区"])
        XCTAssertEqual(
            cells(r.regions[2]),
            [
                "2023 年初预算 1410500000 000_d12f06acd0fd881e.txt#10", "2023 调整预算 898500000 000_d12f06acd0fd881e.txt#10",
                "2023 执行 900740000 000_d12f06acd0fd881e.txt#10", "2024 年初预算 945800000 000_d12f06acd0fd881e.txt#36"
            ])
        XCTAssertEqual(r.regions[2].years.map { $0.statedGrowth?.value }, [-32.3, 5])
        XCTAssertEqual(r.regions[2].years[0].statedGrowth?.relation, "同比下降")
        XCTAssertEqual(
            cells(r.regions[1]),
            [
                "2025 年初预算 13450000000 003_b7f3892a3cb1f6c5.txt#11", "2025 调整预算 13490000000 003_b7f3892a3cb1f6c5.txt#11",
                "2025 执行 13510000000 003_b7f3892a3cb1f6c5.txt#11", "2026 年初预算 14110000000 003_b7f3892a3cb1f6c5.txt#51"
            ])
        XCTAssertEqual(r.regions[1].years.map { $0.statedGrowth?.value }, [5.1, 4.5])
    }

    func testTheFinalAccountsSupersedeThePreliminaryFigure() throws {
        let r = try SeriesBuilder(Self.county).series(SeriesRequest("一般公共预算收入"))
        let s = try XCTUnwrap(r.regions.first)
        XCTAssertEqual(
            cells(s),
            [
                "2023 年初预算 1000000000 a.txt#4", "2023 调整预算 1010000000 a.txt#4", "2023 决算 1025000000 c.txt#4",
                "2024 年初预算 1060000000 a.txt#6", "2024 执行 1090000000 b.txt#4", "2025 年初预算 1130000000 b.txt#6"
            ])
        let final = try XCTUnwrap(s.years[0].figure(.final))
        XCTAssertEqual(final.superseded.map { "\($0.stage.rawValue) \($0.text) \($0.citation.id)" }, ["执行 10.2亿元 a.txt#4"])
        // The growth beside the 决算 is the 决算's, and 2024's change is computed against it.
        XCTAssertEqual(s.years.map { $0.statedGrowth?.value }, [2.5, 6.9, 3.7])
        XCTAssertEqual(s.years.map { $0.statedGrowth?.citation.id }, ["c.txt#4", "b.txt#4", "b.txt#6"])
        XCTAssertEqual(try XCTUnwrap(s.years[1].computedGrowth), (10.9 / 10.25 - 1) * 100, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(s.years[2].computedGrowth), (11.3 / 10.9 - 1) * 100, accuracy: 1e-9)
    }

    func testYearFiltersKeepTheirYearsAndTextIsRefused() throws {
        let r = try SeriesBuilder(Self.county).series(SeriesRequest("一般公共预算收入 year:2024..2025"))
        XCTAssertEqual(r.regions.first?.years.map(\.year), [2024, 2025])
        // 2023 is not shown, but 2024's change is still against its 决算.
        XCTAssertEqual(try XCTUnwrap(r.regions.first?.years.first?.computedGrowth), (10.9 / 10.25 - 1) * 100, accuracy: 1e-9)
        XCTAssertEqual(try SeriesBuilder(Self.county).series(SeriesRequest("一般公共预算收入 region:江津")).regions.count, 0)
        XCTAssertThrowsError(try SeriesBuilder(sample).series(SeriesRequest(label: "一般公共预算收入", filters: "三保")))
        XCTAssertThrowsError(try SeriesBuilder(sample).series(SeriesRequest(label: "", filters: "region:江津")))
        XCTAssertThrowsError(try SeriesBuilder(sample).series(SeriesRequest("收入 region:江津"))) { error in
            XCTAssertEqual((error as? SearchError)?.description, "收入 names no one item; name one, such as 一般公共预算收入")
        }
    }

    func testRequestsSplitTheItemFromTheFilters() {
        XCTAssertEqual(
            SeriesRequest("一般公共预算收入 region:江津 year:2023"),
            SeriesRequest(label: "一般公共预算收入", filters: "region:江津 year:2023"))
        XCTAssertEqual(SeriesRequest("year:2023\u{3000}债务余额"), SeriesRequest(label: "债务余额", filters: "year:2023"))
    }

    func testCompareRanksEveryRegionOfTheYear() throws {
        let r = try SeriesBuilder(sample).compare(SeriesRequest("一般公共预算收入 year:2023"))
        XCTAssertEqual(
            r.rows.map {
                "\($0.rank) \($0.region) \($0.figure.stage.rawValue) \(Int64($0.figure.value)) \($0.figure.citation.id)"
            },
            ["1 江津区 执行 6796000000 002_b5c26ff8d3e05e66.txt#9", "2 解放区 执行 900740000 000_d12f06acd0fd881e.txt#10"])
        XCTAssertEqual(r.rows.map { $0.statedGrowth?.value }, [0.5, -32.3])
        let debt = try SeriesBuilder(sample).compare(SeriesRequest("债务余额 year:2023"))
        XCTAssertEqual(debt.rows.map(\.region), ["江津区", "解放区"])
        XCTAssertEqual(debt.rows.map { $0.figure.text }, ["309.06亿元", "174666万元"])
        XCTAssertEqual(try SeriesBuilder(sample).compare(SeriesRequest("一般公共预算收入 year:2025")).rows.map(\.region), ["焦作市"])
    }

    func testCompareShowsTheFinalFigureWithThePreliminaryAsANote() throws {
        let r = try SeriesBuilder(Self.county).compare(SeriesRequest("一般公共预算收入 year:2023"))
        XCTAssertEqual(r.rows.map { $0.figure.text }, ["10.25亿元"])
        XCTAssertEqual(r.rows.first?.figure.superseded.map(\.text), ["10.2亿元"])
    }

    func testCompareNeedsOneYear() {
        XCTAssertThrowsError(try SeriesBuilder(sample).compare(SeriesRequest("一般公共预算收入")))
        XCTAssertThrowsError(try SeriesBuilder(sample).compare(SeriesRequest("一般公共预算收入 year:2023..2024")))
    }
}
