import BaogaoAnalysis
import BaogaoIngest
import XCTest

/// Table-driven tests from sentences of the real-report excerpts
/// (Tests/Fixtures/corpus-real, file and paragraph in each row's comment), one table
/// per rule: what the sentence must give, written by reading it.
final class NumberRealSentenceTests: XCTestCase {
    typealias Want = NumberExtractorTests.Want

    func check(_ text: String, _ wants: [Want], file: StaticString = #filePath, line: UInt = #line) {
        NumberExtractorTests.check(text, wants, file: file, line: line)
    }

    /// 实现 stands between an item and its figure as 完成 does.
    func testShiXianIsFiller() {
        let table: [(String, [Want])] = [
            // 018#11
            (
                "2020年,全县一般公共预算收入实现21.8亿元,增长5.3%,其中税收收入17.5亿元。",
                [
                    Want(text: "21.8亿元", value: 2.18e9, kind: .amount, label: .be("一般公共预算收入"), relation: .be(nil)),
                    Want(text: "5.3%", value: 5.3, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长")),
                    Want(text: "17.5亿元", value: 1.75e9, kind: .amount, label: .be("税收收入"))
                ]
            ),
            // 018#11: the time word after the scope dates the item.
            (
                "加上转移支付资金等,全县当年一般公共预算财力实现55亿元。",
                [
                    Want(text: "55亿元", value: 5.5e9, kind: .amount, label: .be("一般公共预算财力"))
                ]
            ),
            // 018#12
            (
                "2020年全县民生支出实现47.2亿元,增长5.4%,占一般公共预算支出的85.8%,其中教育支出实现17.5亿元,增长1%;",
                [
                    Want(text: "47.2亿元", value: 4.72e9, kind: .amount, label: .be("民生支出")),
                    Want(text: "5.4%", value: 5.4, kind: .percent, label: .be("民生支出"), relation: .be("增长")),
                    Want(text: "85.8%", value: 85.8, kind: .percent, label: .be("民生支出"), relation: .be("占")),
                    Want(text: "17.5亿元", value: 1.75e9, kind: .amount, label: .be("教育支出")),
                    Want(text: "1%", value: 1, kind: .percent, label: .be("教育支出"), relation: .be("增长"))
                ]
            )
        ]
        for (text, wants) in table { check(text, wants) }
    }
    /// A completion rate written without the fixed words still reads as one, and takes
    /// the item of its sentence.
    func testCompletionRates() {
        let table: [(String, [Want])] = [
            // 019#7
            (
                "2021年,全区一般公共预算收入46.22亿元,完成年度预算的100.3%,增长6.8%;",
                [
                    Want(text: "46.22亿元", value: 4.622e9, kind: .amount, label: .be("一般公共预算收入")),
                    Want(text: "100.3%", value: 100.3, kind: .percent, label: .be("一般公共预算收入"), relation: .be("完成年度预算的")),
                    Want(text: "6.8%", value: 6.8, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长"))
                ]
            ),
            // 041#18: no 的.
            (
                "全镇一般公共预算收入38.69亿元,完成调整预算103.58%。",
                [
                    Want(text: "38.69亿元", value: 3.869e9, kind: .amount, label: .be("一般公共预算收入")),
                    Want(text: "103.58%", value: 103.58, kind: .percent, label: .be("一般公共预算收入"), relation: .be("完成调整预算的"))
                ]
            ),
            // 003#12: the plan's amount stands between the verb and the rate.
            (
                "2023年区级一般公共预算收入预计完成39.1亿元,完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的104.3%。",
                [
                    Want(text: "39.1亿元", value: 3.91e9, kind: .amount, label: .be("一般公共预算收入"), relation: .be("预计完成")),
                    Want(text: "37.5亿元", value: 3.75e9, kind: .amount, label: .be("一般公共预算收入")),
                    Want(text: "104.3%", value: 104.3, kind: .percent, label: .be("一般公共预算收入"), relation: .be("完成调整预算的"))
                ]
            ),
            // 030#6: 为预算 with no 的.
            (
                "上半年,自治区一般公共预算收入661.4亿元,为预算40.7%,",
                [
                    Want(text: "661.4亿元", value: 6.614e10, kind: .amount),
                    Want(text: "40.7%", value: 40.7, kind: .percent, relation: .be("为预算的"))
                ]
            ),
            // 037#3: 预算数 is the 预算.
            (
                "一般公共预算收入完成2.1亿元,完成年初预算数的40.4%。",
                [
                    Want(text: "2.1亿元", value: 2.1e8, kind: .amount, label: .be("一般公共预算收入")),
                    Want(text: "40.4%", value: 40.4, kind: .percent, label: .be("一般公共预算收入"), relation: .be("完成年初预算的"))
                ]
            ),
            // 054#11: a rate after a plan named by its item (年度总支出预算).
            (
                "2020年全县一般公共预算支出917537万元,增长0.96%,完成年度总支出预算92.87%,",
                [
                    Want(text: "917537万元", value: 9.17537e9, kind: .amount, label: .be("一般公共预算支出")),
                    Want(text: "0.96%", value: 0.96, kind: .percent, label: .be("一般公共预算支出")),
                    Want(text: "92.87%", value: 92.87, kind: .percent, label: .be("一般公共预算支出"), relation: .be("完成预算的"))
                ]
            )
        ]
        for (text, wants) in table { check(text, wants) }
    }

    /// A figure in parentheses is an aside: the sentence goes on about the item before it.
    func testParenthesisedAsideIsNotInherited() {
        // 025#4
        check(
            "上半年,旗本级公共财政预算收入完成19.8亿元(包括苏里格开发区收入2890万元),同比增长18.9%,",
            [
                Want(text: "19.8亿元", value: 1.98e9, kind: .amount, label: .be("公共财政预算收入")),
                Want(text: "2890万元", value: 2.89e7, kind: .amount, label: .be("苏里格开发区收入")),
                Want(text: "18.9%", value: 18.9, kind: .percent, label: .be("公共财政预算收入"), relation: .be("同比增长"))
            ])
        // 053#10
        check(
            "2021年政府性基金收入182.43亿元(包含杭州市通过往来形式拨付我区的土地出让分成收入9.66亿元),为预期的90.2%,下降7.4%,",
            [
                Want(text: "182.43亿元", value: 1.8243e10, kind: .amount, label: .be("政府性基金收入")),
                Want(text: "9.66亿元", value: 9.66e8, kind: .amount, label: .be("土地出让分成收入")),
                Want(text: "90.2%", value: 90.2, kind: .percent),
                Want(text: "7.4%", value: -7.4, kind: .percent, label: .be("政府性基金收入"), relation: .be("下降"))
            ])
    }
    /// Prefectures (州) and banners (旗) name their scopes as cities and districts do;
    /// 财政 right after a budget name is folded away.
    func testPrefectureScopesAndFiscalFold() {
        // 022#10
        let text = "全州一般公共预算地方级财政收入58.7亿元,为调整预算的98.4%,比上年增长1.0%。全州一般公共预算财政支出385.7亿元,为调整预算的94.8%,比上年增长4.6%;"
        check(
            text,
            [
                Want(text: "58.7亿元", value: 5.87e9, kind: .amount, label: .be("一般公共预算地方级财政收入")),
                Want(text: "98.4%", value: 98.4, kind: .percent, label: .be("一般公共预算地方级财政收入"), relation: .be("为调整预算的")),
                Want(text: "1.0%", value: 1.0, kind: .percent, relation: .be("比上年增长")),
                Want(text: "385.7亿元", value: 3.857e10, kind: .amount, label: .be("一般公共预算支出")),
                Want(text: "94.8%", value: 94.8, kind: .percent, label: .be("一般公共预算支出"), relation: .be("为调整预算的")),
                Want(text: "4.6%", value: 4.6, kind: .percent, label: .be("一般公共预算支出"), relation: .be("比上年增长"))
            ])
        let scopes: [(String, String, String)] = [
            (text, "385.7亿元", "全州"),
            // 025#4
            ("上半年,全旗公共财政预算收入35.6亿元,增长3.5%。", "35.6亿元", "全旗"),
            ("上半年,旗本级公共财政预算收入完成19.8亿元,", "19.8亿元", "旗本级")
        ]
        for (text, number, scope) in scopes {
            let f = NumberExtractorTests.facts(text).first { $0.text == number }
            XCTAssertEqual(f?.scope, scope, "scope of \(number) in \(text)")
        }
    }
    /// A change against the previous year written with 增收/减收/增支 is a change of the
    /// item before it, not an item of its own.
    func testComparisonChanges() {
        let table: [(String, [Want])] = [
            // 055#13
            (
                "全区一般公共预算收入完成33.45亿元,比上年增收1.03亿元,增长3.2%。",
                [
                    Want(text: "33.45亿元", value: 3.345e9, kind: .amount, label: .be("一般公共预算收入"), relation: .be("完成")),
                    Want(text: "1.03亿元", value: 1.03e8, kind: .amount, label: .be("一般公共预算收入"), relation: .be("比上年增加")),
                    Want(text: "3.2%", value: 3.2, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长"))
                ]
            ),
            // 014#7
            (
                "区级税收收入完成202,890万元,下降11.07%,较去年同期减收25,247万元(",
                [
                    Want(text: "202,890万元", value: 2.0289e9, kind: .amount, label: .be("税收收入")),
                    Want(text: "11.07%", value: -11.07, kind: .percent, label: .be("税收收入"), relation: .be("下降")),
                    Want(text: "25,247万元", value: 2.5247e8, kind: .amount, label: .be("税收收入"), relation: .be("较去年同期减少"))
                ]
            ),
            // 046#4
            (
                "一般公共预算支出完成255,325万元,比上年同期增支14,484元,增长6.01%,",
                [
                    Want(text: "255,325万元", value: 2.55325e9, kind: .amount, label: .be("一般公共预算支出")),
                    Want(text: "14,484元", value: 14484, kind: .amount, label: .be("一般公共预算支出"), relation: .be("比上年同期增加")),
                    Want(text: "6.01%", value: 6.01, kind: .percent, label: .be("一般公共预算支出"), relation: .be("增长"))
                ]
            ),
            // 065#18
            (
                "地方收入14.67亿元,较上年增加2.17亿元,增长17.3%,为预算的108.7%,较年初预算超收1.17亿元,",
                [
                    Want(text: "14.67亿元", value: 1.467e9, kind: .amount, label: .be("地方收入")),
                    Want(text: "2.17亿元", value: 2.17e8, kind: .amount, label: .be("地方收入"), relation: .be("较上年增加")),
                    Want(text: "17.3%", value: 17.3, kind: .percent, relation: .be("增长")),
                    Want(text: "108.7%", value: 108.7, kind: .percent, relation: .be("为预算的")),
                    Want(text: "1.17亿元", value: 1.17e8, kind: .amount, label: .be("地方收入"), relation: .be("较年初预算增加"))
                ]
            )
        ]
        for (text, wants) in table { check(text, wants) }
    }
    /// A 占比 that names nothing, or a short form of the item just named, is that
    /// item's share.
    func testShareOfTheItemJustNamed() {
        let table: [(String, [Want])] = [
            // 018#11
            (
                "其中税收收入17.5亿元,税收占比80.3%。",
                [
                    Want(text: "17.5亿元", value: 1.75e9, kind: .amount, label: .be("税收收入")),
                    Want(text: "80.3%", value: 80.3, kind: .percent, label: .be("税收收入"), relation: .be("占"))
                ]
            ),
            // 034#5
            (
                "其中:税收收入完成75033万元,占比29.83%;非税收入完成176477万元,占比70.17%",
                [
                    Want(text: "75033万元", value: 7.5033e8, kind: .amount, label: .be("税收收入")),
                    Want(text: "29.83%", value: 29.83, kind: .percent, label: .be("税收收入"), relation: .be("占")),
                    Want(text: "176477万元", value: 1.76477e9, kind: .amount, label: .be("非税收入")),
                    Want(text: "70.17%", value: 70.17, kind: .percent, label: .be("非税收入"), relation: .be("占"))
                ]
            ),
            // 021#11: 非税 is no short form of an item named before; the change keeps its own label.
            (
                "2017年比2013年非税占比下降了9.5个百分点",
                [
                    Want(text: "9.5个百分点", value: -9.5, kind: .percentagePoint, label: .be("非税占比"))
                ]
            )
        ]
        for (text, wants) in table { check(text, wants) }
    }
    /// Figures inside verb phrases: an amount after a verb and its object, a count
    /// between a pivot verb and its noun's own verb.
    func testFiguresInsideVerbPhrases() {
        let table: [(String, [Want])] = [
            // 015#9
            (
                "兑现组合式税费支持政策17.3亿元,其中留抵退税13.8亿元,",
                [
                    Want(text: "17.3亿元", value: 1.73e9, kind: .amount, label: .be("组合式税费支持政策")),
                    Want(text: "13.8亿元", value: 1.38e9, kind: .amount, label: .be("留抵退税"))
                ]
            ),
            // 043#21: a classification line after 其中.
            (
                "其中行政运行10279419.17元,事业运行支出3449523.00元,",
                [
                    Want(text: "10279419.17元", value: 10279419.17, kind: .amount, label: .be("行政运行")),
                    Want(text: "3449523.00元", value: 3_449_523, kind: .amount, label: .be("事业运行支出"))
                ]
            ),
            // The sample's 规模 20 亿元的…: the label after the number wins over a verb's object.
            (
                "指导国资集团设立规模 20 亿元的高质量发展母基金",
                [
                    Want(text: "20 亿元", value: 2e9, kind: .amount, label: .be("高质量发展母基金"))
                ]
            ),
            // 015#10
            (
                "使用转贷应急周转金8.1亿元帮助65家企业获得信贷支持。统筹财政资金建立风险补偿代偿资金池,帮助119家企业获得贷款0.9亿元。",
                [
                    Want(text: "8.1亿元", value: 8.1e8, kind: .amount),
                    Want(text: "65家", value: 65, kind: .count, label: .be("帮助企业获得信贷支持")),
                    Want(text: "119家", value: 119, kind: .count, label: .be("帮助企业获得贷款")),
                    Want(text: "0.9亿元", value: 9e7, kind: .amount, label: .be("贷款"))
                ]
            ),
            // No second verb: the counted noun alone.
            ("支持 133 个重点项目", [Want(text: "133 个", value: 133, kind: .count, label: .be("重点项目"))])
        ]
        for (text, wants) in table { check(text, wants) }
    }
    /// Sentences of the samples (Corpus/), labelled in Queries/numbers/labelled.tsv.
    func testSampleSentences() {
        let table: [(String, [Want])] = [
            // A verb before a 、-list governs each item: both keep 改造.
            (
                "完成老旧小区改造62.35万平方米、城市棚户区改造0.9万平方米;",
                [
                    Want(text: "62.35万平方米", value: 623_500, kind: .count, label: .be("老旧小区改造")),
                    Want(text: "0.9万平方米", value: 9_000, kind: .count, label: .be("城市棚户区改造"))
                ]
            ),
            // What follows a plan measures what was planned.
            (
                "2023年市级下达我区社保基金征收计划56.02亿元，我区实际完成58.17亿元，为计划的103.8%。",
                [
                    Want(text: "56.02亿元", value: 5.602e9, kind: .amount, label: .be("社保基金征收计划")),
                    Want(text: "58.17亿元", value: 5.817e9, kind: .amount, label: .be("社保基金征收"), relation: .be("实际完成")),
                    Want(text: "103.8%", value: 103.8, kind: .percent, label: .be("社保基金征收"), relation: .be("为计划的"))
                ]
            ),
            // 分别: the items listed, in order.
            (
                "全市存量隐性债务化解、政府拖欠企业账款清理分别完成年度任务的158.4%、115.5%。",
                [
                    Want(text: "158.4%", value: 158.4, kind: .percent, label: .be("存量隐性债务化解"), relation: .be("完成年度任务的")),
                    Want(text: "115.5%", value: 115.5, kind: .percent, label: .be("政府拖欠企业账款清理"), relation: .be("完成年度任务的"))
                ]
            ),
            // 分别 after a single item, or items of one character, is no list to read.
            (
                "其中一、二、三产业分别增长2.3%、-0.3%和5.7%",
                [
                    Want(text: "2.3%", value: 2.3, kind: .percent, label: .be(nil)),
                    Want(text: "-0.3%", value: -0.3, kind: .percent, label: .be(nil)),
                    Want(text: "5.7%", value: 5.7, kind: .percent, label: .be(nil))
                ]
            ),
            // A level ranked at or lending is part of the name.
            (
                "全区共发行一般债券 100 万元，市级转贷专项债券 4.46亿元，",
                [
                    Want(text: "100 万元", value: 1e6, kind: .amount, label: .be("一般债券")),
                    Want(text: "4.46亿元", value: 4.46e8, kind: .amount, label: .be("市级转贷专项债券"))
                ]
            ),
            ("支持建成市级以上创新平台17个", [Want(text: "17个", value: 17, kind: .count, label: .be("市级以上创新平台"))])
        ]
        for (text, wants) in table { check(text, wants) }
        let f = NumberExtractorTests.facts("全区共发行一般债券 100 万元，市级转贷专项债券 4.46亿元，").last
        XCTAssertEqual(f?.scope, "全区", "市级 of 市级转贷 is no scope")
        // A scope compared with is no scope of what follows.
        let g = NumberExtractorTests.facts("（2）市级收支情况。市级国有资本经营预算支出预算 1 亿元，主要原因同全市。批准的支出预算 12.6 亿元，实际完成 141 万元").last
        XCTAssertEqual(g?.scope, "市级", "同全市 is a comparison")
    }
}
