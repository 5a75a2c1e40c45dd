/// How terms are spelled in the term dictionary: one kind byte, then the term's
/// normalised text in UTF-8. Sorting keys bytewise groups the kinds and sorts
/// each kind by its UTF-8 text, so prefix enumeration works within a kind.
///
///     'u' 0x75  CJK unigram    u财        = 75 E8 B4 A2
///     'b' 0x62  CJK bigram     b财政      = 62 E8 B4 A2 E6 94 BF
///     'j' 0x6A  joined bigram  j过紧      = 6A E8 BF 87 E7 B4 A7   (from 过“紧)
///     'w' 0x77  ICU word       w预算 / wgdp / w8.57 (numbers without separators)
public enum TermKind: UInt8, Sendable, CaseIterable {
    case bigram = 0x62
    /// Two CJK characters with inline marks between them (`过“紧` → 过紧;
    /// `InlineMarks`): a key of its own, so that the bigrams, and the phrases
    /// found through them, stay exact.
    case joinedBigram = 0x6A
    case unigram = 0x75
    case word = 0x77

    /// Only bigrams keep positions: phrases and terms of three characters and more
    /// are chains of bigrams at consecutive positions. Joined bigrams do (format 7):
    /// with the bigrams' positions counted as in the text without inline marks, a
    /// term split by marks is a chain of plain and joined bigrams, matched from the
    /// index like any other. Unigrams and words keep none (words since format 10):
    /// a one-character or one-word query needs only the documents and counts, and
    /// its highlights are found in the text of the few hits shown.
    var hasPositions: Bool { self == .bigram || self == .joinedBigram }

    public var name: String {
        switch self {
        case .unigram: return "unigram"
        // Counted with the bigrams (the term dictionary's trailer and `stats`):
        // they are bigrams, read across marks.
        case .bigram, .joinedBigram: return "bigram"
        case .word: return "word"
        }
    }
}

public enum TermKey {
    public static func make(_ kind: TermKind, _ text: String) -> [UInt8] {
        [kind.rawValue] + Array(text.utf8)
    }

    /// The in-memory key of a CJK gram while indexing: unigram `1<<62 | a`,
    /// bigram `2<<62 | a<<21 | b`, joined bigram `3<<62 | a<<21 | b` (scalars
    /// are at most 21 bits). Never 0.
    @inline(__always)
    static func gram(_ a: Unicode.Scalar, _ b: Unicode.Scalar?, joined: Bool = false) -> UInt64 {
        if let b {
            return ((joined ? 3 : 2) << 62) | (UInt64(a.value) << 21) | UInt64(b.value)
        }
        return (1 << 62) | UInt64(a.value)
    }
}
