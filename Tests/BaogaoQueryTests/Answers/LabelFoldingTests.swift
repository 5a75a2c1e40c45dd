import XCTest

@testable import BaogaoQuery

/// Two ways of writing one item compare equal once folded for answers.
final class LabelFoldingTests: XCTestCase {
    func testPinyinAfterCharactersIsDropped() {
        XCTAssertEqual(LabelFolding.fold("地方一般公共预(yù)算收入"), "地方一般公共预算收入")
        XCTAssertEqual(LabelFolding.fold("调(diào)入资金"), "调入资金")
        // Not pinyin: numbers and Chinese in parentheses stay.
        XCTAssertEqual(LabelFolding.fold("(1)税收收入"), "(1)税收收入")
        XCTAssertEqual(LabelFolding.fold("收入(含高新区)"), "收入(含高新区)")
    }

    func testTheOldNameOfTheGeneralBudgetReadsAsTheNewOne() {
        XCTAssertEqual(LabelFolding.fold("公共财政预算收入"), "一般公共预算收入")
        XCTAssertEqual(LabelFolding.fold("一般公共财政预算支出"), "一般公共预算支出")
        XCTAssertEqual(LabelFolding.fold("一般公共预算收入"), "一般公共预算收入")
    }
}
