import BaogaoAnalysis
import BaogaoIngest
import XCTest

/// What a fact's relation says (`FactRelation`), decided by the extractor and
/// stored with the fact: a table of sentences → the kind of each number's relation.
final class FactRelationTests: XCTestCase {
    private func kinds(_ text: String) -> [FactRelation] {
        NumberExtractorTests.facts(text).map(\.relationKind)
    }

    func testChangesOnThePreviousYear() {
        XCTAssertEqual(kinds("一般公共预算收入68亿元，同比增长5.2%。"), [.unmarked, .increase])
        XCTAssertEqual(kinds("税收收入下降3.1%。"), [.decrease])
        XCTAssertEqual(kinds("比上年增收1.03亿元。"), [.increase])
        XCTAssertEqual(kinds("较去年同期减收25,247万元。"), [.decrease])
    }

    func testChangesOnTheBudget() {
        XCTAssertEqual(kinds("较年初预算超收2.1亿元。"), [.increaseOnBudget])
        XCTAssertEqual(kinds("税收收入调增13000万元。"), [.increaseOnBudget])
        XCTAssertEqual(kinds("非税收入调减500万元。"), [.decreaseOnBudget])
    }

    func testStagesOfAnAmount() {
        XCTAssertEqual(kinds("一般公共预算收入预算141050万元。"), [.budget])
        XCTAssertEqual(kinds("一般公共预算收入实际完成90074万元。"), [.actual])
        XCTAssertEqual(kinds("一般公共预算支出调整为127717万元。"), [.adjusted])
        XCTAssertEqual(kinds("一般公共预算收入预计完成50亿元。"), [.planned])
        XCTAssertEqual(kinds("批准全旗公共财政预算支出安排54.89亿元。"), [.arranged])
        XCTAssertEqual(kinds("一般公共预算收入决算数50亿元。"), [.finalAccounts])
        XCTAssertEqual(kinds("完成年初预算数60999万元的40.4%。").first, .budget)
    }

    func testRatesAndParts() {
        XCTAssertEqual(kinds("一般公共预算收入完成调整预算的103.6%。"), [.completion])
        XCTAssertEqual(kinds("民生支出占一般公共预算支出的比重为74.7%。"), [.share])
        XCTAssertEqual(kinds("实际完成30.5亿元（含高新区10亿元）。"), [.actual, .part])
    }

    /// The stage each kind stands for: an unmarked amount and the final accounts
    /// are actual figures; changes, rates and parts name no stage.
    func testStages() {
        XCTAssertEqual(FactRelation.unmarked.stage, .actual)
        XCTAssertEqual(FactRelation.finalAccounts.stage, .actual)
        XCTAssertEqual(FactRelation.planned.stage, .planned)
        XCTAssertNil(FactRelation.increase.stage)
        XCTAssertNil(FactRelation.part.stage)
        XCTAssertTrue(FactRelation.increaseOnBudget.isOverBudget)
        XCTAssertFalse(FactRelation.increase.isOverBudget)
    }

    /// The stored code round-trips, and a code no writer uses reads as `.other`.
    func testStoredCodes() {
        for kind in FactRelation.allCases { XCTAssertEqual(FactRelation(code: kind.rawValue), kind) }
        XCTAssertEqual(FactRelation(code: 200), .other)
    }

    /// Changing a fact's relation word changes its kind with it.
    func testKindFollowsTheWord() {
        var f = NumberFact(kind: .percent, value: 5, unit: "%", text: "5%", start: 0, end: 2, relation: "增长")
        XCTAssertEqual(f.relationKind, .increase)
        f.relation = "占"
        XCTAssertEqual(f.relationKind, .share)
    }
}
