import XCTest

@testable import BaogaoAnalysis

/// The normaliser's output and its offset map.
final class NormalizerTests: XCTestCase {
    let analyzer = Analyzer()

    private func assertNormalizes(
        _ text: String, _ expected: String, offsets: [Int32],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let normalized = analyzer.normalize(text)
        XCTAssertEqual(normalized.string, expected, file: file, line: line)
        XCTAssertEqual(normalized.originalOffsets, offsets, file: file, line: line)
        checkMapInvariants(normalized, original: text, file: file, line: line)
    }

    /// The original substring that normalised `needle` came from.
    private func original(of needle: String, in text: String) -> String? {
        let normalized = analyzer.normalize(text)
        let hay = normalized.scalars
        let n = Array(needle.unicodeScalars)
        guard let start = (0...(hay.count - n.count)).first(where: { Array(hay[$0..<($0 + n.count)]) == n })
        else { return nil }
        let range = normalized.originalRange(of: start..<(start + n.count))
        let scalars = Array(text.unicodeScalars)[range]
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    func testFullWidthFoldOneToOne() {
        assertNormalizes("（２０２４），Ａ", "(2024),a", offsets: [0, 1, 2, 3, 4, 5, 6, 7, 8])
    }

    func testTraditionalFoldsOneToOne() {
        assertNormalizes("財政預算", "财政预算", offsets: [0, 1, 2, 3, 4])
        // Character by character: 畫 → 画 wherever it stands (not ICU's 計畫 → 计划).
        assertNormalizes("計畫與規畫", "计画与规画", offsets: [0, 1, 2, 3, 4, 5])
    }

    func testSimplifiedTermsAreNotRewritten() {
        // ICU's two-character rule 巡察 → 巡查 is not applied (TraditionalToSimplified).
        assertNormalizes("开展巡察工作", "开展巡察工作", offsets: [0, 1, 2, 3, 4, 5, 6])
        assertNormalizes("巡查稽察份子", "巡查稽察份子", offsets: [0, 1, 2, 3, 4, 5, 6])
    }

    func testNormalisationPreservesSubstrings() {
        // The property decision 1 relies on: a substring of a text normalises to a
        // substring of the normalised text.
        let text = "開展巡察工作，計畫與規畫（２０２４）"
        let whole = analyzer.normalize(text).string
        let scalars = Array(text.unicodeScalars)
        for i in 0..<scalars.count {
            for j in (i + 1)...scalars.count {
                let part = String(String.UnicodeScalarView(scalars[i..<j]))
                XCTAssertTrue(whole.contains(analyzer.normalize(part).string), part)
            }
        }
    }

    func testContextualModeReproducesICU() {
        let contextual = Analyzer(simplification: .icuContextual)
        XCTAssertEqual(contextual.normalize("計畫與規畫").string, "计划与规划")
        XCTAssertEqual(contextual.normalize("开展巡察工作").string, "开展巡查工作")
        XCTAssertEqual(contextual.normalize("地方政府").string, "地方政府")
        XCTAssertEqual(contextual.normalize("計畫").originalOffsets, [0, 1, 2])
    }

    func testAstralScalarsAreOneOffsetEach() {
        assertNormalizes("𠀀財𠀁政", "𠀀财𠀁政", offsets: [0, 1, 2, 3, 4])
    }

    func testExpansionsMapEveryOutputToTheirSource() {
        assertNormalizes("㈠项目", "(一)项目", offsets: [0, 0, 0, 1, 2, 3])
        assertNormalizes("½x", "1\u{2044}2x", offsets: [0, 0, 0, 1, 2])
        assertNormalizes("ﬁ", "fi", offsets: [0, 0, 1])
    }

    func testRemovedScalarsLeaveGapsInTheMap() {
        assertNormalizes("a\u{00AD}b", "ab", offsets: [0, 2, 3])
        assertNormalizes("a\u{200B}\u{FEFF}b\u{00AD}", "ab", offsets: [0, 3, 5])
    }

    func testComposingPiecesMapToTheirFirstScalar() {
        assertNormalizes("xe\u{0301}y", "xéy", offsets: [0, 1, 3, 4])
        assertNormalizes("\u{1100}\u{1161}\u{11A8}", "각", offsets: [0, 3])
        assertNormalizes("\u{0301}a", "\u{0301}a", offsets: [0, 1, 2])
    }

    func testOriginalRangeRecoversTheOriginalSubstring() {
        XCTAssertEqual(original(of: "(2024)", in: "关于（２０２４）預算"), "（２０２４）")
        XCTAssertEqual(original(of: "预算", in: "关于（２０２４）預算"), "預算")
        XCTAssertEqual(original(of: "一", in: "㈠项目"), "㈠")
        XCTAssertEqual(original(of: "项目", in: "㈠项目"), "项目")
        XCTAssertEqual(original(of: "é", in: "xe\u{0301}y"), "e\u{0301}")
        XCTAssertEqual(original(of: "ab", in: "a\u{00AD}b"), "a\u{00AD}b")
        XCTAssertEqual(original(of: "𠀁政", in: "𠀀財𠀁政"), "𠀁政")
    }

    func testEmptyText() {
        assertNormalizes("", "", offsets: [0])
    }

    func testAgreesWithICUOverWholeCorpusParagraphs() throws {
        let paragraphs = try corpusParagraphs()
        XCTAssertGreaterThan(paragraphs.count, 100)
        for (analyzer, reference) in [
            (analyzer, ReferenceNormalizer()),
            (Analyzer(simplification: .icuContextual), ReferenceNormalizer(contextual: true))
        ] {
            var mismatches = 0
            for p in paragraphs {
                for text in [p, ReferenceNormalizer.traditional(p)] {
                    let normalized = analyzer.normalize(text)
                    if normalized.string != reference.normalize(text) {
                        mismatches += 1
                        if mismatches < 5 { XCTFail("differs from ICU: \(text)") }
                    }
                    checkMapInvariants(normalized, original: text)
                }
            }
            XCTAssertEqual(mismatches, 0)
        }
    }

    func testTraditionalCorpusAnalyzesLikeSimplified() throws {
        // Where S→T→S round-trips character by character, the words must be the same.
        let reference = ReferenceNormalizer()
        for p in try corpusParagraphs().prefix(200) {
            let traditional = ReferenceNormalizer.traditional(p)
            guard reference.normalize(traditional) == reference.normalize(p) else { continue }
            let a = analyzer.analyze(p)
            let b = analyzer.analyze(traditional)
            XCTAssertEqual(a.words.map { a.term(of: $0) }, b.words.map { b.term(of: $0) }, p)
        }
    }

    /// The scratch buffers one normalizer reuses grow in place and are owned by one
    /// value at a time (`NormalizerOutput` is non-copyable): short, far longer (past
    /// every earlier capacity), then short texts again, each equal to what a fresh
    /// normalizer makes. When the buffers were a copyable struct, a copy outlived a
    /// `reserve` that freed them; run under `swift test --sanitize=address`, this
    /// test reads every output after such growth.
    func testScratchBuffersSurviveGrowthBetweenCalls() {
        let reused = Normalizer()
        let texts = ["財政", String(repeating: "全區一般公共預算收入ＡＢＣ１２３，", count: 5_000), "ｅ\u{301}預算", "三保"]
        for text in texts + texts.reversed() {
            let fresh = Normalizer().normalize(text)
            let again = reused.normalize(text)
            XCTAssertEqual(again.string, fresh.string)
            XCTAssertEqual(again.originalOffsets, fresh.originalOffsets)
        }
    }
}
