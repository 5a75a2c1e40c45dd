@testable import BaogaoQuery
import XCTest

/// Figures the extractor left unlabelled are read from their sentence, with a
/// stated confidence; a label found only loosely is no answer.
final class SentenceFallbackTests: XCTestCase {
    func testLabelInTheWindowBeforeAFigure() {
        let exact = SentenceMatch.find("教育支出", in: "2020年全县民生支出实现47.2亿元,其中教育支出实现")
        XCTAssertEqual(exact?.written, "教育支出")
        XCTAssertEqual(exact?.distance, 2)
        XCTAssertEqual(exact?.confidence, .high)
        let inner = SentenceMatch.find("一般公共预算支出", in: "全州一般公共预算财政支出")
        XCTAssertEqual(inner?.written, "一般公共预算财政支出")
        XCTAssertEqual(inner?.confidence, .medium)
        let loose = SentenceMatch.find("一般公共预算支出", in: "一般公共服务和预算稳定调节基金支出")
        XCTAssertNil(loose?.confidence)
        XCTAssertNil(SentenceMatch.find("文化支出", in: "全县民生支出"))
    }

    func testUnlabelledFiguresAnswerWithConfidence() throws {
        let searcher = RealQuestionSetTests.searcher
        let high = try searcher.ask("沂水县2020年一般公共预算收入是多少？")
        XCTAssertEqual(high.answer?.text, "21.8亿元")
        XCTAssertEqual(high.answer?.confidence, "high")
        XCTAssertEqual(high.answer?.label, "一般公共预算收入")
        let medium = try searcher.ask("延边州2020年一般公共预算支出是多少？")
        XCTAssertEqual(medium.answer?.text, "385.7亿元")
        XCTAssertEqual(medium.answer?.confidence, "medium")
        XCTAssertTrue(medium.answer?.note?.contains("一般公共预算财政支出") ?? false, medium.answer?.note ?? "")
        // What is counted follows the figure: 帮助119家企业获得贷款, not 帮助65家企业获得信贷支持.
        XCTAssertEqual(try searcher.ask("长寿区2022年帮助多少家企业获得贷款？").answer?.text, "119家")
        // A labelled answer carries no confidence.
        XCTAssertNil(try SharedIndex.sample.ask("2023年江津区一般公共预算收入是多少？").answer?.confidence)
    }
}
