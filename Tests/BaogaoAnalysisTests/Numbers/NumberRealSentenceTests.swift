import BaogaoAnalysis
import BaogaoIngest
import XCTest

/// Table-driven tests from sentences of the real-report excerpts
/// (Tests/Fixtures/corpus-real, file and paragraph in each row's comment), one table
/// per rule: what the sentence must give, written by reading it.
final class NumberRealSentenceTests: XCTestCase {
    typealias Want = NumberExtractorTests.Want

    func check(_ text: String, _ wants: [Want], file: StaticString = #filePath, line: UInt = #line) {
        let got = NumberExtractorTests.facts(text)
        XCTAssertEqual(got.map(\.text), wants.map(\.text), "texts of: \(text)", file: file, line: line)
        for (f, w) in zip(got, wants) where f.text == w.text {
            XCTAssertEqual(f.value, w.value, accuracy: max(1e-9, abs(w.value) * 1e-12), "\(w.text) in \(text)", file: file, line: line)
            XCTAssertEqual(f.kind, w.kind, "\(w.text) in \(text)", file: file, line: line)
            if case .be(let l) = w.label { XCTAssertEqual(f.label, l, "label of \(w.text) in \(text)", file: file, line: line) }
            if case .be(let r) = w.relation { XCTAssertEqual(f.relation, r, "relation of \(w.text) in \(text)", file: file, line: line) }
        }
    }

    /// 实现 stands between an item and its figure as 完成 does.
    func testShiXianIsFiller() {
        let table: [(String, [Want])] = [
            // 018#11
            ("2020年,全县一般公共预算收入实现21.8亿元,增长5.3%,其中税收收入17.5亿元。", [
                Want(text: "21.8亿元", value: 2.18e9, kind: .amount, label: .be("一般公共预算收入"), relation: .be(nil)),
                Want(text: "5.3%", value: 5.3, kind: .percent, label: .be("一般公共预算收入"), relation: .be("增长")),
                Want(text: "17.5亿元", value: 1.75e9, kind: .amount, label: .be("税收收入")),
            ]),
            // 018#11: the time word after the scope dates the item.
            ("加上转移支付资金等,全县当年一般公共预算财力实现55亿元。", [
                Want(text: "55亿元", value: 5.5e9, kind: .amount, label: .be("一般公共预算财力")),
            ]),
            // 018#12
            ("2020年全县民生支出实现47.2亿元,增长5.4%,占一般公共预算支出的85.8%,其中教育支出实现17.5亿元,增长1%;", [
                Want(text: "47.2亿元", value: 4.72e9, kind: .amount, label: .be("民生支出")),
                Want(text: "5.4%", value: 5.4, kind: .percent, label: .be("民生支出"), relation: .be("增长")),
                Want(text: "85.8%", value: 85.8, kind: .percent, label: .be("民生支出"), relation: .be("占")),
                Want(text: "17.5亿元", value: 1.75e9, kind: .amount, label: .be("教育支出")),
                Want(text: "1%", value: 1, kind: .percent, label: .be("教育支出"), relation: .be("增长")),
            ]),
        ]
        for (text, wants) in table { check(text, wants) }
    }
}
