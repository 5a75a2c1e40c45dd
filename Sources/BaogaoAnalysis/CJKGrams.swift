/// Which characters get character n-grams, and how they are enumerated.
///
/// Every maximal run of CJK characters in the normalised text yields one unigram
/// per character and one bigram per adjacent pair, positioned at the normalised
/// scalar offset of their first character. Any query that is itself a run of CJK
/// characters can then be answered exactly: one character by its unigram, two or
/// more by the chain of bigrams at consecutive positions (ARCHITECTURE.md, decision 1).
///
/// Two CJK characters with only inline marks between them (`过“紧`, see
/// `InlineMarks`) also yield a *joined bigram* (过紧), kept apart from the
/// bigrams so that a quoted phrase still finds only unbroken text. The index
/// positions both kinds of bigram in the text without its inline marks (format
/// 7), where plain and joined bigrams together are exactly that text's bigrams;
/// the enumerations here give offsets in the text as it is.
public enum CJKGrams {
    /// CJK ideographs (all blocks, including the astral extensions) and the
    /// iteration mark 〇/々 that behaves like one. Inlinable: the inverter, in another
    /// module, asks it of every scalar of the corpus, and a call each was 1 % of indexing.
    @inlinable @inline(__always)
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF,
            0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x2F800...0x2FA1F,
            0x30000...0x323AF, 0x3005, 0x3007:
            return true
        default:
            return false
        }
    }

    /// Calls `body(first, second, position)` for every unigram (`second == nil`)
    /// and bigram in `scalars`, in order of position (the unigram first).
    @inline(__always)
    public static func forEach(
        in scalars: [Unicode.Scalar],
        _ body: (Unicode.Scalar, Unicode.Scalar?, Int) -> Void
    ) {
        let n = scalars.count
        var i = 0
        while i < n {
            let c = scalars[i]
            if isCJK(c) {
                body(c, nil, i)
                if i + 1 < n, isCJK(scalars[i + 1]) {
                    body(c, scalars[i + 1], i)
                }
            }
            i += 1
        }
    }

    /// Calls `body(first, second, position)` for every joined bigram in
    /// `scalars`: two CJK characters with one or more inline marks, and nothing
    /// else, between them; `position` is the first character's offset.
    public static func forEachJoined(
        in scalars: [Unicode.Scalar],
        _ body: (Unicode.Scalar, Unicode.Scalar, Int) -> Void
    ) {
        for i in scalars.indices where isCJK(scalars[i]) {
            if let j = InlineMarks.endOfJoin(after: i, in: scalars) { body(scalars[i], scalars[j], i) }
        }
    }
}
