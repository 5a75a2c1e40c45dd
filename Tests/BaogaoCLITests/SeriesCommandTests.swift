import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `baogao series` and `compare` end to end: from `series 一般公共预算收入
/// region:江津` to a chart file and a CSV a spreadsheet opens with its Chinese
/// intact, every number cited; and `--csv` on the other table commands.
final class SeriesCommandTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> BaogaoProcess.Output {
        try BaogaoProcess.run(arguments + ["--index", try TestIndex.shared().index])
    }

    func testASeriesPrintsEachStageCitedWithBarsPerYear() throws {
        let out = try run(["series", "一般公共预算收入", "region:江津"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "江津区 · 一般公共预算收入")
        XCTAssertEqual(lines[1], "  2023  执行      67.96亿元  增长0.5% (报告)  002_b5c26ff8d3e05e66.txt#9 L16")
        XCTAssertEqual(lines[2], "  2024  年初预算  68.5亿元  增长1% (报告) · +0.79% (计算)  002_b5c26ff8d3e05e66.txt#65 L72")
        // The bars start in one column whatever the label.
        let bars = lines.filter { $0.contains("█") }
        XCTAssertEqual(bars.count, 2)
        XCTAssertEqual(Set(bars.map { $0.prefix { $0 != "█" }.count }), [8])
        XCTAssertEqual(try run(["series", "没有的科目收入"]).status, 1)
    }

    func testCompareAlignsChineseRegionNamesAndCitesEachRow() throws {
        let out = try run(["compare", "债务余额", "year:2023"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let rows = out.stdout.split(separator: "\n").filter { $0.contains("█") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows[0].hasPrefix("  1. 江津区  ███"), String(rows[0]))
        XCTAssertTrue(rows[0].hasSuffix("309.06亿元 执行  002_b5c26ff8d3e05e66.txt#36 L43"), String(rows[0]))
        XCTAssertTrue(rows[1].hasPrefix("  2. 解放区  ██"), String(rows[1]))
        let noYear = try run(["compare", "债务余额"])
        XCTAssertEqual(noYear.status, 2)
        XCTAssertTrue(noYear.stderr.contains("compare needs one year"), noYear.stderr)
    }

    func testCSVAndExcelAndSVGFiles() throws {
        let csv = try run(["series", "--csv", "一般公共预算收入", "region:江津"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let records = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(records[0].hasPrefix("region,year,stage,label,value,unit,text,"), records[0])
        XCTAssertTrue(records[1].hasPrefix("江津区,2023,执行,一般公共预算收入,6796000000,元,67.96亿元,,全区,0.5,,,002_b5c26ff8d3e05e66.txt#9,"))
        let excel = try BaogaoProcess.run(["compare", "--excel", "债务余额", "year:2023", "--index", try TestIndex.shared().index])
        XCTAssertTrue(excel.stdout.hasPrefix("\u{FEFF}rank,region,year,"), excel.stdout)
        let both = try run(["series", "--json", "--csv", "债务余额"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("choose one of --json and --csv"), both.stderr)

        let svg = NSTemporaryDirectory() + "baogao-series-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: svg) }
        XCTAssertEqual(try run(["series", "一般公共预算收入", "region:江津", "--svg", svg]).status, 0)
        let drawn = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(drawn.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), drawn)
        XCTAssertEqual(drawn.components(separatedBy: "fill=\"#4a78a8\"").count - 1, 2, "a bar per year")
        XCTAssertTrue(drawn.contains(">67.96亿元 执行</text>"), drawn)
        XCTAssertTrue(drawn.contains("(002_b5c26ff8d3e05e66.txt#65 L72)"), "the sources are under the chart")
        XCTAssertTrue(XMLParser(data: Data(drawn.utf8)).parse(), "well-formed XML")
    }

    func testTheReplDrawsSeriesComparisonsAndMentionsPerRegion() throws {
        let out = try BaogaoProcess.repl(":series 一般公共预算收入 region:江津\n:compare 债务余额 year:2023\n:mentions 三保\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("江津区 · 一般公共预算收入\n  2023  执行      67.96亿元  增长0.5% (报告)"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\n  1. 江津区  ███"), out.stdout)
        // Under each year's bar, a bar per region on the same scale, the names padded alike.
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let year = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("2023  █") }, out.stdout)
        XCTAssertEqual(lines[year], "2023  ███████████████ 5")
        XCTAssertEqual(
            Array(lines[(year + 1)...(year + 2)]),
            [
                "      江津区  █████████" + String(repeating: " ", count: 21) + "  3",
                "      解放区  ██████" + String(repeating: " ", count: 24) + "  2"
            ])
    }

    func testTheOtherTablesWriteCSVWithCitations() throws {
        for (arguments, header) in [
            (["facts", "--csv", "教育", ">1亿"], "region,year,label,value,unit,kind,text,relation,scope,id,doc,title,"),
            (["search", "--csv", "三保"], "rank,score,region,year,snippet,id,doc,title,"),
            (["mentions", "--csv", "三保"], "region,year,snippet,id,doc,title,"),
            (["reports", "--csv"], "doc,title,region,region_code,level,kind,")
        ] {
            let out = try run(arguments)
            XCTAssertEqual(out.status, 0, "\(arguments): \(out.stderr)")
            XCTAssertTrue(out.stdout.hasPrefix(header), "\(arguments): \(out.stdout.prefix(200))")
            XCTAssertTrue(out.stdout.hasSuffix("\r\n"), "\(arguments)")
        }
    }
}
