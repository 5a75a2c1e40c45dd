import XCTest

@testable import BaogaoIngest

/// The opening lines are folded before metadata is read: Traditional characters
/// to Simplified (through ICU, only when a line has one), full-width ASCII to
/// ASCII, spaces and pinyin glosses dropped.
final class HeadTextTests: XCTestCase {
    func testTraditionalTextIsConvertedAndSimplifiedTextLeftAsIs() {
        XCTAssertEqual(TraditionalToSimplified.convert("關於溫縣2021年財政決算的報告"), "关于温县2021年财政决算的报告")
        let simplified = "关于温县2021年财政决算的报告"
        XCTAssertEqual(TraditionalToSimplified.convert(simplified), simplified)
        // The table that decides whether ICU is called at all.
        for c in ["關", "財", "預", "縣"] {
            XCTAssertTrue(TraditionalToSimplified.traditional[Int(c.unicodeScalars.first!.value) - 0x3400], c)
        }
        for c in ["关", "财", "预", "县", "一"] {
            XCTAssertFalse(TraditionalToSimplified.traditional[Int(c.unicodeScalars.first!.value) - 0x3400], c)
        }
    }

    func testFoldDropsSpacesFullWidthAndPinyin() {
        XCTAssertEqual(String(HeadText.fold("執(zhí)行 情況　２０２２")), "执行情况2022")
    }
}
