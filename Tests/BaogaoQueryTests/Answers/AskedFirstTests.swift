import Foundation
import XCTest

@testable import BaogaoQuery

/// What a question names decides before what it leaves open, and a period said at
/// the head of a sentence covers every figure of it.
final class AskedFirstTests: XCTestCase {
    /// A mid-year report (no period in its title) with a semicolon-joined sentence,
    /// an aside naming other months, and an item stated twice: once with the stage
    /// asked, once unmarked inside another item's list.
    static let searcher: Searcher = {
        let folder = NSTemporaryDirectory() + "baogao-asked-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        let text =
            "宜平县财政收支情况\n一、收支情况\n"
            + "上半年，全县政府性基金预算收入249.1亿元，同比增长11.5%；全县政府性基金预算支出349.4亿元，同比增长29.2%。\n"
            + "上半年，全县税收收入完成30.5亿元（数据取自《2018年1-5月财政收支通报》）。\n"
            + "经县人民代表大会批准，全县一般公共预算收入35.6亿元，全县政府性基金预算支出安排54.89亿元。\n"
        let accounts =
            "关于宜平县2020年财政决算的报告\n一、收入决算情况\n"
            + "本级收入49508万元，其中税收收入完成31283万元、非税收入完成18225万元。\n"
            + "调入资金11635万元，其中调入纳入专户管理的非税收入3619万元。\n"
            + "二、支出决算情况\n"
            + "全县一般公共预算支出378558万元，其中：县本级支出264990万元，乡镇级支出113568万元。\n"
            + "一般公共预算上年结余605万元，年末结余10万元。\n"
        FileManager.default.createFile(atPath: folder + "/corpus/a.txt", contents: Data(text.utf8))
        FileManager.default.createFile(atPath: folder + "/corpus/b.txt", contents: Data(accounts.utf8))
        return SharedIndex.build(corpus: folder + "/corpus", name: "asked-first")
    }()

    func testAPeriodAtTheHeadOfASentenceCoversItsSemicolonParts() throws {
        let r = try Answerer(Self.searcher).ask("上半年政府性基金预算支出是多少？")
        XCTAssertEqual(r.answer?.text, "349.4亿元", r.message ?? "")
    }

    func testMonthsInAnAsideAfterTheFigureAreNotItsPeriod() throws {
        let r = try Answerer(Self.searcher).ask("上半年税收收入完成多少？")
        XCTAssertEqual(r.answer?.text, "30.5亿元", r.message ?? "")
    }

    /// A budget approved or arranged is for the whole year, even in a report on half of it.
    func testAPlanInAHalfYearReportIsTheYears() throws {
        XCTAssertEqual(try Answerer(Self.searcher).ask("一般公共预算收入预算是多少？").answer?.text, "35.6亿元")
        XCTAssertEqual(try Answerer(Self.searcher).ask("政府性基金预算支出年初安排多少？").answer?.text, "54.89亿元")
    }

    func testAnAskedStageOutweighsAnUnaskedScopePreference() throws {
        let r = try Answerer(Self.searcher).ask("宜平县2020年非税收入完成多少？")
        XCTAssertEqual(r.answer?.text, "18225万元", r.message ?? "")
    }

    /// A bare 支出 or 结余 is asked back, unless the scope or the year's end asked
    /// leaves one item of the kind.
    func testAKindWordNarrowedToOneItemIsAnswered() throws {
        XCTAssertEqual(try Answerer(Self.searcher).ask("宜平县2020年县本级支出是多少？").answer?.text, "264990万元")
        XCTAssertEqual(try Answerer(Self.searcher).ask("宜平县2020年年末结余多少？").answer?.text, "10万元")
        let open = try Answerer(Self.searcher).ask("宜平县2020年结余是多少？")
        XCTAssertNil(open.answer)
        XCTAssertEqual(Set(open.choices), ["一般公共预算上年结余", "年末结余"])
    }

    func testTheFieldOrder() {
        var a = FactRank(
            label: 1, scope: .unmarked, stage: .unmarked, latestActual: true, reportYear: 0, segment: 0, fact: 0)
        var b = FactRank(
            label: 1, scope: .ownLevel, stage: .asked, latestActual: true, reportYear: 0, segment: 0, fact: 1)
        XCTAssertEqual(a.firstDifference(from: b), .scope, "with no stage asked, the unasked scope order decides")
        XCTAssertTrue(a.beats(b))
        a.stageAskedScopeNot = true
        b.stageAskedScopeNot = true
        XCTAssertEqual(a.firstDifference(from: b), .stage, "a stage asked is compared before a scope not asked")
        XCTAssertTrue(b.beats(a))
        b.label = 0.8
        XCTAssertEqual(a.firstDifference(from: b), .label, "the label always first")
    }
}
