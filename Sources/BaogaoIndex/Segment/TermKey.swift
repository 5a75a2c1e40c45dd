/// How terms are spelled in the term dictionary: one kind byte, then the term's
/// normalised text in UTF-8. Sorting keys bytewise groups the kinds and sorts
/// each kind by its UTF-8 text, so prefix enumeration works within a kind.
///
///     'u' 0x75  CJK unigram    u财        = 75 E8 B4 A2
///     'b' 0x62  CJK bigram     b财政      = 62 E8 B4 A2 E6 94 BF
///     'w' 0x77  ICU word       w预算 / wgdp / w8.57 (numbers without separators)
public enum TermKind: UInt8, Sendable, CaseIterable {
    case bigram = 0x62
    case unigram = 0x75
    case word = 0x77

    /// Unigrams keep no positions: a one-character query needs only the documents,
    /// and its highlights are found in the text of the few hits shown.
    var hasPositions: Bool { self != .unigram }

    public var name: String {
        switch self {
        case .unigram: return "unigram"
        case .bigram: return "bigram"
        case .word: return "word"
        }
    }
}

public enum TermKey {
    public static func make(_ kind: TermKind, _ text: String) -> [UInt8] {
        [kind.rawValue] + Array(text.utf8)
    }

    /// The in-memory key of a CJK gram while indexing: unigram `1<<62 | a`,
    /// bigram `2<<62 | a<<21 | b` (scalars are at most 21 bits). Never 0.
    @inline(__always)
    static func gram(_ a: Unicode.Scalar, _ b: Unicode.Scalar?) -> UInt64 {
        if let b {
            return (2 << 62) | (UInt64(a.value) << 21) | UInt64(b.value)
        }
        return (1 << 62) | UInt64(a.value)
    }
}
