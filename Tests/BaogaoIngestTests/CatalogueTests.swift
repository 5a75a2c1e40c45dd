import XCTest

@testable import BaogaoIngest

/// The catalogue (catalog.tsv / catalog.csv): how rows are read, what a bad row says,
/// how a row overrides what the text says, and that with corpus-real's own catalogue
/// every cell it fills is what the report carries.
final class CatalogueTests: XCTestCase {
    /// One row each: the region cell → the name, code and level it resolves to.
    func testRegionCellsResolveThroughTheGazetteer() {
        let cases: [(cell: String, name: String, code: String?, level: ReportMetadata.Level?)] = [
            ("十堰市竹山县", "竹山县", "420323", .county),
            ("重庆市彭水苗族土家族自治县", "彭水苗族土家族自治县", "500243", .county),
            ("黔东南州黄平县", "黄平县", "522622", .county),
            ("贵州省", "贵州省", "520000", .province),
            ("东莞市长安镇", "长安镇", "441900", .township),
            ("宜平县", "宜平县", nil, nil)  // not in the gazetteer: kept as written, with a warning
        ]
        for c in cases {
            let cat = Catalogue(text: "file\tregion\na.txt\t\(c.cell)\n", fileName: "catalog.tsv")
            let e = cat.entries["a.txt"]
            XCTAssertEqual(e?.region, c.name, c.cell)
            XCTAssertEqual(e?.regionCode, c.code, c.cell)
            XCTAssertEqual(e?.level, c.level, c.cell)
            XCTAssertEqual(cat.warnings.isEmpty, c.code != nil, c.cell)
        }
    }

    /// Bad rows: left out with a warning naming the catalogue's line and the file.
    func testBadRowsAreNamedAndLeftOut() {
        let text = """
            file\tkind\texecution_year\tbudget_year\tlevel\tdate
            a.txt\t决算\t2020\t\t县\t2021-06-30
            b.txt\t决算\t20x0\t\t\t
            c.txt\t草稿\t\t\t\t
            \t决算\t2020\t\t\t
            a.txt\t预算报告\t2021\t2022\t\t
            d.txt\t\t\t\t村\t
            e.txt\t\t\t\t\t2021-13-01

            """
        let cat = Catalogue(text: text, fileName: "catalog.tsv")
        XCTAssertEqual(Set(cat.entries.keys), ["a.txt"])
        XCTAssertEqual(cat.entries["a.txt"]?.kind, .finalAccounts)
        XCTAssertEqual(cat.entries["a.txt"]?.date, "2021-06-30")
        let expected = [
            "catalog.tsv line 3 (b.txt): execution_year \"20x0\" is no year; row left out",
            "catalog.tsv line 4 (c.txt): kind \"草稿\" is none of 预算报告/决算/预算调整/年中/其他; row left out",
            "catalog.tsv line 5: no file named; row left out",
            "catalog.tsv line 6 (a.txt): the file is already catalogued on line 2; this row is left out",
            "catalog.tsv line 7 (d.txt): level \"村\" is none of 中央/省/市/县/乡镇; row left out",
            "catalog.tsv line 8 (e.txt): date \"2021-13-01\" is no date (yyyy-mm-dd); row left out"
        ]
        XCTAssertEqual(cat.warnings, expected)
        XCTAssertEqual(cat.unmatched(paths: ["x/a.txt", "b.txt"]), [])
        XCTAssertEqual(cat.unmatched(paths: ["b.txt"]), ["catalog.tsv line 2 (a.txt): no such report file in the corpus"])
        XCTAssertEqual(
            Catalogue(text: "name\tregion\na.txt\t贵州\n", fileName: "catalog.tsv").warnings,
            ["catalog.tsv: the header has no `file` column; the catalogue is not used"])
    }

    /// CSV as spreadsheets write it: quoted cells with commas, doubled quotes and line breaks, a BOM, CRLF.
    func testCSVCells() {
        let text =
            "\u{FEFF}file,title,source,kind\r\n\"a.txt\",\"关于X县2020年决算的报告, 书面\",\"http://x.cn/a?b=1\",决算\r\n"
            + "b.txt,\"第一行\n第二行 \"\"引\"\"\",,其他\r\n"
        let cat = Catalogue(text: text, fileName: "catalog.csv")
        XCTAssertEqual(cat.warnings, [])
        XCTAssertEqual(cat.entries["a.txt"]?.title, "关于X县2020年决算的报告, 书面")
        XCTAssertEqual(cat.entries["a.txt"]?.source, "http://x.cn/a?b=1")
        XCTAssertEqual(cat.entries["b.txt"]?.title, "第一行 第二行 \"引\"")
        XCTAssertEqual(cat.entries["b.txt"]?.line, 3)
    }

    /// What a row does to metadata read from the text: filled cells win; an empty year
    /// clears only a year the catalogue's kind says the report does not have.
    func testApplyOverridesPerField() {
        let read = ReportMetadata(
            title: "t", region: "江津区", executionYear: 2019, budgetYear: 2020,
            regionCode: "500116", level: .county, kind: .annual, period: "全年",
            sources: .init(region: .title, level: .title, kind: .title, years: .title, period: .title))
        let cases: [(row: String, check: (ReportMetadata) -> Bool, what: String)] = [
            (
                "file\tkind\texecution_year\na\t决算\t2020",
                {
                    $0.kind == .finalAccounts && $0.executionYear == 2020 && $0.budgetYear == nil
                        && $0.sources.kind == .catalogue && $0.sources.years == .catalogue && $0.sources.region == .title
                }, "决算 clears the budget year"
            ),
            (
                "file\tkind\na\t预算调整", { $0.executionYear == nil && $0.budgetYear == 2020 && $0.sources.years == .catalogue },
                "预算调整 clears the execution year"
            ),
            ("file\tbudget_year\na\t2021", { $0.executionYear == 2019 && $0.budgetYear == 2021 }, "one year, the other kept"),
            ("file\tsource\na\thttp://a.cn", { $0.source == "http://a.cn" && $0.sources.years == .title }, "source only"),
            (
                "file\tregion\tlevel\na\t贵州\t省",
                {
                    $0.region == "贵州省" && $0.regionCode == "520000" && $0.level == .province && $0.sources.level == .catalogue
                }, "region and level"
            )
        ]
        for c in cases {
            let cat = Catalogue(text: c.row, fileName: "catalog.tsv")
            var m = read
            Catalogue.apply(try! XCTUnwrap(cat.entries["a"]), to: &m)
            XCTAssertTrue(c.check(m), "\(c.what): \(m)")
        }
    }

    /// The issue's bar: with the catalogue, every cell it fills agrees — region (its
    /// last component), level, kind and both years of all 67 reports.
    func testCorpusRealWithItsCatalogueAgreesEverywhere() throws {
        let folder = CorpusRealAccuracyTests.folder.path
        let cat = try XCTUnwrap(Catalogue.load(corpus: folder))
        XCTAssertEqual(cat.warnings, [], "corpus-real's catalogue reads cleanly")
        var cells = 0
        var misses: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) {
            cells += 1
            if !ok { misses.append(what()) }
        }
        for row in try CorpusRealAccuracyTests.catalogue() {
            let m = try ReportReader.read(fileAt: folder + "/" + row.file, catalogue: cat).metadata
            let expected = row.region.replacingOccurrences(of: "(金普新区)", with: "")
            check(
                m.region.map { !$0.isEmpty && expected.hasSuffix($0) } ?? false,
                "\(row.file) region \(m.region ?? "nil") ≠ \(row.region)")
            check(m.sources.region == .catalogue, "\(row.file) region source \(m.sources.region)")
            check(m.level?.rawValue == row.level, "\(row.file) level \(m.level?.rawValue ?? "nil") ≠ \(row.level)")
            check(
                m.kind == CorpusRealAccuracyTests.kinds[row.kind], "\(row.file) kind \(String(describing: m.kind)) ≠ \(row.kind)")
            if let y = Int(row.execution) {
                check(m.executionYear == y, "\(row.file) execution \(String(describing: m.executionYear)) ≠ \(y)")
            }
            if let y = Int(row.budget) {
                check(m.budgetYear == y, "\(row.file) budget \(String(describing: m.budgetYear)) ≠ \(y)")
            }
            check(m.source?.hasPrefix("http") ?? false, "\(row.file) source \(m.source ?? "nil")")
        }
        print("with the catalogue: \(cells - misses.count)/\(cells) cells agree")
        XCTAssertEqual(cells, 67 * 5 + 54 + 38)
        XCTAssertEqual(misses, [])
    }

    /// Whatever a spreadsheet export holds — random cells, stray quotes, tabs,
    /// commas and line ends, random bytes — the catalogue is read without a
    /// crash, in both formats, and every row it keeps names a file.
    func testRandomCataloguesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            "file", "region", "kind", "execution_year", "budget_year", "source", "a.txt", "江津区", "决算",
            "2023", "20x3", "\"", "\"\"", ",", "\t", "\n", "\r\n", " ", "黔东南州黄平县", "http://x", ""
        ]
        for round in 0..<400 {
            let text: String
            if round % 4 == 0 {
                text = String(
                    decoding: (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) },
                    as: UTF8.self)
            } else {
                text =
                    "file\tregion\tkind\n"
                    + (0..<Int.random(in: 0...60, using: &rng))
                    .map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
            for name in ["catalog.tsv", "catalog.csv"] {
                let c = Catalogue(text: text, fileName: name)
                XCTAssertTrue(c.entries.keys.allSatisfy { !$0.isEmpty }, "\(name): \(text.debugDescription)")
            }
        }
    }
}
