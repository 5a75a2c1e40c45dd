import XCTest

@testable import BaogaoQuery

/// Two ways of writing one item compare equal once folded for answers.
final class LabelFoldingTests: XCTestCase {
    func testTheOldNameOfTheGeneralBudgetReadsAsTheNewOne() {
        XCTAssertEqual(LabelFolding.fold("公共财政预算收入"), "一般公共预算收入")
        XCTAssertEqual(LabelFolding.fold("一般公共财政预算支出"), "一般公共预算支出")
        XCTAssertEqual(LabelFolding.fold("一般公共预算收入"), "一般公共预算收入")
        XCTAssertEqual(LabelFolding.fold("政府性基金预算收入"), "政府性基金收入")
        XCTAssertEqual(LabelFolding.fold("社会保险基金预算支出"), "社会保险基金支出")
    }

    /// Labels that hold the asked item's characters but name another item.
    func testLabelsThatNameAnotherItem() {
        XCTAssertEqual(LabelMatch.score(asked: "一般公共预算收入", fact: "一般公共预算总收入"), 0)
        XCTAssertEqual(LabelMatch.score(asked: "地方财政收入", fact: "地方财政收入增收"), 0)
        XCTAssertGreaterThanOrEqual(LabelMatch.score(asked: "专项债务限额", fact: "专项债务总限额"), LabelMatch.threshold)
        XCTAssertEqual(LabelMatch.placeBefore(asked: "公共财政预算支出", fact: "苏木镇及开发区公共财政预算支出"), "苏木镇及开发区")
        XCTAssertNil(LabelMatch.placeBefore(asked: "调出资金", fact: "国有资本经营预算调出资金"))
    }
}
