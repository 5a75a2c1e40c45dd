import BaogaoAnalysis
import BaogaoIngest
import XCTest

/// Table-driven tests, one table per rule: input text → expected facts
/// (text, value, kind, label, relation). `nil` label/relation means "must be nil";
/// `.any` skips the check.
final class NumberExtractorTests: XCTestCase {
    enum Check: Equatable {
        case any
        case be(String?)
    }

    struct Want {
        var text: String
        var value: Double
        var kind: NumberFact.Kind
        var label: Check = .any
        var relation: Check = .any
    }

    static func facts(
        _ text: String, year: Int? = nil, section: [String] = [],
        report: ReportMetadata = ReportMetadata(title: "t")
    ) -> [NumberFact] {
        let p = Paragraph(number: 1, text: text, section: section, firstLine: 1, lastLine: 1, year: year)
        return NumberExtractor.facts(in: p, report: report)
    }

    func check(_ text: String, _ wants: [Want], file: StaticString = #filePath, line: UInt = #line) {
        Self.check(text, wants, file: file, line: line)
    }

    /// The facts of `text` are exactly `wants`, in order: text, value and kind always,
    /// label and relation where a `Want` names them. Shared with `NumberRealSentenceTests`.
    static func check(_ text: String, _ wants: [Want], file: StaticString = #filePath, line: UInt = #line) {
        let got = facts(text)
        XCTAssertEqual(got.map(\.text), wants.map(\.text), "texts of: \(text)", file: file, line: line)
        for (f, w) in zip(got, wants) where f.text == w.text {
            XCTAssertEqual(
                f.value, w.value, accuracy: max(1e-9, abs(w.value) * 1e-12), "\(w.text) in \(text)", file: file, line: line)
            XCTAssertEqual(f.kind, w.kind, "\(w.text) in \(text)", file: file, line: line)
            if case .be(let l) = w.label { XCTAssertEqual(f.label, l, "label of \(w.text) in \(text)", file: file, line: line) }
            if case .be(let r) = w.relation {
                XCTAssertEqual(f.relation, r, "relation of \(w.text) in \(text)", file: file, line: line)
            }
        }
    }

    func testNumberUnitsAndFormats() {
        let table: [(String, [Want])] = [
            ("教育支出 22960万元", [Want(text: "22960万元", value: 229_600_000, kind: .amount, label: .be("教育支出"))]),
            ("收入1,564万元", [Want(text: "1,564万元", value: 15_640_000, kind: .amount)]),
            ("预算 141050 万元", [Want(text: "141050 万元", value: 1_410_500_000, kind: .amount)]),
            ("支付 8.57亿元", [Want(text: "8.57亿元", value: 857_000_000, kind: .amount)]),
            ("规模 1.2万亿元", [Want(text: "1.2万亿元", value: 1.2e12, kind: .amount)]),
            ("经费 350千元", [Want(text: "350千元", value: 350_000, kind: .amount)]),
            ("资金 3.5百万元", [Want(text: "3.5百万元", value: 3_500_000, kind: .amount)]),
            ("补助 670元", [Want(text: "670元", value: 670, kind: .amount)]),
            ("支出２２９６０万元", [Want(text: "２２９６０万元", value: 229_600_000, kind: .amount)]),
            ("收入８．５７亿元", [Want(text: "８．５７亿元", value: 857_000_000, kind: .amount)]),
            ("增长５．１％", [Want(text: "５．１％", value: 5.1, kind: .percent)]),
            ("结余-3480.83万元", [Want(text: "-3480.83万元", value: -34_808_300, kind: .amount)]),
            ("转移支付34.39元", [Want(text: "34.39元", value: 34.39, kind: .amount, label: .be("转移支付"))]),
            ("收入 62.22 亿 元", [Want(text: "62.22 亿 元", value: 6_222_000_000, kind: .amount)]),
            ("一般性转移支付 8.57\n亿元", [Want(text: "8.57\n亿元", value: 857_000_000, kind: .amount, label: .be("一般性转移支付"))])
        ]
        for (text, wants) in table { check(text, wants) }
    }

    func testNumberApproximations() {
        let table: [(String, String, Double, String)] = [
            ("全区累计在民生领域投入约9.16亿元", "9.16亿元", 916_000_000, "约"),
            ("带动消费超10亿元", "10亿元", 1e9, "超"),
            ("项目投资10亿元以上", "10亿元", 1e9, "以上"),
            ("收入增长1%左右", "1%", 1, "左右"),
            ("惠及企业5000余家", "5000余家", 5000, "余"),
            ("惠及农户32万余户", "32万余户", 320_000, "余"),
            ("惠及近 4 万户家庭", "4 万户", 40_000, "近"),
            ("安排资金2000余万元", "2000余万元", 20_000_000, "余"),
            ("带动投资10多亿元", "10多亿元", 1e9, "多")
        ]
        for (text, number, value, qualifier) in table {
            let f = Self.facts(text)
            XCTAssertEqual(f.map(\.text), [number], text)
            XCTAssertEqual(f.first?.value ?? .nan, value, accuracy: 1e-6, text)
            XCTAssertEqual(f.first?.approximate, true, text)
            XCTAssertEqual(f.first?.qualifier, qualifier, text)
        }
        XCTAssertEqual(Self.facts("教育支出 22960万元").first?.approximate, false)
    }

    func testNumberPercentSignConvention() {
        check(
            "全区一般公共预算收入67.96亿元，为预算的100.2%，增长0.5%。",
            [
                Want(text: "67.96亿元", value: 6_796_000_000, kind: .amount, label: .be("一般公共预算收入"), relation: .be(nil)),
                Want(text: "100.2%", value: 100.2, kind: .percent, label: .be("一般公共预算收入"), relation: .be("为预算的")),
                Want(text: "0.5%", value: 0.5, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长"))
            ])
        check(
            "实际完成 90074万元，为调整预算的 100.25%，同比下降 32.3%。",
            [
                Want(text: "90074万元", value: 900_740_000, kind: .amount),
                Want(text: "100.25%", value: 100.25, kind: .percent, relation: .be("为调整预算的")),
                Want(text: "32.3%", value: -32.3, kind: .percent, relation: .be("同比下降"))
            ])
        check(
            "一般公共预算支出125880万元，同比下降 2.57%",
            [
                Want(text: "125880万元", value: 1_258_800_000, kind: .amount),
                Want(text: "2.57%", value: -2.57, kind: .percent, label: .be("一般公共预算支出"), relation: .be("同比下降"))
            ])
        check(
            "全市一般公共预算收入完成 135.1 亿元，同比增长 5.1%，高于全省平均增速 2.6 个百分点",
            [
                Want(text: "135.1 亿元", value: 13_510_000_000, kind: .amount, label: .be("一般公共预算收入")),
                Want(text: "5.1%", value: 5.1, kind: .percent, relation: .be("同比增长")),
                Want(text: "2.6 个百分点", value: 2.6, kind: .percentagePoint, label: .be("一般公共预算收入"), relation: .be("高于"))
            ])
        check(
            "税收收入占比低于去年1.5个百分点",
            [
                Want(text: "1.5个百分点", value: -1.5, kind: .percentagePoint, relation: .be("低于"))
            ])
        check(
            "民生支出按照不低于一般公共预算支出的70%安排",
            [
                Want(text: "70%", value: 70, kind: .percent, label: .be("民生支出"), relation: .be("不低于"))
            ])
        check(
            "民生领域支出完成 233.6 亿元，占一般公共预算支出的比重为 74.7%",
            [
                Want(text: "233.6 亿元", value: 23_360_000_000, kind: .amount, label: .be("民生领域支出")),
                Want(text: "74.7%", value: 74.7, kind: .percent, label: .be("民生领域支出"), relation: .be("占"))
            ])
        check("税收收入较上年减少 3.2%", [Want(text: "3.2%", value: -3.2, kind: .percent, relation: .be("较上年减少"))])
        check("降幅为1.5个百分点", [Want(text: "1.5个百分点", value: -1.5, kind: .percentagePoint, relation: .be("降幅"))])
        // A dash between two numbers is a range, not a minus sign.
        check("增长5%-8%", [Want(text: "5%", value: 5, kind: .percent), Want(text: "8%", value: 8, kind: .percent)])
        check("单价5万元-10万元", [Want(text: "5万元", value: 50_000, kind: .amount), Want(text: "10万元", value: 100_000, kind: .amount)])
        // A decrease word makes only percentages negative: amounts keep their sign.
        check("收入短收减少支出4.1亿元", [Want(text: "4.1亿元", value: 410_000_000, kind: .amount, relation: .be("减少"))])
    }

    /// Amounts without a relation word carry their stage: budget, adjusted, actual.
    func testNumberStages() {
        let f = Self.facts(
            "批准的全区一般公共预算收入预算 141050 万元，执行中经人大常委会第十三次会议调整为89850万元，实际完成 90074万元。" + "批准的支出预算 110119万元，经人大常委会第十三次会议调整支出预算为 127717万元。"
                + "2024年收入预计完成 94580万元，支出拟安排93033 万元，合计 1亿元")
        XCTAssertEqual(f.map(\.relation), ["预算", "调整为", "实际完成", "预算", "调整为", "预计完成", "拟安排", nil])
    }

    /// A sentence that opens with its stage (`调整后，…`, `预期目标为：…`) gives it to the
    /// amounts after it that name none; a clause's own stage word still wins.
    func testNumberStageAnnouncedBySentence() {
        let f = Self.facts(
            "调整后,全区财政总收入为385,000万元,一般公共预算支出为525,000万元,实际完成500,000万元。"
                + "收入预期目标为:一般公共预算总收入48.24亿元、增幅8.02%。全年支出60亿元。")
        XCTAssertEqual(f.map(\.relation), ["调整为", "调整为", "实际完成", "预算", "增幅", nil])
        // An amount the congress approved is the budget.
        XCTAssertEqual(Self.facts("经旗人民代表大会批准全旗公共财政预算收入35.6亿元,增长3.5%。").map(\.relation), ["预算", "增长"])
    }

    /// `比2019年决算数增长12%` is this year's growth, not 2019's; after a semicolon, a
    /// statement opening with 比 goes on about the item before it.
    func testNumberComparedYearAndContinuedComparison() {
        let f = Self.facts(
            "2020年,全县一般公共预算收入完成575344万元,增长1.5%;比2019年决算数增长12%。", year: 2020)
        XCTAssertEqual(f.map(\.text), ["575344万元", "1.5%", "12%"])
        XCTAssertEqual(f.map(\.year), [2020, 2020, 2020])
        XCTAssertEqual(f.map(\.label), ["一般公共预算收入", "一般公共预算收入", "一般公共预算收入"])
    }

    /// In the central government's report 全国, 中央 and 地方 before an item are its
    /// scope, and a figure after one in the paragraph has it; elsewhere they stay.
    func testNumberNationalScopes() {
        let text = "全国一般公共预算收入216784亿元。其中，税收收入181129亿元。中央一般公共预算收入99566亿元。"
        let national = Self.facts(text, report: ReportMetadata(title: "t", level: .central))
        XCTAssertEqual(national.map(\.label), ["一般公共预算收入", "税收收入", "一般公共预算收入"])
        XCTAssertEqual(national.map(\.scope), ["全国", "全国", "中央"])
        let county = Self.facts("中央补助收入50亿元。")
        XCTAssertEqual(county.map(\.label), ["中央补助收入"])
    }

    /// An adjustment written `X由A调整为B，调增C`: all three are X's; A is its budget,
    /// B the adjusted budget, C the change against the budget.
    func testNumberAdjustmentFromTo() {
        check(
            "一般公共预算收入由年初的76138万元调整为89138万元,调增13000万元,其中:税收收入调整为40500万元。",
            [
                Want(text: "76138万元", value: 761_380_000, kind: .amount, label: .be("一般公共预算收入"), relation: .be("预算")),
                Want(text: "89138万元", value: 891_380_000, kind: .amount, label: .be("一般公共预算收入"), relation: .be("调整为")),
                Want(text: "13000万元", value: 130_000_000, kind: .amount, label: .be("一般公共预算收入"), relation: .be("调增")),
                Want(text: "40500万元", value: 405_000_000, kind: .amount, label: .be("税收收入"), relation: .be("调整为"))
            ])
        check(
            "税收收入由267,000万元调减为238,000万元,调减29,000万元,下降9.7%。",
            [
                Want(text: "267,000万元", value: 2_670_000_000, kind: .amount, label: .be("税收收入"), relation: .be("预算")),
                Want(text: "238,000万元", value: 2_380_000_000, kind: .amount, label: .be("税收收入"), relation: .be("调减为")),
                Want(text: "29,000万元", value: 290_000_000, kind: .amount, label: .be("税收收入"), relation: .be("调减")),
                Want(text: "9.7%", value: -9.7, kind: .percent, label: .be("税收收入"), relation: .be("下降"))
            ])
        check(
            "——本级财政收入拟调整为134000万元,下降5.3%。",
            [
                Want(text: "134000万元", value: 1_340_000_000, kind: .amount, label: .be("财政收入"), relation: .be("拟调整为")),
                Want(text: "5.3%", value: -5.3, kind: .percent, label: .be("财政收入"), relation: .be("下降"))
            ])
        // 由 followed by anything but a budget word is no adjustment's start.
        check("收入由企业缴纳500万元", [Want(text: "500万元", value: 5_000_000, kind: .amount, relation: .be(nil))])
    }

    /// A Traditional-script report reads as a Simplified one; each figure keeps the
    /// text as written.
    func testNumberTraditionalScript() {
        check(
            "其中:一般公共預算收入103200萬元,增長5.2%,為預算的101.3%",
            [
                Want(text: "103200萬元", value: 1_032_000_000, kind: .amount, label: .be("一般公共预算收入")),
                Want(text: "5.2%", value: 5.2, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长")),
                Want(text: "101.3%", value: 101.3, kind: .percent, label: .be("一般公共预算收入"), relation: .be("为预算的"))
            ])
    }

    func testNumberCounts() {
        let table: [(String, String, Double, String, String)] = [
            ("惠及群众 27万人次", "27万人次", 270_000, "人次", "群众"),
            ("完成老旧小区改造62.35万平方米", "62.35万平方米", 623_500, "平方米", "老旧小区改造"),
            ("为 6284户次办理退税", "6284户次", 6284, "户次", "-"),
            ("全年开行1207列", "1207列", 1207, "列", "-"),
            ("新建燃气管道80公里", "80公里", 80, "公里", "燃气管道"),
            ("完成高标准农田建设10.7万亩", "10.7万亩", 107_000, "亩", "高标准农田建设"),
            ("帮助重点群体2.18万名", "2.18万名", 21_800, "名", "重点群体"),
            ("共谋划储备项目 63个", "63个", 63, "个", "储备项目"),
            ("支持 133 个重点项目建设", "133 个", 133, "个", "重点项目"),
            ("新增高新技术企业 208 家", "208 家", 208, "家", "高新技术企业"),
            ("融资平台退出12家", "12家", 12, "家", "融资平台"),
            ("全市新建投用中小学 3 所", "3 所", 3, "所", "中小学"),
            ("交付房屋19681套", "19681套", 19681, "套", "房屋"),
            ("办理政协提案3项", "3项", 3, "项", "政协提案")
        ]
        for (text, number, value, unit, label) in table {
            let f = Self.facts(text)
            XCTAssertEqual(f.map(\.text), [number], text)
            guard let fact = f.first else { continue }
            XCTAssertEqual(fact.kind, .count, text)
            XCTAssertEqual(fact.value, value, accuracy: 1e-6, text)
            XCTAssertEqual(fact.unit, unit, text)
            if label != "-" { XCTAssertEqual(fact.label, label, text) }
        }
    }

    /// Numbers that are not quantities produce no fact at all.
    func testNumberNonQuantities() {
        let none = [
            "2024年财政预算", "2023 年财政预算执行情况", "2024年 2月 21日在区十五届人大四次会议上",
            "1.一般公共预算收支执行情况", "（3）全区国有资本经营预算", "(2) 市级一般公共预算情况",
            "经人大常委会第十三次会议", "根据《预算法》第五十四条规定", "第3次会议", "实现“十四五”规划",
            "制定“1+6”化债方案", "严格落实“631”工作机制", "支持构建“3+3+X”现代制造业集群",
            "“4050”人员", "融入“33618”现代制造业集群体系", "提前6个月制定到期还款计划",
            "共12345", "支持开展0-6岁儿童", "2024-2025 年度", "A+级", "5G基站", "成立75周年",
            "“1+4+N”的模式", "实施“345”创新行动"
        ]
        for text in none { XCTAssertEqual(Self.facts(text).map(\.text), [], text) }
        // Next to a real amount the plan name still yields nothing.
        XCTAssertEqual(Self.facts("“4050”人员 445万元").map(\.text), ["445万元"])
        XCTAssertEqual(Self.facts("“4050”人员 445万元").first?.label, "“4050”人员")
    }

    func testNumberLabels() {
        let table: [(String, [String?])] = [
            ("其中，税收收入 38.53亿元，增长13.3%，非税收入29.43亿元，下降12.5%", ["税收收入", "税收收入", "非税收入", "非税收入"]),
            ("4.教育支出 22960万元，主要用于普通教育", ["教育支出"]),
            ("一般公共服务支出5.59亿元，增长0.7%；公共安全支出4.26亿元", ["一般公共服务支出", "一般公共服务支出", "公共安全支出"]),
            ("截至 2023年底，全区政府债务余额合计 174666万元，其中一般债务 20776万元", ["政府债务余额", "一般债务"]),
            (
                "区十五届人大三次会议批准的全区一般公共预算收入预算 141050 万元，执行中经人大常委会第十三次会议调整为89850万元，实际完成 90074万元",
                ["一般公共预算收入", "一般公共预算收入", "一般公共预算收入"]
            ),
            (
                "加上上级补助收入49.63亿元、政府一般债券转贷收入42.86亿元，以及动用预算稳定调节基金10.11亿元",
                ["上级补助收入", "政府一般债券转贷收入", "预算稳定调节基金"]
            ),
            ("加上上级补助、动用预算稳定调节基金、调入资金等 192.9 亿元", ["上级补助、预算稳定调节基金、调入资金"]),
            ("其中：农林水、社会保障和就业等其他支出 79万元", ["其他支出"]),
            ("13.商业服务业等支出 197万元", ["商业服务业等支出"]),
            ("全区“三保”累计支出 5.21亿元", ["“三保”支出"]),
            ("2026 年全市一般公共预算收入预算 141.1 亿元。支出预算 312.2 亿元", ["一般公共预算收入", "一般公共预算支出"]),
            ("专项债券收入安排的支出8.5亿元，彩票公益金安排的支出0.36亿元", ["专项债券收入安排的支出", "彩票公益金安排的支出"]),
            ("——城乡社区支出25.65亿元", ["城乡社区支出"]),
            ("用好19亿元“保交楼”专项借款、16亿元配套融资", ["“保交楼”专项借款", "配套融资"]),
            ("安排 1 亿元重大项目前期经费", ["重大项目前期经费"]),
            ("投入5亿元，加快基础设施互联互通", [nil]),
            ("引导金融机构承接支农、支小再贷款等中央金融政策17亿元", [nil]),
            ("税收占一般公共预算收入的比重为 95.99%", ["税收"]),
            ("税比为 70%", ["税比"]),
            ("义务教育巩固率达100%", ["义务教育巩固率"]),
            ("2024年国有资本经营预算上级补助收入 631万元", ["国有资本经营预算上级补助收入"]),
            ("统筹资金 8758 万元支持项目", ["统筹资金"]),
            ("教育支出执行数为25.88亿元，为预算数的98.1%", ["教育支出", "教育支出"]),
            ("为 11户企业办理增值税留抵退税 525万元", ["企业", "增值税留抵退税"])
        ]
        for (text, labels) in table {
            XCTAssertEqual(Self.facts(text).map(\.label), labels, text)
        }
    }

    func testNumberScopes() {
        let f = Self.facts("全区一般公共预算收入67.96亿元，增长0.5%。其中，税收收入 38.53亿元")
        XCTAssertEqual(f.map(\.scope), ["全区", "全区", "全区"])
        let g = Self.facts("2025 年市级一般公共预算收入预算 31.1 亿元（含高新区 10.1 亿元），为年初预算的 98.1%")
        XCTAssertEqual(g.map(\.scope), ["市级", "高新区", "市级"])
        XCTAssertEqual(g.map(\.label), ["一般公共预算收入", "一般公共预算收入", "一般公共预算收入"])
        XCTAssertEqual(g[1].relation, "含")
        let h = Self.facts("专项债券 151.88 亿元（含新增地方政府债券 74.03 亿元，再融资债券 77.85 亿元）")
        XCTAssertEqual(h.map(\.label), ["专项债券", "新增地方政府债券", "再融资债券"])
        let k = Self.facts("市级政府债务限额 283.26 亿元；县（市、区）政府债务限额 521.94 亿元")
        XCTAssertEqual(k.map(\.scope), ["市级", "县（市、区）"])
        let m = Self.facts("区级一般公共预算支出109.58亿元。加上补助镇级支出10.6亿元、政府一般债务还本支出40.5亿元")
        XCTAssertEqual(m.map(\.scope), ["区级", "区级", "区级"])
        XCTAssertEqual(Self.facts("市财政局核定我区 2023年政府债务限额 175343万元").first?.scope, "全区")
        // A scope word followed at once by its number names that part only; in a 其中
        // list a level or a place alone is a part of the figure before it.
        let parts = Self.facts("下达新增限额58000万元,其中:市本级10000万元,利通区48000万元。下达再融资债券72058万元。")
        XCTAssertEqual(parts.map(\.scope), [nil, "市本级", "利通区", nil])
        XCTAssertEqual(parts.map(\.label), ["新增限额", "新增限额", "新增限额", "再融资债券"])
        XCTAssertEqual(parts.map(\.relation), [nil, "含", "含", nil])
        XCTAssertEqual(Self.facts("教育支出 22960万元", section: ["（二）区级预算执行情况。"]).first?.scope, "区级")
    }

    func testNumberYears() {
        let report = ReportMetadata(title: "t", executionYear: 2023, budgetYear: 2024)
        XCTAssertEqual(
            Self.facts("2022年末，基金余额10.11亿元。2023年补充基金8.57亿元。基金支出1亿元", report: report).map(\.year),
            [2022, 2023, 2023])
        XCTAssertEqual(Self.facts("教育支出 22960万元", year: 2024, report: report).first?.year, 2024)
        XCTAssertEqual(Self.facts("教育支出 22960万元", report: report).first?.year, 2023)
        XCTAssertEqual(Self.facts("教育支出 22960万元").first?.year, nil)
        XCTAssertEqual(Self.facts("截至 2026 年 2 月 4 日，市级一般公共预算支出 3.24 亿元").first?.year, 2026)
    }

    /// Offsets are Unicode scalar offsets into the text as written, astral characters
    /// counting one.
    func testNumberOffsetsAreScalarOffsets() {
        let text = "𠀀𠀁教育支出 22960万元，增长5%"
        let f = Self.facts(text)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(f.map(\.start), [7, 17])
        for fact in f {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[fact.start..<fact.end])
            XCTAssertEqual(String(view), fact.text)
        }
        XCTAssertEqual(Self.facts("没有数字的段落"), [])
    }
}
