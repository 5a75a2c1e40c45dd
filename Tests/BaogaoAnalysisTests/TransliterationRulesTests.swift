import XCTest

@testable import BaogaoAnalysis

/// Reading ICU's Traditional-Simplified rules, and exactness of the
/// character-by-character fast path against ICU over whole strings.
final class TransliterationRulesTests: XCTestCase {
    func testParsesPlainRules() {
        let rules = TransliterationRules(parsing: "\\u8A08\\u756B > \\u8BA1\\u5212;\n\\u8A08 > \\u8BA1;\n\n")
        XCTAssertTrue(rules.understood)
        XCTAssertEqual(rules.pairs, [UInt64(0x8A08) << 32 | 0x756B])
        XCTAssertEqual(rules.firsts, [0x8A08])
        XCTAssertEqual(rules.seconds, [0x756B])
    }

    func testSyntaxItDoesNotKnowMeansWholeTextICU() {
        XCTAssertFalse(TransliterationRules(parsing: ":: [:Han:] ;\n\\u8A08 > \\u8BA1;").understood)
        XCTAssertFalse(TransliterationRules(parsing: "\\u8A08 } \\u756B > \\u8BA1;").understood)
        XCTAssertFalse(TransliterationRules(parsing: "ab > cd;").understood)
        XCTAssertFalse(TransliterationRules(parsing: "\\u8A08\\u756B > \\u8BA1\\u5212").understood, "no ;")
        XCTAssertFalse(
            TransliterationRules(parsing: "\\u0061\\u8A08 > \\u0062;").understood,
            "a multi-character rule with a non-CJK character")
        XCTAssertFalse(TransliterationRules(unreadable: ()).understood)
    }

    func testCharacterByCharacterModeHasNoPairs() {
        let simplifier = TraditionalToSimplified()
        XCTAssertTrue(simplifier.rules.pairs.isEmpty)
        XCTAssertTrue(simplifier.isCharacterLevel)
        XCTAssertFalse(TraditionalToSimplified(mode: .icuContextual).rules.pairs.isEmpty)
    }

    func testICURulesAreUnderstood() {
        let rules = TraditionalToSimplified.icuRules
        XCTAssertTrue(rules.understood, "ICU's rules changed shape: every text now goes to ICU whole (slow)")
        XCTAssertTrue(rules.pairs.contains(UInt64(0x8A08) << 32 | 0x756B), "計畫")
        XCTAssertTrue(rules.pairs.contains(UInt64(0x5DE1) << 32 | 0x5BDF), "巡察")
        XCTAssertGreaterThan(rules.pairs.count, 500)
    }

    /// Every multi-character rule's source, alone, inside CJK text, and next
    /// to other sources (where greedy matching decides which rule wins): the
    /// contextual mode equals ICU over the whole text, the default mode equals
    /// ICU character by character.
    func testEveryMultiCharacterRuleMatchesICU() throws {
        guard let transliterator = ICUTransliterator(identifier: TraditionalToSimplified.identifier),
            let text = transliterator.rules()
        else { return XCTFail("rules") }
        var sources: [String] = []
        for line in text.split(separator: "\n") {
            guard let side = line.split(separator: ">").first else { continue }
            var scalars = String.UnicodeScalarView()
            for hex in side.split(separator: "\\").map({ $0.trimmingCharacters(in: .whitespaces) }) where hex.count > 1 {
                if let v = UInt32(hex.dropFirst(), radix: 16), let s = Unicode.Scalar(v) { scalars.append(s) }
            }
            if scalars.count >= 2 { sources.append(String(scalars)) }
        }
        XCTAssertGreaterThan(sources.count, 900)
        let analyzer = Analyzer(simplification: .icuContextual)
        let reference = ReferenceNormalizer(contextual: true)
        let characterLevel = Analyzer()
        let characterReference = ReferenceNormalizer()
        var texts: [String] = []
        for (i, source) in sources.enumerated() {
            let next = sources[(i + 1) % sources.count]
            texts += [
                source, "的" + source + "的", source + next, "(" + source + ")" + next,
                String(source.dropFirst()) + next, source + String(next.dropFirst())
            ]
        }
        var mismatches = 0
        for text in texts {
            if analyzer.normalize(text).string != reference.normalize(text) {
                mismatches += 1
                if mismatches <= 5 { XCTFail("\(text): \(analyzer.normalize(text).string) vs \(reference.normalize(text))") }
            }
            if characterLevel.normalize(text).string != characterReference.normalize(text) {
                mismatches += 1
                if mismatches <= 5 { XCTFail("character by character: \(text)") }
            }
        }
        XCTAssertEqual(mismatches, 0)
    }
}
