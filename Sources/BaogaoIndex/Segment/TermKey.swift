/// How terms are spelled in the term dictionary: one kind byte, then the term's
/// normalised text in UTF-8. Sorting keys bytewise groups the kinds and sorts
/// each kind by its UTF-8 text, so prefix enumeration works within a kind.
///
///     'u' 0x75  CJK unigram    u财        = 75 E8 B4 A2
///     'b' 0x62  CJK bigram     b财政      = 62 E8 B4 A2 E6 94 BF
///     'j' 0x6A  joined bigram  j过紧      = 6A E8 BF 87 E7 B4 A7   (from 过“紧)
///     'p' 0x70  common phrase  p调入资金  = 70 E8 B0 83 E5 85 A5 E8 B5 84 E9 87 91
///     'w' 0x77  ICU word       w预算 / wgdp / w8.57 (numbers without separators)
public enum TermKind: UInt8, Sendable, CaseIterable {
    case bigram = 0x62
    /// Two CJK characters with inline marks between them (`过“紧` → 过紧;
    /// `InlineMarks`): a key of its own, so that the bigrams, and the phrases
    /// found through them, stay exact.
    case joinedBigram = 0x6A
    /// A run of 3 to `maxPhraseLength` CJK characters frequent in its segment
    /// (format 14, `PhraseMiner`): documents and counts of every place the run
    /// stands unbroken in the normalised text, so that a frequent phrase is one
    /// list, not a positional join of frequent bigrams. Only some segments hold
    /// a given phrase; a query falls back to the bigram chains where one does not.
    case phrase = 0x70
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

    /// The longest phrase term (`phrase`), in characters; the shortest is 3.
    public static let maxPhraseLength = 8

    public var name: String {
        switch self {
        case .unigram: return "unigram"
        // Counted with the bigrams (the term dictionary's trailer and `stats`):
        // they are bigrams, read across marks.
        case .bigram, .joinedBigram: return "bigram"
        case .phrase: return "phrase"
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
