import CICU

/// Turns paragraph text into normalised text and words. One instance per thread:
/// it owns ICU handles, which are not thread-safe.
///
/// FIRST CUT: normalisation is the identity and words are maximal runs of one
/// character class. The analysis work replaces both with ICU (see Normalizer and
/// WordSegmenter); the public API stays.
public final class Analyzer {
    /// Bumped whenever analysis output changes for the same input; stored in the
    /// index so that an index built by another analyzer is rebuilt.
    public static let version = 1

    /// `baogao-analyzer/<version> icu/<ICU version>`: ICU's word breaks change
    /// between ICU versions, so both go into the index.
    public static var identifier: String {
        "baogao-analyzer/\(version) icu/\(icuVersion)"
    }

    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        let n = bg_icu_version(&buffer, Int32(buffer.count))
        guard n > 0 else { return "unknown" }
        return String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public init() {}

    public func normalize(_ text: String) -> NormalizedText {
        NormalizedText(unchanged: text)
    }

    public func analyze(_ text: String) -> AnalyzedText {
        let normalized = normalize(text)
        var words: [Token] = []
        let s = normalized.scalars
        var i = 0
        while i < s.count {
            let kind: Token.Kind?
            if CJKGrams.isCJK(s[i]) { kind = .cjkWord }
            else if s[i].properties.numericType != nil && s[i].isASCII { kind = .number }
            else if s[i].properties.isAlphabetic { kind = .letters }
            else { kind = nil }
            var j = i + 1
            if let kind {
                while j < s.count, Self.sameClass(s[j], kind) { j += 1 }
                words.append(Token(kind: kind, start: Int32(i), end: Int32(j), position: Int32(words.count)))
            }
            i = j
        }
        return AnalyzedText(normalized: normalized, words: words)
    }

    private static func sameClass(_ c: Unicode.Scalar, _ kind: Token.Kind) -> Bool {
        switch kind {
        case .cjkWord: return CJKGrams.isCJK(c)
        case .number: return c.isASCII && c.properties.numericType != nil
        case .letters: return c.properties.isAlphabetic && !CJKGrams.isCJK(c)
        }
    }
}
