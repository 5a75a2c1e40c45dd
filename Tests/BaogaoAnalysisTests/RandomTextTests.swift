import XCTest

@testable import BaogaoAnalysis

/// Lucene's checkRandomData: thousands of random strings mixing CJK, astral,
/// combining marks, jamo, controls, full-width and compatibility characters and
/// any other scalars. Analysis must never crash, the offset map must keep its
/// invariants, and normalisation must equal ICU's over the whole string.
final class RandomTextTests: XCTestCase {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pools: [[ClosedRange<UInt32>]] = [
        [0x20...0x7E],  // ASCII
        [0x30...0x39, 0x2C...0x2E, 0x25...0x25],  // digits , - . %
        [0x4E00...0x9FFF],  // CJK
        [
            0x8A08...0x8A08, 0x756B...0x756B, 0x5DE1...0x5DE1, 0x5BDF...0x5BDF,
            0x5730...0x5730, 0x65B9...0x65B9, 0x8CA1...0x8CA1, 0x9810...0x9810
        ],  // 計畫巡察地方財預
        [0x20000...0x2A6DF, 0x1F600...0x1F64F],  // astral CJK, emoji
        [0x0300...0x036F, 0x1100...0x11FF, 0x3099...0x309A],  // combining marks, jamo
        [0x00...0x1F, 0x7F...0x9F, 0x00AD...0x00AD, 0x200B...0x200F, 0xFEFF...0xFEFF],  // controls, format
        [0xFF01...0xFF5E, 0x3000...0x303F],  // full-width, CJK punctuation
        [0x3220...0x3243, 0x00BC...0x00BE, 0xFB00...0xFB06, 0xFDFA...0xFDFB, 0x2460...0x24FF],  // compatibility
        [0x00...0xD7FF, 0xE000...0x10FFFF]  // any scalar
    ]

    static func randomString(_ rng: inout Random) -> String {
        let length = Int.random(in: 0...24, using: &rng)
        var s = String.UnicodeScalarView()
        for _ in 0..<length {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            let range = pool[Int.random(in: 0..<pool.count, using: &rng)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { s.append(scalar) }
        }
        return String(s)
    }

    func testRandomStringsKeepInvariantsAndAgreeWithICU() {
        check(Analyzer(), ReferenceNormalizer(), seed: 20_240_221)
    }

    func testRandomStringsAgreeWithICUInContextualMode() {
        check(Analyzer(simplification: .icuContextual), ReferenceNormalizer(contextual: true), seed: 5)
    }

    private func check(_ analyzer: Analyzer, _ reference: ReferenceNormalizer, seed: UInt64) {
        var rng = Random(state: seed)
        var failures = 0
        for _ in 0..<5000 {
            let text = Self.randomString(&rng)
            let analyzed = analyzer.analyze(text)
            checkInvariants(analyzed, original: text)
            let expected = reference.normalize(text)
            if analyzed.normalized.string != expected {
                failures += 1
                if failures <= 5 {
                    XCTFail(
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) → "
                            + "\(analyzed.normalized.string.unicodeScalars.map { String($0.value, radix: 16) }), "
                            + "ICU \(expected.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
            for word in analyzed.words { XCTAssertFalse(analyzed.term(of: word).isEmpty) }
        }
        XCTAssertEqual(failures, 0)
    }

    func testLongRandomTextsWithManyPieces() {
        // Long strings exercise buffer growth (expansions) and piece handling.
        let analyzer = Analyzer()
        let reference = ReferenceNormalizer()
        let contextual = Analyzer(simplification: .icuContextual)
        let contextualReference = ReferenceNormalizer(contextual: true)
        var rng = Random(state: 7)
        for _ in 0..<50 {
            var text = ""
            for _ in 0..<40 { text += Self.randomString(&rng) }
            text += String(repeating: "\u{FDFA}", count: 50)  // 1 scalar → 18
            let normalized = analyzer.normalize(text)
            checkMapInvariants(normalized, original: text)
            XCTAssertEqual(normalized.string, reference.normalize(text))
            XCTAssertEqual(contextual.normalize(text).string, contextualReference.normalize(text))
        }
    }
}
