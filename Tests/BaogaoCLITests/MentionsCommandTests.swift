import Foundation
import XCTest

/// `baogao mentions` lists the first ten reports of each year and counts the
/// rest; `--all` and `--json` give every one.
final class MentionsCommandTests: XCTestCase {
    func testEachYearListsTenReportsUnlessAllAreAskedFor() throws {
        // Twelve copies of one report: twelve reports mentioning 三保 in the same years.
        let index = try TestIndex.variants(of: 12, name: "mentions-reports") { n, text in text + "\n第\(n)份。\n" }.index

        let all = try BaogaoProcess.run(["mentions", "--all", "--index", index, "三保"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let short = try BaogaoProcess.run(["mentions", "--index", index, "三保"])
        XCTAssertEqual(short.status, 0, short.stderr)
        func reportLines(_ s: String) -> [Substring] { s.split(separator: "\n").filter { $0.hasPrefix("  江津区 (") } }
        let years = short.stdout.split(separator: "\n").filter { $0.contains("年 — ") }
        XCTAssertFalse(years.isEmpty, short.stdout)
        XCTAssertEqual(reportLines(all.stdout).count, 12 * years.count, all.stdout)
        XCTAssertEqual(reportLines(short.stdout).count, 10 * years.count, short.stdout)
        let more = short.stdout.split(separator: "\n").filter { $0.hasPrefix("  … and 2 more reports (") }
        XCTAssertEqual(more.count, years.count, short.stdout)
        XCTAssertFalse(all.stdout.contains("… and"), all.stdout)
        // The total is the same either way.
        XCTAssertEqual(
            all.stdout.split(separator: "\n").last?.split(separator: " ").first,
            short.stdout.split(separator: "\n").last?.split(separator: " ").first)

        let json = try BaogaoProcess.run(["mentions", "--json", "--index", index, "三保"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let byYear = try XCTUnwrap(object["by_year"] as? [[String: Any]])
        XCTAssertTrue(byYear.allSatisfy { ($0["reports"] as? [Any])?.count == 12 }, "JSON lists every report")
    }
}
