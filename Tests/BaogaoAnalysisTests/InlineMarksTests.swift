import XCTest

@testable import BaogaoAnalysis

/// Which marks join two CJK characters into a joined bigram, as a table of
/// text (normalised first, as the index does) → `gram@position`, and the text a
/// bare term is read in.
final class InlineMarksTests: XCTestCase {
    let analyzer = Analyzer()

    private func joined(_ text: String) -> [String] {
        var out: [String] = []
        CJKGrams.forEachJoined(in: analyzer.normalize(text).scalars) { a, b, position in
            out.append("\(a)\(b)@\(position)")
        }
        return out
    }

    func testQuotationAndTitleMarksInsideCJKTextJoin() {
        let table: [(String, [String])] = [
            ("过“紧日子”要求", ["过紧@0", "子要@4"]),
            ("坚持“六稳”“六保”", ["持六@1", "稳六@4"]),
            ("过‘紧日子’", ["过紧@0"]),
            ("过「紧日子」要", ["过紧@0", "子要@4"]),
            ("过『紧日子』要", ["过紧@0", "子要@4"]),
            ("落实《预算法》规定", ["实预@1", "法规@5"]),
            ("〈条例〉规定", ["例规@2"]),
            ("过\"紧日子\"要", ["过紧@0", "子要@4"]),
            ("过'紧日子'要", ["过紧@0", "子要@4"]),
            // Full-width ASCII quotes fold to ASCII first.
            ("过＂紧日子＂要", ["过紧@0", "子要@4"]),
            // Traditional characters fold too: 過 → 过.
            ("過“緊日子”", ["过紧@0"])
        ]
        for (text, grams) in table { XCTAssertEqual(joined(text), grams, text) }
    }

    func testBracketsSpacesAndOtherNeighboursDoNotJoin() {
        let table: [(String, [String])] = [
            // Brackets hold asides, enumerators and document numbers.
            ("调入资金（调出资金）", []),
            ("资金(调出)资金", []),
            ("【预算稳定调节基金】指", []),
            ("〔2023〕号", []),
            // A mark must have a CJK character right on both sides.
            ("“631”工作机制", []),
            ("“三保”，", []),
            ("过 “紧日子", []),
            ("过“ 紧日子", []),
            ("过“，紧日子", []),
            ("过紧日子", []),
            ("“”", [])
        ]
        for (text, grams) in table { XCTAssertEqual(joined(text), grams, text) }
    }

    func testTheTextWithoutInlineMarksMapsBackToTheOriginal() {
        let text = Array("过“紧日子”（草案）“AA”".unicodeScalars)
        XCTAssertTrue(InlineMarks.occur(in: text))
        let free = InlineMarks.withoutInlineMarks(text)
        // Only the mark between 过 and 紧: the one after 子 has （ beside it.
        XCTAssertEqual(String(String.UnicodeScalarView(free.scalars)), "过紧日子”（草案）“AA”")
        XCTAssertEqual(free.offsets, [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        XCTAssertFalse(InlineMarks.occur(in: Array("“631”工作机制，（一）".unicodeScalars)))
    }

    /// Random text over CJK, marks, brackets, a digit and a space, against the
    /// test's own rule: a mark goes when the nearest characters that are not
    /// marks, on both sides, are CJK; a joined bigram is each pair of CJK
    /// characters that only such marks kept apart.
    func testRandomTextAgainstTheRuleStatedPlainly() {
        var rng = SystemRandomNumberGenerator()
        let marks = Set("“”《》".unicodeScalars)
        let cjk = Set("预算".unicodeScalars)
        let alphabet = Array("预算“”《》（）1 ".unicodeScalars)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            func nearest(_ i: Int, _ step: Int) -> Int? {
                var j = i + step
                while j >= 0, j < text.count, marks.contains(text[j]) { j += step }
                return j >= 0 && j < text.count ? j : nil
            }
            var kept: [Unicode.Scalar] = []
            var expected: [String] = []
            for (i, c) in text.enumerated() {
                if marks.contains(c), let l = nearest(i, -1), let r = nearest(i, 1), cjk.contains(text[l]), cjk.contains(text[r])
                {
                    if !marks.contains(text[i + 1]) { expected.append("\(text[l])\(text[r])@\(l)") }
                    continue
                }
                kept.append(c)
            }
            let free = InlineMarks.withoutInlineMarks(text)
            XCTAssertEqual(free.scalars, kept, String(String.UnicodeScalarView(text)))
            for (k, o) in free.offsets.dropLast().enumerated() { XCTAssertEqual(text[o], free.scalars[k]) }
            var grams: [String] = []
            CJKGrams.forEachJoined(in: text) { a, b, position in grams.append("\(a)\(b)@\(position)") }
            XCTAssertEqual(grams, expected, String(String.UnicodeScalarView(text)))
        }
    }
}
