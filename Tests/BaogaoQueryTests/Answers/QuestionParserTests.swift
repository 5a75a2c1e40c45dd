import XCTest

@testable import BaogaoQuery

/// The parser as a table: question → year, region, scope, metric, stage, label
/// (or term, or list threshold).
final class QuestionParserTests: XCTestCase {
    let regions = ["解放区", "江津区", "焦作市"]

    struct Case {
        var question: String
        var year: Question.YearRef?
        var region: String?
        var scope: String?
        var metric: Question.Metric = .amount
        var stage: Question.Stage?
        var label: String?
        var line: UInt = #line
    }

    func testValueQuestions() {
        let cases: [Case] = [
            Case(question: "2023年江津区一般公共预算收入是多少?", year: .year(2023), region: "江津区", label: "一般公共预算收入"),
            Case(question: "江津2023年全区一般公共预算收入是多少", year: .year(2023), region: "江津区", scope: "全区", label: "一般公共预算收入"),
            Case(question: "重庆市江津区2023年区级教育支出是多少", year: .year(2023), region: "江津区", scope: "区级", label: "教育支出"),
            Case(question: "江津区2023年教育支出增长了多少", year: .year(2023), region: "江津区", metric: .growth, label: "教育支出"),
            Case(question: "解放区2023年一般公共预算收入同比下降了多少", year: .year(2023), region: "解放区", metric: .growth, label: "一般公共预算收入"),
            Case(question: "江津区2023年一般公共预算收入为预算的百分之多少", year: .year(2023), region: "江津区", metric: .completion, label: "一般公共预算收入"),
            Case(question: "焦作市2025年民生领域支出占一般公共预算支出的比重是多少", year: .year(2025), region: "焦作市", metric: .share, label: "民生领域支出"),
            Case(question: "解放区2023年一般公共预算收入预算是多少", year: .year(2023), region: "解放区", stage: .budget, label: "一般公共预算收入"),
            Case(question: "解放区2023年一般公共预算收入调整后是多少", year: .year(2023), region: "解放区", stage: .adjusted, label: "一般公共预算收入"),
            Case(question: "解放区2024年一般公共预算收入预计完成多少", year: .year(2024), region: "解放区", stage: .planned, label: "一般公共预算收入"),
            Case(question: "江津区今年一般公共预算支出安排多少", year: .current, region: "江津区", stage: .planned, label: "一般公共预算支出"),
            Case(question: "焦作市上年一般公共预算支出是多少", year: .previous, region: "焦作市", label: "一般公共预算支出"),
            Case(question: "2023年末江津区政府债务余额是多少", year: .year(2023), region: "江津区", label: "政府债务余额"),
            Case(question: "焦作市2025年市级专项债务余额", year: .year(2025), region: "焦作市", scope: "市级", label: "专项债务余额"),
            // A region's suffix followed by 级 is a scope word: 焦作 + 市级, not 焦作市 + a stray 级.
            Case(question: "焦作市级一般公共预算收入是多少", region: "焦作市", scope: "市级", label: "一般公共预算收入"),
            Case(question: "2025年焦作市本级一般公共预算支出是多少", year: .year(2025), region: "焦作市", scope: "市本级", label: "一般公共预算支出"),
            Case(question: "江津区级政府债务余额", region: "江津区", scope: "区级", label: "政府债务余额"),
            Case(question: "国有资本经营预算收入是多少", label: "国有资本经营预算收入"),
            Case(question: "焦作市2025年一般公共预算收入调整为多少", year: .year(2025), region: "焦作市", stage: .adjusted, label: "一般公共预算收入"),
            Case(question: "2023年江津区一般公共预算收入是多少亿元", year: .year(2023), region: "江津区", label: "一般公共预算收入"),
            Case(question: "焦作市2025年新增高新技术企业多少家", year: .year(2025), region: "焦作市", metric: .count, label: "新增高新技术企业")
        ]
        for c in cases {
            let q = QuestionParser.parse(c.question, regions: regions)
            XCTAssertEqual(q.form, .value, c.question, line: c.line)
            XCTAssertEqual(q.year, c.year, c.question, line: c.line)
            XCTAssertEqual(q.region, c.region, c.question, line: c.line)
            XCTAssertEqual(q.scope, c.scope, c.question, line: c.line)
            XCTAssertEqual(q.metric, c.metric, c.question, line: c.line)
            XCTAssertEqual(q.stage, c.stage, c.question, line: c.line)
            XCTAssertEqual(q.label, c.label, c.question, line: c.line)
        }
    }

    /// Regions through the gazetteer: short forms, parents written before a region,
    /// and places the index has no report of (by their official name).
    func testRegionsThroughTheGazetteer() {
        let indexRegions = [
            IndexRegion(name: "江津区", code: "500116"), IndexRegion(name: "焦作市", code: "410800"),
            IndexRegion(name: "解放区", code: "410802"), IndexRegion(name: "新疆维吾尔自治区", code: "650000"),
            IndexRegion(name: "南开区", code: "120104"), IndexRegion(name: "天津市", code: "120000"),
            // A new area named after its city, with the city's code (as metadata reads it).
            IndexRegion(name: "青岛西海岸新区", code: "370200")
        ]
        let table: [(String, String?, String?, String?)] = [
            // question, region, unknown place, label
            ("西海岸新区2021年全区一般公共预算收入完成多少", "青岛西海岸新区", nil, "一般公共预算收入"),
            ("青岛西海岸新区2021年税收收入是多少", "青岛西海岸新区", nil, "税收收入"),
            ("新疆2020年一般公共预算收入是多少", "新疆维吾尔自治区", nil, "一般公共预算收入"),
            ("重庆江津2023年教育支出是多少", "江津区", nil, "教育支出"),
            ("重庆市江津区2023年教育支出是多少", "江津区", nil, "教育支出"),
            ("河南省焦作市2025年教育支出是多少", "焦作市", nil, "教育支出"),
            ("天津市南开区2023年教育支出是多少", "南开区", nil, "教育支出"),
            // A province's own reports, not a district's: 重庆 has none here.
            ("重庆2023年一般公共预算收入是多少", nil, "重庆市", "一般公共预算收入"),
            ("黔东南州2023年教育支出是多少", nil, "黔东南苗族侗族自治州", "教育支出"),
            ("2023年巫溪县一般公共预算收入是多少", nil, "巫溪县", "一般公共预算收入"),
            // 全州 is a scope word here, not 广西's 全州县.
            ("全州一般公共预算收入是多少", nil, nil, "一般公共预算收入")
        ]
        for (question, region, unknown, label) in table {
            let q = QuestionParser.parse(question, indexRegions: indexRegions)
            XCTAssertEqual(q.region, region, question)
            XCTAssertEqual(q.unknownRegion, unknown, question)
            XCTAssertEqual(q.label, label, question)
        }
        let chongqing = QuestionParser.parse("重庆2023年教育支出是多少", indexRegions: indexRegions)
        XCTAssertEqual(chongqing.regionsInside, ["江津区"])
        // A list over the regions inside a place reads them instead of refusing.
        let list = QuestionParser.parse("重庆哪些地区的教育支出超过10亿元", indexRegions: indexRegions)
        XCTAssertNil(list.unknownRegion)
        XCTAssertEqual(list.regionsInside, ["江津区"])
    }

    /// Periods, comparisons, counts, two parts and Chinese numerals.
    func testQuestionForms() {
        struct Form {
            var question: String
            var year: Question.YearRef?
            var period: Question.Period?
            var metric: Question.Metric = .amount
            var stage: Question.Stage?
            var label: String?
            var parts: [String] = []
            var countUnit: String?
        }
        let table: [Form] = [
            Form(question: "新疆2020年上半年一般公共预算收入是多少", year: .year(2020), period: .months(1, 6), label: "一般公共预算收入"),
            Form(question: "2022年1—7月江津区一般公共预算收入多少", year: .year(2022), period: .months(1, 7), label: "一般公共预算收入"),
            Form(question: "江津区2022年1-6月税收收入是多少", year: .year(2022), period: .months(1, 6), label: "税收收入"),
            Form(question: "江津区2022年一季度税收收入是多少", year: .year(2022), period: .months(1, 3), label: "税收收入"),
            Form(question: "江津区2022年前三季度税收收入是多少", year: .year(2022), period: .months(1, 9), label: "税收收入"),
            Form(question: "截至2023年底江津区政府债务余额合计多少", year: .year(2023), period: .yearEnd, label: "政府债务余额"),
            Form(question: "江津区2020年截至10月底区级税收收入完成多少", year: .year(2020), period: .months(1, 10), stage: .actual, label: "税收收入"),
            Form(question: "江津区截至2021年6月30日政府债务限额为多少", year: .year(2021), period: .months(1, 6), label: "政府债务限额"),
            Form(question: "解放区2023年社会保险基金年末滚存结余是多少", year: .year(2023), period: .yearEnd, label: "社会保险基金滚存结余"),
            Form(question: "解放区2020年上半年组织财政收入累计完成多少", year: .year(2020), period: .months(1, 6), stage: .actual, label: "组织财政收入"),
            Form(question: "江津区2023年一般公共预算支出比上年变化多少", year: .year(2023), metric: .change, label: "一般公共预算支出"),
            Form(question: "江津区2023年税收收入同比增减多少", year: .year(2023), metric: .change, label: "税收收入"),
            Form(question: "祁阳县2019年地方收入超收多少", year: .year(2019), metric: .overBudget, label: "地方收入"),
            Form(question: "祁阳县2019年地方收入比年初预算超收了多少", year: .year(2019), metric: .overBudget, label: "地方收入"),
            Form(question: "江津区2023年税收收入较预算短收多少", year: .year(2023), metric: .overBudget, label: "税收收入"),
            Form(question: "祁阳县2019年一般公共预算收入较上年增加多少", year: .year(2019), metric: .amountChange, label: "一般公共预算收入"),
            Form(question: "江津区2020年财政总收入占GDP的比重比上年提高多少", year: .year(2020), metric: .pointChange, label: "财政总收入"),
            Form(question: "江津区2023年政府性基金收入比上年同期增收多少", year: .year(2023), metric: .amountChange, label: "政府性基金收入"),
            Form(question: "江津区2023年一般公共预算支出完成年度调整预算的百分之多少", year: .year(2023), metric: .completion, label: "一般公共预算支出"),
            Form(
                question: "江津区2022年调整后的一般公共预算总收入预算是多少", year: .year(2022), stage: .adjusted,
                label: "一般公共预算总收入"),
            Form(question: "江津区2023年非税收入完成预算的比例是多少", year: .year(2023), metric: .completion, label: "非税收入"),
            // 年初 before a budget word is the budget, not the start of the year.
            Form(question: "乌审旗2022年公共财政预算支出年初安排多少", year: .year(2022), stage: .budget, label: "公共财政预算支出"),
            Form(question: "吴忠市2021年一般公共预算全口径收入年初批准数是多少", year: .year(2021), stage: .budget, label: "一般公共预算全口径收入"),
            Form(question: "靖边县2021年年初预算可支配财力是多少", year: .year(2021), stage: .budget, label: "可支配财力"),
            Form(question: "上杭县2022年一般公共预算总收入年初预期目标是多少", year: .year(2022), stage: .budget, label: "一般公共预算总收入"),
            Form(question: "江津区2023年非税收入完成预算的百分之几", year: .year(2023), metric: .completion, label: "非税收入"),
            Form(question: "东昌府区2021年一般公共预算收入完成年度预算的百分之多少", year: .year(2021), metric: .completion, label: "一般公共预算收入"),
            Form(question: "江津区2023年税收收入占一般公共预算收入的比重是多少", year: .year(2023), metric: .share, label: "税收收入"),
            Form(question: "2023年中欧班列开行多少列", year: .year(2023), metric: .count, label: "中欧班列开行", countUnit: "列"),
            Form(question: "江津区2023年新增市场主体多少个", year: .year(2023), metric: .count, label: "新增市场主体"),
            Form(question: "焦作市2025年实施项目多少项", year: .year(2025), metric: .count, label: "实施项目", countUnit: "项"),
            Form(
                question: "江津区2023年一般公共预算收入和支出分别是多少", year: .year(2023), label: "一般公共预算收入",
                parts: ["一般公共预算收入", "一般公共预算支出"]),
            Form(
                question: "江津区2023年政府债务限额和余额分别是多少", year: .year(2023), label: "政府债务限额",
                parts: ["政府债务限额", "政府债务余额"]),
            Form(
                question: "江津区2023年一般债务和专项债务余额分别是多少", year: .year(2023), label: "一般债务余额",
                parts: ["一般债务余额", "专项债务余额"]),
            Form(
                question: "江津区2023年社会保障和就业支出和卫生健康支出分别是多少", year: .year(2023), label: "社会保障和就业支出",
                parts: ["社会保障和就业支出", "卫生健康支出"]),
            // 和 inside one name, without 分别, is one figure.
            Form(question: "江津区2023年社会保障和就业支出是多少", year: .year(2023), label: "社会保障和就业支出")
        ]
        for f in table {
            let q = QuestionParser.parse(f.question, regions: regions + ["东昌府区", "祁阳县"])
            XCTAssertEqual(q.form, .value, f.question)
            XCTAssertEqual(q.year, f.year, f.question)
            XCTAssertEqual(q.period, f.period, f.question)
            XCTAssertEqual(q.metric, f.metric, f.question)
            XCTAssertEqual(q.stage, f.stage, f.question)
            XCTAssertEqual(q.label, f.label, f.question)
            XCTAssertEqual(q.parts, f.parts, f.question)
            XCTAssertEqual(q.countUnit, f.countUnit, f.question)
        }
    }

    /// A comparison with a figure the question names: the metric, and the reference the
    /// figure's statement must name too; the previous year or the budget in general
    /// need no reference.
    func testNamedComparisons() {
        let table: [(String, Question.Metric, String?, String)] = [
            ("竹山县2020年一般公共预算收入比2019年决算数增长多少", .growth, "2019年决算数", "一般公共预算收入"),
            ("彭水县2021年总财力比中期调整预算调增多少", .overBudget, "中期调整预算", "总财力"),
            ("竹山县2020年一般公共预算收入比报告数增加多少", .amountChange, "报告数", "一般公共预算收入"),
            ("上城区2021年财政总收入完成收入预期的百分之多少", .completion, nil, "财政总收入"),
            ("江津区2023年税收收入比上年增长多少", .growth, nil, "税收收入"),
            ("祁阳县2019年地方收入比年初预算超收了多少", .overBudget, nil, "地方收入")
        ]
        for (question, metric, reference, label) in table {
            guard case .figure(let q) = QuestionParser.parse(question, regions: regions) else {
                XCTFail(question)
                continue
            }
            XCTAssertEqual(q.metric, metric, question)
            XCTAssertEqual(q.reference, reference, question)
            XCTAssertEqual(q.label, label, question)
        }
    }

    /// Two scopes asked at once: one figure per scope, the same item.
    func testTwoScopesAtOnce() {
        guard case .figures(let parts) = QuestionParser.parse("东昌府区2021年全区和区本级一般公共预算收入分别是多少", regions: ["东昌府区"])
        else { return XCTFail("two figures") }
        XCTAssertEqual(parts.map(\.within.scope), ["全区", "区本级"])
        XCTAssertEqual(parts.map(\.label), ["一般公共预算收入", "一般公共预算收入"])
        XCTAssertEqual(parts.map(\.within.region), ["东昌府区", "东昌府区"])
    }

    func testChineseNumerals() {
        let table: [(String, String)] = [
            ("哪些地区的教育支出超过十亿元", ">10亿元"),
            ("哪些地区的政府债务余额超过一百亿", ">100亿元"),
            ("解放区2024年哪些支出科目超过五千万元", ">5000万元"),
            ("解放区2024年哪些支出科目低于一千五百万元", "<1500万元"),
            ("江津区2023年哪些支出增长超过百分之十", "增长>10%")
        ]
        for (question, range) in table {
            XCTAssertEqual(QuestionParser.parse(question, regions: regions).range, range, question)
        }
        // Words holding numerals stay words.
        XCTAssertEqual(ChineseNumerals.arabic(in: "一般公共预算“三保”支出十四五一季度"), "一般公共预算“三保”支出十四五一季度")
        XCTAssertEqual(ChineseNumerals.arabic(in: "新增两千家企业"), "新增2000家企业")
    }

    func testUnknownPlaces() {
        XCTAssertEqual(QuestionParser.parse("北京市2023年一般公共预算收入是多少", regions: regions).unknownRegion, "北京市")
        // The deepest place named is the one asked about.
        XCTAssertEqual(QuestionParser.parse("上海市浦东新区2024年教育支出是多少", regions: regions).unknownRegion, "浦东新区")
        // Words ending in 区 that are items, not places.
        XCTAssertNil(QuestionParser.parse("2023年城乡社区支出是多少", regions: regions).unknownRegion)
        XCTAssertNil(QuestionParser.parse("重庆市江津区2023年教育支出是多少", regions: regions).unknownRegion)
    }

    func testListQuestions() {
        let table: [(String, String?, String?, Question.YearRef?)] = [
            ("解放区2024年哪些支出科目超过1亿元", ">1亿元", "支出", .year(2024)),
            ("2023年哪些支出比上年下降了", "下降>0%", "支出", .year(2023)),
            ("增幅超过10%的科目有哪些", "增长>10%", nil, nil),
            ("解放区2024年哪些支出科目在1000万元到1亿元之间", "1000万元..1亿元", "支出", .year(2024)),
            ("哪些支出科目低于2亿元", "<2亿元", "支出", nil),
            ("哪些支出降幅超过5%", "下降>5%", "支出", nil),
            ("哪些支出科目不低于500万", ">=500万元", "支出", nil),
            ("哪些收入1亿元以上", ">1亿元", "收入", nil)
        ]
        for (question, range, kind, year) in table {
            let q = QuestionParser.parse(question, regions: regions)
            XCTAssertEqual(q.form, .list, question)
            XCTAssertEqual(q.range, range, question)
            XCTAssertEqual(q.itemKind, kind, question)
            XCTAssertEqual(q.year, year, question)
        }
        XCTAssertEqual(QuestionParser.parse("江津区2023年一般公共预算哪些支出科目低于2亿元", regions: regions).budget, "一般公共预算")
    }

    /// `X中哪些…`: the parts of one figure, not the lines of the report.
    func testAListQuestionMayAskForThePartsOfOneFigure() {
        let q = QuestionParser.parse("中江县2019年一般公共预算收入总量中哪些收入超过5亿元", regions: ["中江县"])
        XCTAssertEqual(q.form, .list)
        XCTAssertEqual(q.whole, "一般公共预算收入总量")
        XCTAssertNil(q.label)
        XCTAssertEqual(q.itemKind, "收入")
        XCTAssertEqual(q.range, ">5亿元")
        XCTAssertEqual(
            QuestionParser.parse("咸安区2020年争取的中央支持湖北一揽子政策资金中哪些超过1亿元", regions: ["咸安区"]).whole,
            "中央支持湖北一揽子政策资金")
        XCTAssertEqual(QuestionParser.parse("吴忠市2021年新增一般债务安排中哪些项目超过1000万元", regions: ["吴忠市"]).whole, "新增一般债务")
        XCTAssertNil(QuestionParser.parse("解放区2024年哪些支出科目超过1亿元", regions: ["解放区"]).whole)
    }

    func testAListQuestionMayNameOneLine() {
        let table: [(String, String?)] = [
            ("哪些地区的教育支出超过10亿元", "教育支出"),
            ("哪些地区教育支出超过10亿元", "教育支出"),
            ("教育支出超过10亿元的地区有哪些", "教育支出"),
            ("社会保障和就业支出超过20亿元的有哪些", "社会保障和就业支出"),
            ("2023年哪些地区的农林水支出比上年下降了", "农林水支出"),
            // A kind of line, not one line.
            ("解放区2024年哪些支出科目超过1亿元", nil),
            ("2023年哪些支出比上年下降了", nil),
            ("江津区2023年一般公共预算哪些支出科目低于2亿元", nil),
            ("增幅超过10%的科目有哪些", nil),
            // A named total or balance is one figure too, compared across regions (issue 14:
            // these were read as questions about every budget line, and found none).
            ("哪些地区的一般公共预算支出超过100亿元", "一般公共预算支出"),
            ("哪些地区的政府债务余额超过100亿元", "政府债务余额")
        ]
        for (question, item) in table {
            let q = QuestionParser.parse(question, regions: regions)
            XCTAssertEqual(q.form, .list, question)
            XCTAssertEqual(q.label, item, question)
        }
    }

    func testDefinitionQuestions() {
        let table: [(String, String)] = [
            ("什么是三保", "三保"),
            ("什么是“三保”", "三保"),
            ("预算稳定调节基金是什么意思", "预算稳定调节基金"),
            ("“三公”经费是什么", "三公经费"),
            ("何谓“三资”", "三资"),
            ("政府债务是指什么", "政府债务"),
            ("零基预算的含义", "零基预算"),
            // A quoted term before the ending is the term, a year in it included.
            ("永川区决算报告里的“2024年执行数”是指什么", "2024年执行数"),
            ("播州区预算报告中说的“预算”指什么", "预算")
        ]
        for (question, term) in table {
            let q = QuestionParser.parse(question, regions: regions)
            XCTAssertEqual(q.form, .definition, question)
            XCTAssertEqual(q.term, term, question)
        }
        // A figure question, or one with a year, is never a definition question.
        XCTAssertEqual(QuestionParser.parse("教育支出是多少", regions: regions).form, .value)
        XCTAssertEqual(QuestionParser.parse("2023年江津区一般公共预算收入是什么", regions: regions).form, .value)
    }
}
