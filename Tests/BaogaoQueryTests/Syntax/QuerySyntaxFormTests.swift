import BaogaoAnalysis
import XCTest

@testable import BaogaoQuery

/// Every form of the language as a row: query → tree. Trees are written as
/// `QueryNode.sExpression` (folded forms; phrases in quotes).
final class QuerySyntaxFormTests: XCTestCase {
    func testTermsAndPhrases() {
        assertParses("三保", "三保")
        assertParses("  三保  ", "三保")
        assertParses("债务风险", "债务风险")
        assertParses("三保 债务风险", "(and 三保 债务风险)")
        assertParses("AA评级", "aa评级")
        assertParses("8.57亿元", "8.57亿元")
        assertParses("GDP", "gdp")
        // A leading minus always excludes, even before a number.
        assertParses("-3480.83万元 收入", "(and (not 3480.83万元) 收入)")
        assertParses("2022-2024", "2022-2024")
        assertParses("\"政府债务余额\"", "\"政府债务余额\"")
        assertParses("“三保”", "\"三保\"")
        assertParses("「过紧日子」", "\"过紧日子\"")
        assertParses("『过紧日子』", "\"过紧日子\"")
        assertParses("\"政府  债务 \"", "\"政府 债务\"")
        assertParses("\"OR AND NOT ( ) | -\"", "\"or and not ( ) | -\"")
        assertParses("“三保”支出", "(and \"三保\" 支出)")
        assertParses("政府\"债务\"", "(and 政府 \"债务\")")
        assertParses("单位:万元", "单位:万元")
        assertParses("http://x", "http://x")
        assertParses("三保\t支出\n", "(and 三保 支出)")
        assertParses("三保\u{3000}支出", "(and 三保 支出)")
        assertParses("𠀀𠀁 三保", "(and 𠀀𠀁 三保)")
    }

    func testFolding() {
        assertParses("財政", "财政")
        assertParses("ＧＤＰ", "gdp")
        assertParses("“預算”", "\"预算\"")
        // Full-width parentheses around text without spaces or operators are text
        // (the report headings （一）, （二）); with a space inside they group.
        assertParses("（一） 收入", "(and (一) 收入)")
        assertParses("（一）全区预算执行情况", "(一)全区预算执行情况")
        assertParses("\"（一）\"", "\"(一)\"")
        assertParses("-（一） 三保", "(and (not (一)) 三保)")
        assertParses("section:（一）", "", filters: "section:(一)")
        assertParses("（（一） OR （二））", "(or (一) (二))")
        assertParses("（ 教育 ） 支出", "(and 教育 支出)")
        assertParses("(一) 收入", "(and 一 收入)")
        let q = try? parse("財政 “債務”")
        XCTAssertEqual(q?.root?.positiveTerms.map(\.original), ["財政", "債務"])
        XCTAssertEqual(q?.root?.positiveTerms.map(\.folded), ["财政", "债务"])
        XCTAssertEqual(q?.root?.positiveTerms.map(\.span), [0..<2, 3..<7])
    }

    func testBooleans() {
        assertParses("过紧日子 OR 紧日子", "(or 过紧日子 紧日子)")
        assertParses("过紧日子 | 紧日子", "(or 过紧日子 紧日子)")
        assertParses("过紧日子|紧日子", "(or 过紧日子 紧日子)")
        assertParses("a OR b OR c", "(or a b c)")
        assertParses("(a OR b) OR c", "(or a b c)")
        assertParses("a AND b", "(and a b)")
        assertParses("a b c", "(and a b c)")
        assertParses("(a b) c", "(and a b c)")
        assertParses("a b OR c d", "(or (and a b) (and c d))")
        assertParses("a AND b OR c", "(or (and a b) c)")
        assertParses("a (b OR c)", "(and a (or b c))")
        assertParses("((三保))", "三保")
        assertParses("债务 -隐性", "(and 债务 (not 隐性))")
        assertParses("债务 NOT 隐性", "(and 债务 (not 隐性))")
        assertParses("债务 NOT NOT 隐性", "(and 债务 隐性)")
        assertParses("债务 --隐性", "(and 债务 隐性)")
        assertParses("债务 -(隐性 OR 违规)", "(and 债务 (not (or 隐性 违规)))")
        assertParses("债务 -\"隐性债务\"", "(and 债务 (not \"隐性债务\"))")
        assertParses("债务 -(a -b)", "(and 债务 (not (and a (not b))))")
        assertParses("-隐性 债务", "(and (not 隐性) 债务)")
        assertParses("a -b OR c", "(or (and a (not b)) c)")
        // Lower-case operator words are text.
        assertParses("a or b", "(and a or b)")
        assertParses("a and b not c", "(and a and b not c)")
        assertParses("ORANGE NOTE", "(and orange note)")
    }

    func testNear() {
        assertParses("收入 NEAR/5 增长", "(near/5 收入 增长)")
        assertParses("收入 NEAR 增长", "(near/10 收入 增长)")
        assertParses("收入 NEAR/0 增长", "(near/0 收入 增长)")
        assertParses("\"一般公共预算\" NEAR/3 收入", "(near/3 \"一般公共预算\" 收入)")
        // NOT > NEAR > AND > OR.
        assertParses("a b NEAR/2 c d", "(and a (near/2 b c) d)")
        assertParses("a NEAR b OR c", "(or (near/10 a b) c)")
    }

    func testRangesInExpressions() {
        assertParses("教育 >1亿", "(and 教育 (range amount >100000000))")
        assertParses(">1亿", "(range amount >100000000)")
        assertParses("增长>5%", "(range 增长 percent >5)")
        assertParses("教育 -<1亿", "(and 教育 (not (range amount <100000000)))")
        assertParses("(>1亿 OR <2%) 教育", "(and (or (range amount >100000000) (range percent <2)) 教育)")
    }

    func testDocumentedExamples() {
        assertParses("（教育 OR 卫生） 支出", "(and (or 教育 卫生) 支出)")
        assertParses(
            "教育 (>1亿 OR 增长>10%) -隐性 year:2024",
            "(and 教育 (or (range amount >100000000) (range 增长 percent >10)) (not 隐性))",
            filters: "year:2024")
        assertParses("\" 政府  债务 \"", "\"政府 债务\"")
        assertParses("\"收入 OR 支出\"", "\"收入 or 支出\"")
        assertParses("注:", "注:")
        assertParses("\"a=b\"", "\"a=b\"")
        assertParses("year:2023 year:2024 region:江津", "", filters: "year:2023 year:2024 region:江津")
    }

    func testFiltersOnly() {
        assertParses("year:2023", "", filters: "year:2023")
        assertParses("year:2023 region:江津", "", filters: "year:2023 region:江津")
    }

    func testHelpers() throws {
        let q = try parse("三保 -隐性 (\"政府债务\" OR 收入 NEAR/3 增长) >1亿")
        XCTAssertEqual(q.root?.positiveTerms.map(\.folded), ["三保", "政府债务", "收入", "增长"])
        XCTAssertEqual(q.root?.positiveRanges.map(\.original), [">1亿"])
        XCTAssertEqual(q.root?.isPositive, true)
        XCTAssertEqual(try parse("year:2024 -隐性").root?.isPositive, false)
    }

    func testRealAnalyzerFoldsTermsLikeDocumentText() throws {
        let analyzer = BaogaoAnalysis.Analyzer()
        let q = try QueryParser.parse("財政 “債務 余額” ＧＤＰ region:江津區", analyzer: analyzer)
        for t in (q.root?.positiveTerms ?? []) + q.filters.regions where !t.original.contains(" ") {
            XCTAssertEqual(t.folded, analyzer.normalize(t.original).string)
        }
        XCTAssertEqual(q.root?.positiveTerms.count, 3)
    }

    func testHelpTextIsCompact() {
        let lines = QueryLanguageHelp.text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThanOrEqual(lines.count, 40)
        for line in lines {
            XCTAssertLessThanOrEqual(
                line.unicodeScalars.map(QuerySyntaxError.displayWidth).reduce(0, +), 80,
                String(line))
        }
        // Every example the help shows parses.
        for example in [
            "三保", "教育 卫生", "\"政府债务余额\"", "债务 -隐性", "债务 NOT 隐性", "过紧日子 OR 紧日子",
            "过紧日子 | 紧日子", "收入 NEAR/5 增长", "(教育 OR 卫生) 支出", "year:2022..2024",
            "region:解放区", "doc:002", "section:\"预算执行\"", "year:2023 year:2024", "单位:万元",
            ">1亿", ">=5000万元", "<2%", "<=3%", "1亿..10亿", "1000万元..1亿元", "=20160万元",
            "下降>10%", "教育 >1亿 year:2024", ">100", "year:2024 -隐性", "＞1亿", "5％..8％"
        ] {
            XCTAssertNoThrow(try parse(example), example)
        }
        for example in [
            "三保", "\"政府债务余额\"", "债务 -隐性", "过紧日子 OR 紧日子", "收入 NEAR/5 增长",
            "year:2024", "region:解放区", "教育 >1亿 year:2024", "增长>5%"
        ] {
            XCTAssertTrue(QueryLanguageHelp.text.contains(example), example)
        }
    }
}
