import Foundation
import XCTest

@testable import BaogaoQuery

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

    /// A report whose figures the extractor leaves unlabelled (`其中税务完成18.96亿元`):
    /// the real excerpts' such figures are labelled since the extractor learned 实现,
    /// 财政 inside a budget name and verb phrases, so the fallback is shown on its own.
    static let unlabelled: Searcher = {
        let folder = NSTemporaryDirectory() + "baogao-fallback-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        let text =
            "关于宜平县2023年预算执行情况和2024年预算草案的报告\n各位代表：\n一、2023年预算执行情况\n"
            + "2023年，全县财政运行平稳。其中税务完成18.96亿元，非税部门完成3.2亿元。\n"
        FileManager.default.createFile(atPath: folder + "/corpus/a.txt", contents: Data(text.utf8))
        return SharedIndex.build(corpus: folder + "/corpus", name: "fallback")
    }()

    func testUnlabelledFiguresAnswerWithConfidence() throws {
        let searcher = Self.unlabelled
        XCTAssertTrue(
            try FactFinder(searcher).facts("18.96亿").facts.allSatisfy { $0.fact.label == nil },
            "the test needs an unlabelled figure")
        let high = try Answerer(searcher).ask("宜平县2023年税务完成多少？")
        XCTAssertEqual(high.answer?.text, "18.96亿元")
        XCTAssertEqual(high.answer?.confidence, "high")
        XCTAssertEqual(try Answerer(searcher).ask("宜平县2023年非税部门完成多少？").answer?.text, "3.2亿元")
        // Words the sentence does not put before the figure: no answer, the sentence as a candidate.
        let loose = try Answerer(searcher).ask("宜平县2023年税务部门完成多少？")
        XCTAssertNil(loose.answer)
        XCTAssertFalse(loose.alternatives.isEmpty)
        // What is counted follows the figure: 帮助119家企业获得贷款, not 帮助65家企业获得信贷支持.
        XCTAssertEqual(try Answerer(RealQuestionSetTests.searcher).ask("长寿区2022年帮助多少家企业获得贷款？").answer?.text, "119家")
        // A labelled answer carries no confidence.
        XCTAssertNil(try Answerer(SharedIndex.sample).ask("2023年江津区一般公共预算收入是多少？").answer?.confidence)
    }
}
