import XCTest

@testable import BaogaoQuery

final class QuerySyntaxFilterTests: XCTestCase {
    func testFilterForms() {
        assertParses("三保 year:2023", "三保", filters: "year:2023")
        assertParses("year:2022..2024 三保", "三保", filters: "year:2022..2024")
        assertParses("year:2024年", "", filters: "year:2024")
        assertParses("year:2022年..2024年", "", filters: "year:2022..2024")
        assertParses("year：２０２４", "", filters: "year:2024")
        assertParses("Year:2024 YEAR:2023", "", filters: "year:2024 year:2023")
        assertParses("year:\"2024\"", "", filters: "year:2024")
        assertParses("region:江津 三保", "三保", filters: "region:江津")
        assertParses("region:江津區", "", filters: "region:江津区")
        assertParses("doc:002_b5c 三保", "三保", filters: "doc:002_b5c")
        assertParses("section:\"预算执行\" 三保", "三保", filters: "section:预算执行")
        assertParses("section:“预算 执行”", "", filters: "section:预算 执行")
        assertParses(
            "section:预算执行 region:解放区 year:2024 doc:000",
            "", filters: "year:2024 region:解放区 doc:000 section:预算执行")
    }

    func testFiltersApplyToTheWholeQueryWhereverWritten() {
        assertParses("year:2024 教育 OR 卫生", "(or 教育 卫生)", filters: "year:2024")
        assertParses("教育 OR 卫生 year:2024", "(or 教育 卫生)", filters: "year:2024")
        assertParses("教育 AND year:2024", "教育", filters: "year:2024")
        assertParses("year:2024 (教育 OR 卫生)", "(or 教育 卫生)", filters: "year:2024")
    }

    func testNegativeQueriesNeedAFilter() {
        assertParses("year:2024 -隐性", "(not 隐性)", filters: "year:2024")
        assertParses("region:江津 -隐性 -违规", "(and (not 隐性) (not 违规))", filters: "region:江津")
    }

    func testFilterSpansAndOriginals() throws {
        let q = try parse("三保 section:“預算 执行”")
        XCTAssertEqual(q.filters.sections.first?.original, "預算 执行")
        XCTAssertEqual(q.filters.sections.first?.folded, "预算 执行")
        XCTAssertEqual(q.filters.sections.first?.span, 3..<18)
    }

    func testUnknownPrefixesAreText() {
        assertParses("单位:万元", "单位:万元")
        assertParses("单位：万元", "单位:万元")
        assertParses("years:2024", "years:2024")
        assertParses("xyear:2024", "xyear:2024")
    }

    func testFilterErrors() {
        assertError("year:", .emptyFilterValue(filter: "year"), at: 5)
        assertError("三保 region: 江津", .emptyFilterValue(filter: "region"), at: 10)
        assertError("section:\"\"", .emptyFilterValue(filter: "section"), at: 9)
        assertError("section:\"  \"", .emptyFilterValue(filter: "section"), at: 9)
        assertError("section:\"预算", .unterminatedPhrase(quote: "\""), at: 8)
        assertError("year:24", .badYear("24"), at: 5)
        assertError("year:二〇二四", .badYear("二〇二四"), at: 5)
        assertError("year:1800", .badYear("1800"), at: 5)
        assertError("year:2022-2024", .badYear("2022-2024"), at: 5)
        assertError("year:2022..", .badYear("2022.."), at: 5)
        assertError("year:2024..2022", .badRange, at: 5)
        assertError("(year:2024 三保)", .filterInsideParentheses(filter: "year"), at: 1)
        assertError("三保 -year:2024", .filterAsOperand(filter: "year", operator: "-"), at: 4)
        assertError("三保 NOT region:江津", .filterAsOperand(filter: "region", operator: "NOT"), at: 7)
        assertError("三保 OR year:2024", .filterAsOperand(filter: "year", operator: "OR"), at: 6)
        assertError("year:2024 OR 三保", .filterAsOperand(filter: "year", operator: "OR"), at: 0)
        assertError("三保 | year:2024", .filterAsOperand(filter: "year", operator: "|"), at: 5)
        assertError("三保 NEAR year:2024", .filterAsOperand(filter: "year", operator: "NEAR"), at: 8)
    }
}

/// `kind:` and `level:` read the catalogue's words and their variants; others are errors.
final class ReportKindLevelSyntaxTests: XCTestCase {
    func testKindAndLevelWords() throws {
        let cases: [(query: String, kinds: [String], levels: [String])] = [
            ("kind:决算", ["final-accounts"], []),
            ("kind:预算报告 kind:年中", ["annual", "mid-year"], []),
            ("kind:adjustment level:县", ["adjustment"], ["县"]),
            ("level:县级 三保", [], ["县"]),
            ("level:镇", [], ["乡镇"]),
            ("Kind:其他", ["other"], [])
        ]
        for c in cases {
            let q = try parse(c.query)
            XCTAssertEqual(q.filters.kinds.map(\.kind.rawValue), c.kinds, c.query)
            XCTAssertEqual(q.filters.levels.map(\.level.rawValue), c.levels, c.query)
            XCTAssertFalse(q.filters.isEmpty)
        }
        assertParses("kind:决算 level:县 三保", "三保", filters: "kind:决算 level:县")
    }

    func testUnknownKindOrLevel() {
        assertError("kind:草稿", .unknownKind("草稿"), at: 5)
        assertError("三保 level:村", .unknownLevel("村"), at: 9)
        assertError("kind:", .emptyFilterValue(filter: "kind"), at: 5)
    }
}
