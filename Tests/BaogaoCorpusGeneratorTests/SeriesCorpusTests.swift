import BaogaoCorpusGenerator
import Foundation
import XCTest

/// The multi-year corpus: an annual report and a 决算 per region and year, the
/// same for the same seed, and its figures agreeing from report to report.
/// (What the engine reads back from it is in BaogaoQueryTests' GeneratedSeriesTests.)
final class SeriesCorpusTests: XCTestCase {
    private func write(_ seed: UInt64) throws -> (String, SeriesCorpus.Truth) {
        let folder = NSTemporaryDirectory() + "baogao-series-corpus-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return (folder, try SeriesCorpus.write(to: folder, regions: 3, years: 2020...2022, seed: seed))
    }

    func testTwoReportsPerRegionAndYearTheSameForASeed() throws {
        let (folder, truth) = try write(5)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(files.count, 3 * 3 * 2)
        XCTAssertEqual(files.filter { $0.hasPrefix("f") }.count, 9)
        XCTAssertEqual(try write(5).1, truth)
        XCTAssertNotEqual(try write(6).1, truth)
    }

    func testEachYearsFiguresAreStatedWhereTheNextReportReviewsThem() throws {
        let (folder, truth) = try write(5)
        let (region, items) = try XCTUnwrap(truth.sorted { $0.key < $1.key }.first)
        let y2021 = try XCTUnwrap(items["一般公共预算收入"]?[2021])
        // The region's report whose file name ends so (files are numbered in the generator's order).
        func report(_ kind: String, _ year: Int) throws -> String {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder)
            where name.hasPrefix(kind) && name.hasSuffix("_\(year).txt") {
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                if text.hasPrefix("关于\(region)") { return text }
            }
            XCTFail("no \(kind) report of \(region) for \(year)")
            return ""
        }
        // Proposed in the report on 2021's draft, reviewed in the next one.
        let proposing = try report("a", 2021)
        let reviewing = try report("a", 2022)
        let final = try report("f", 2021)
        XCTAssertTrue(proposing.contains("一般公共预算收入预算\(y2021.budget)万元"), proposing)
        XCTAssertTrue(reviewing.contains("一般公共预算收入预算\(y2021.budget)万元，执行中调整为\(y2021.adjusted!)万元"), reviewing)
        XCTAssertTrue(final.contains("一般公共预算收入决算数为\(y2021.final!)万元"), final)
        XCTAssertEqual(items["一般公共预算收入"]?.keys.sorted(), [2020, 2021, 2022, 2023])
    }
}
