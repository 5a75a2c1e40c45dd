import XCTest

@testable import BaogaoQuery

/// Questions across years or regions, answered as a series or a comparison
/// with every figure cited; other questions are left to `ask` as before.
final class AcrossQuestionsTests: XCTestCase {
    private let sample = SharedIndex.sample

    func testTheWordsThatAskAcrossAreReadAndTakenOut() {
        XCTAssertEqual(AcrossQuestion.read("江津区一般公共预算收入历年是多少?")?.0, .years(latest: nil))
        XCTAssertEqual(AcrossQuestion.read("江津区近三年一般公共预算收入是多少?")?.1, "江津区一般公共预算收入是多少?")
        XCTAssertEqual(AcrossQuestion.read("江津区近三年一般公共预算收入是多少?")?.0, .years(latest: 3))
        let which = AcrossQuestion.read("2023年哪个区县的债务余额最高?")
        XCTAssertEqual(which?.0, .regions(highest: true))
        XCTAssertEqual(which?.1, "2023年债务余额是多少？")
        XCTAssertEqual(AcrossQuestion.read("2023年哪个地区一般公共预算收入最少?")?.0, .regions(highest: false))
        XCTAssertNil(AcrossQuestion.read("2023年江津区一般公共预算收入是多少?"))
        XCTAssertNil(AcrossQuestion.read("解放区2024年哪些支出科目超过1亿元?"))
    }

    func testASeriesQuestionListsEachYearCited() throws {
        let r = try Answerer(sample).ask("江津区一般公共预算收入历年是多少？")
        let a = try XCTUnwrap(r.answer, r.message ?? "")
        XCTAssertEqual(a.text, "2023年67.96亿元；2024年68.5亿元")
        XCTAssertEqual(
            a.items?.map { "\($0.year ?? 0) \($0.label) \($0.citation.id)" },
            [
                "2023 一般公共预算收入 执行 002_b5c26ff8d3e05e66.txt#9", "2024 一般公共预算收入 年初预算 002_b5c26ff8d3e05e66.txt#65"
            ])
        XCTAssertEqual(r.parsed.region, "江津区")
        XCTAssertEqual(r.parsed.label, "一般公共预算收入")
        // 近一年 is not one of the spans; 近两年 of two years is the whole series here.
        XCTAssertEqual(try Answerer(sample).ask("江津区近两年一般公共预算收入是多少？").answer?.items?.count, 2)
    }

    func testAComparisonQuestionAnswersTheFirstRegionAndRanksTheRest() throws {
        let r = try Answerer(sample).ask("2023年哪个区县的债务余额最高？")
        let a = try XCTUnwrap(r.answer, r.message ?? "")
        XCTAssertEqual([a.region, a.text, a.relation, a.citation?.id], ["江津区", "309.06亿元", "执行", "002_b5c26ff8d3e05e66.txt#36"])
        XCTAssertEqual(r.alternatives.map { "\($0.note ?? "") \($0.text)" }, ["2. 解放区 174666万元"])
        let lowest = try Answerer(sample).ask("2023年哪个地区一般公共预算收入最低？")
        XCTAssertEqual(lowest.answer?.region, "解放区")
        XCTAssertEqual(lowest.alternatives.map(\.region), ["江津区"])
        XCTAssertEqual(
            try Answerer(sample).ask("哪个区县的债务余额最高？").message,
            "no answer found: a comparison of regions needs a year (such as 2023年)")
    }
}
