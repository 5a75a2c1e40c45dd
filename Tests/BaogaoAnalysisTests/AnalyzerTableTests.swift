import XCTest

@testable import BaogaoAnalysis

/// Input → words, as tables (Lucene's assertAnalyzesTo, Xapian's term tables).
/// Offsets are normalised scalar offsets; terms are `AnalyzedText.term(of:)`.
/// Where ICU's dictionary decides how CJK splits (万元 → 万 元), the table records
/// what ICU 72 does: CJK bigrams, not these words, guarantee recall.
final class AnalyzerTableTests: XCTestCase {
    let analyzer = Analyzer()

    func testEmptyTextAndOnlyPunctuation() {
        assertAnalyzesTo(analyzer, "", [])
        assertAnalyzesTo(analyzer, "，。、；：！？（）“”《》", [])
        assertAnalyzesTo(analyzer, " - . , % ", [])
    }

    func testTraditionalCharactersFoldToSimplified() {
        assertAnalyzesTo(analyzer, "財政預算", [("财政预算", .cjkWord, 0, 4, 0)])
        // Character by character (see TraditionalToSimplified): 計畫 → 计画.
        assertAnalyzesTo(analyzer, "計畫", [("计画", .cjkWord, 0, 2, 0)])
        assertAnalyzesTo(analyzer, "開展巡察", [("开展", .cjkWord, 0, 2, 0), ("巡察", .cjkWord, 2, 4, 1)])
    }

    func testFullWidthDigitsAndLetters() {
        assertAnalyzesTo(analyzer, "（２０２４）", [("2024", .number, 1, 5, 0)])
        assertAnalyzesTo(
            analyzer, "ＧＤＰ增长５．２％",
            [
                ("gdp", .letters, 0, 3, 0), ("增长", .cjkWord, 3, 5, 1), ("5.2", .number, 5, 8, 2)
            ])
    }

    func testAstralCharactersCountAsOneScalar() {
        assertAnalyzesTo(
            analyzer, "𠀀财政2024年",
            [
                ("𠀀", .cjkWord, 0, 1, 0), ("财政", .cjkWord, 1, 3, 1), ("2024", .number, 3, 7, 2), ("年", .cjkWord, 7, 8, 3)
            ])
    }

    func testAmounts() {
        // The minus sign is not part of the number (see NumberScanner).
        assertAnalyzesTo(
            analyzer, "-3480.83万元",
            [
                ("3480.83", .number, 1, 8, 0), ("万", .cjkWord, 8, 9, 1), ("元", .cjkWord, 9, 10, 2)
            ])
        assertAnalyzesTo(
            analyzer, "1,564万元",
            [
                ("1564", .number, 0, 5, 0), ("万", .cjkWord, 5, 6, 1), ("元", .cjkWord, 6, 7, 2)
            ])
        assertAnalyzesTo(
            analyzer, "8.57亿元",
            [
                ("8.57", .number, 0, 4, 0), ("亿", .cjkWord, 4, 5, 1), ("元", .cjkWord, 5, 6, 2)
            ])
        assertAnalyzesTo(
            analyzer, "141050 万元",
            [
                ("141050", .number, 0, 6, 0), ("万", .cjkWord, 7, 8, 1), ("元", .cjkWord, 8, 9, 2)
            ])
        assertAnalyzesTo(analyzer, "23,876", [("23876", .number, 0, 6, 0)])
        assertAnalyzesTo(analyzer, "１２，３４５，６７８．９", [("12345678.9", .number, 0, 12, 0)])
    }

    func testPercentages() {
        assertAnalyzesTo(
            analyzer, "为调整预算的100.25%，",
            [
                ("为", .cjkWord, 0, 1, 0), ("调整", .cjkWord, 1, 3, 1), ("预算", .cjkWord, 3, 5, 2),
                ("的", .cjkWord, 5, 6, 3), ("100.25", .number, 6, 12, 4)
            ])
        assertAnalyzesTo(
            analyzer, "同比下降32.3%",
            [
                ("同", .cjkWord, 0, 1, 0), ("比", .cjkWord, 1, 2, 1), ("下降", .cjkWord, 2, 4, 2),
                ("32.3", .number, 4, 8, 3)
            ])
    }

    func testYearsAndDates() {
        assertAnalyzesTo(analyzer, "2024年", [("2024", .number, 0, 4, 0), ("年", .cjkWord, 4, 5, 1)])
        assertAnalyzesTo(analyzer, "2023-2024", [("2023", .number, 0, 4, 0), ("2024", .number, 5, 9, 1)])
        assertAnalyzesTo(
            analyzer, "2024.02.21",
            [
                ("2024", .number, 0, 4, 0), ("02", .number, 5, 7, 1), ("21", .number, 8, 10, 2)
            ])
    }

    func testSeparatorsThatAreNotThousandsSeparators() {
        assertAnalyzesTo(analyzer, "1,2", [("1", .number, 0, 1, 0), ("2", .number, 2, 3, 1)])
        assertAnalyzesTo(analyzer, "1234,567", [("1234", .number, 0, 4, 0), ("567", .number, 5, 8, 1)])
        assertAnalyzesTo(
            analyzer, "1.5,3",
            [
                ("1", .number, 0, 1, 0), ("5", .number, 2, 3, 1), ("3", .number, 4, 5, 2)
            ])
    }

    func testMixedLatinAndDigits() {
        // A digit run touching a letter stays inside ICU's word, lower-cased.
        assertAnalyzesTo(
            analyzer, "5G基站",
            [
                ("5g", .letters, 0, 2, 0), ("基", .cjkWord, 2, 3, 1), ("站", .cjkWord, 3, 4, 2)
            ])
        assertAnalyzesTo(analyzer, "GDP", [("gdp", .letters, 0, 3, 0)])
        assertAnalyzesTo(
            analyzer, "AA评级",
            [
                ("aa", .letters, 0, 2, 0), ("评", .cjkWord, 2, 3, 1), ("级", .cjkWord, 3, 4, 2)
            ])
        assertAnalyzesTo(analyzer, "EOD模式", [("eod", .letters, 0, 3, 0), ("模式", .cjkWord, 3, 5, 1)])
        assertAnalyzesTo(
            analyzer, "PPP项目12个",
            [
                ("ppp", .letters, 0, 3, 0), ("项目", .cjkWord, 3, 5, 1), ("12", .number, 5, 7, 2), ("个", .cjkWord, 7, 8, 3)
            ])
    }

    func testCompatibilityCharacters() {
        // ㈠ → (一): three normalised scalars from one original.
        assertAnalyzesTo(
            analyzer, "㈠一般公共预算",
            [
                ("一", .cjkWord, 1, 2, 0), ("一般", .cjkWord, 3, 5, 1), ("公共", .cjkWord, 5, 7, 2),
                ("预算", .cjkWord, 7, 9, 3)
            ])
        assertAnalyzesTo(analyzer, "½", [("1", .number, 0, 1, 0), ("2", .number, 2, 3, 1)])
    }

    func testTermDropsOnlyThousandsSeparatorsOfNumbers() {
        let analyzed = analyzer.analyze("1,564万元与1564万元")
        let numbers = analyzed.words.filter { $0.kind == .number }
        XCTAssertEqual(numbers.map { analyzed.term(of: $0) }, ["1564", "1564"])
        XCTAssertEqual(numbers.map { analyzed.text(of: $0) }, ["1,564", "1564"])
    }
}
