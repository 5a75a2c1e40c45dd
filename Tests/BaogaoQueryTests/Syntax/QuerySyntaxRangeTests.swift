import XCTest

@testable import BaogaoQuery

final class QuerySyntaxRangeTests: XCTestCase {
    private func range(_ query: String, file: StaticString = #filePath, line: UInt = #line) -> NumberRange? {
        do {
            let q = try parse(query)
            guard case .range(let r) = q.root else {
                XCTFail("\(query) is not a range: \(q.root?.sExpression ?? "")", file: file, line: line)
                return nil
            }
            return r
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    private func assertRange(
        _ query: String, _ expected: NumberRange,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard var r = range(query, file: file, line: line) else { return }
        XCTAssertEqual(r.original, query, file: file, line: line)
        XCTAssertEqual(r.span, 0..<query.unicodeScalars.count, file: file, line: line)
        r.original = ""
        r.span = 0..<0
        XCTAssertEqual(r, expected, query, file: file, line: line)
    }

    func testComparisons() {
        assertRange(">1亿", NumberRange(kind: .amount, unit: "元", lower: 1e8, lowerInclusive: false))
        assertRange(">=5000万元", NumberRange(kind: .amount, unit: "元", lower: 5e7))
        assertRange("<2%", NumberRange(kind: .percent, unit: "%", upper: 2, upperInclusive: false))
        assertRange("<=3%", NumberRange(kind: .percent, unit: "%", upper: 3))
        assertRange(">1.5个百分点", NumberRange(kind: .percentagePoint, unit: "个百分点", lower: 1.5, lowerInclusive: false))
        assertRange(">100", NumberRange(lower: 100, lowerInclusive: false))
        assertRange(">8.57亿元", NumberRange(kind: .amount, unit: "元", lower: 857_000_000, lowerInclusive: false))
        assertRange(">1,564万元", NumberRange(kind: .amount, unit: "元", lower: 15_640_000, lowerInclusive: false))
        assertRange(">2万亿元", NumberRange(kind: .amount, unit: "元", lower: 2e12, lowerInclusive: false))
        assertRange(">3千元", NumberRange(kind: .amount, unit: "元", lower: 3000, lowerInclusive: false))
        assertRange(">50万人次", NumberRange(kind: .count, unit: "人次", lower: 5e5, lowerInclusive: false))
        assertRange(">=2万平方米", NumberRange(kind: .count, unit: "平方米", lower: 2e4))
        assertRange("<10家", NumberRange(kind: .count, unit: "家", upper: 10, upperInclusive: false))
        assertRange("<-5%", NumberRange(kind: .percent, unit: "%", upper: -5, upperInclusive: false))
    }

    func testFullWidthAndMathSymbols() {
        assertRange("＞１亿", NumberRange(kind: .amount, unit: "元", lower: 1e8, lowerInclusive: false))
        assertRange("≥5％", NumberRange(kind: .percent, unit: "%", lower: 5))
        assertRange("≤3%", NumberRange(kind: .percent, unit: "%", upper: 3))
        assertRange("＞＝5%", NumberRange(kind: .percent, unit: "%", lower: 5))
    }

    func testRelationWords() {
        assertRange("增长>5%", NumberRange(relation: "增长", kind: .percent, unit: "%", lower: 5, lowerInclusive: false))
        assertRange("下降>10%", NumberRange(relation: "下降", kind: .percent, unit: "%", lower: 10, lowerInclusive: false))
        assertRange("增长5%..10%", NumberRange(relation: "增长", kind: .percent, unit: "%", lower: 5, upper: 10))
    }

    func testBetween() {
        assertRange("1亿..10亿", NumberRange(kind: .amount, unit: "元", lower: 1e8, upper: 1e9))
        assertRange("1000万元..1亿元", NumberRange(kind: .amount, unit: "元", lower: 1e7, upper: 1e8))
        assertRange("1..10亿", NumberRange(kind: .amount, unit: "元", lower: 1e8, upper: 1e9))
        assertRange("5%..8", NumberRange(kind: .percent, unit: "%", lower: 5, upper: 8))
        assertRange("2022..2024", NumberRange(lower: 2022, upper: 2024))
        assertRange("3..3", NumberRange(lower: 3, upper: 3))
    }

    func testEqualityToleranceFollowsWrittenPrecision() {
        assertRange("=20160万元", NumberRange(kind: .amount, unit: "元", lower: 201_595_000, upper: 201_605_000))
        assertRange("=8.57亿", NumberRange(kind: .amount, unit: "元", lower: 856_500_000, upper: 857_500_000))
        assertRange("=5%", NumberRange(kind: .percent, unit: "%", lower: 4.5, upper: 5.5))
    }

    func testContainsAndAccepts() {
        let r = NumberRange(kind: .amount, unit: "元", lower: 1e8, lowerInclusive: false, upper: 2e8)
        XCTAssertFalse(r.contains(1e8))
        XCTAssertTrue(r.contains(1.5e8))
        XCTAssertTrue(r.contains(2e8))
        XCTAssertFalse(r.contains(2.1e8))
        XCTAssertTrue(r.accepts(kind: .amount, unit: "元"))
        XCTAssertFalse(r.accepts(kind: .percent, unit: "%"))
        XCTAssertTrue(NumberRange(lower: 1).accepts(kind: .count, unit: "人"))
        let people = NumberRange(kind: .count, unit: "人", lower: 1)
        XCTAssertTrue(people.accepts(kind: .count, unit: "人"))
        XCTAssertFalse(people.accepts(kind: .count, unit: "户"))
    }

    /// Two bounds on the same facts are one range, spaced or glued; before, a fact
    /// had to satisfy either, and `>=1000万元 <=2000万元` listed 12.6亿元.
    func testBoundsOnTheSameFactsCombine() throws {
        let spaced = try XCTUnwrap(range(">=1000万元 <=2000万元"))
        XCTAssertEqual(spaced.lower, 1e7)
        XCTAssertEqual(spaced.upper, 2e7)
        XCTAssertEqual(spaced.span, 0..<17)
        assertRange(">=1亿元<=2亿元", NumberRange(kind: .amount, unit: "元", lower: 1e8, upper: 2e8))
        assertRange(
            ">1亿<2亿",
            NumberRange(
                kind: .amount, unit: "元", lower: 1e8, lowerInclusive: false,
                upper: 2e8, upperInclusive: false))
        assertRange(
            "增长>5%<=10%",
            NumberRange(
                relation: "增长", kind: .percent, unit: "%", lower: 5, lowerInclusive: false,
                upper: 10))
        assertParses(">1亿 >2亿 <=5亿", "(range amount (200000000, 500000000])")
        assertParses("教育 >=1亿 <=2亿", "(and 教育 (range amount [100000000, 200000000]))")
        // Different facts stay two conditions of the paragraph.
        assertParses(">1亿元 增长>5%", "(and (range amount >100000000) (range 增长 percent >5))")
        assertParses(">1亿元 >5%", "(and (range amount >100000000) (range percent >5))")
        // Only ANDed bounds combine.
        assertParses(">2亿 OR <1亿", "(or (range amount >200000000) (range amount <100000000))")
    }

    /// Text glued before a range is a label unless it is (or ends in) a relation word.
    func testGluedTextIsALabelUnlessARelation() {
        assertRange("支出>1亿", NumberRange(label: "支出", kind: .amount, unit: "元", lower: 1e8, lowerInclusive: false))
        assertRange(
            "教育支出增长>5%",
            NumberRange(
                relation: "增长", label: "教育支出", kind: .percent, unit: "%",
                lower: 5, lowerInclusive: false))
        assertRange("同比下降>10%", NumberRange(relation: "同比下降", kind: .percent, unit: "%", lower: 10, lowerInclusive: false))
        assertRange("占>30%", NumberRange(relation: "占", kind: .percent, unit: "%", lower: 30, lowerInclusive: false))
        assertRange("为预算>100%", NumberRange(relation: "为预算", kind: .percent, unit: "%", lower: 100, lowerInclusive: false))
        assertRange("收入1亿..2亿", NumberRange(label: "收入", kind: .amount, unit: "元", lower: 1e8, upper: 2e8))
    }

    func testRangeErrors() {
        assertError(">2亿 <1亿", .badRange, at: 0)
        assertError(">=1亿元<=5%", .mixedUnits(">=1亿元", "<=5%"), at: 5)
        assertError(">", .badNumber(""), at: 1)
        assertError("教育 >亿", .badNumber("亿"), at: 4)
        assertError(">>1", .badNumber(">1"), at: 1)
        assertError("a>b", .badNumber("b"), at: 2)
        assertError(">5斤", .unknownUnit("斤"), at: 2)
        assertError(">1亿元的", .unknownUnit("亿元的"), at: 2)
        assertError("10亿..1亿", .badRange, at: 0)
        assertError("1亿..5%", .mixedUnits("亿", "%"), at: 4)
        assertError("1人..5户", .mixedUnits("人", "户"), at: 4)
        assertError("1亿..", .badNumber(""), at: 4)
        assertError(">" + String(repeating: "9", count: 400), .badNumber(String(repeating: "9", count: 400)), at: 1)
    }
}
