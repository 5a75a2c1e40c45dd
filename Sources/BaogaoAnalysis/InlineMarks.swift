/// Quotation and title marks written inside a run of CJK text, which a bare
/// search term reads through: the reports write the same policy term plain and
/// marked (过紧日子 beside 过“紧日子”, 落实预算法 beside 落实《预算法》).
///
/// A mark is *inline* when it is one of `isInlineMark` and sits in a run of such
/// marks with a CJK character right before and right after the run (`过“紧`,
/// `稳”“六`). A mark next to a digit, a letter, a space or other punctuation
/// (`“631”工作机制`, `“三保”，`) is not inline and is never skipped.
///
/// The index records, for every pair of CJK characters with only inline marks
/// between them, a *joined bigram* (`过“紧` gives 过紧; `CJKGrams.forEachJoined`),
/// and counts every bigram's position in the text `withoutInlineMarks` gives,
/// so that a bare term is matched from the index wherever marks split it. That
/// text is also what a bare term is verified and highlighted against.
public enum InlineMarks {
    /// The marks that join. Normalised text is asked (NFKC has already made
    /// ＂ and ＇ ASCII, and 〈 U+2329 into U+3008).
    ///
    /// Quotation marks (“” ‘’ 「」 『』 " ') and title marks (《》 〈〉) wrap a term
    /// that is read as part of the sentence: 过“紧日子”, 落实《预算法》规定.
    /// Brackets of any kind — （）() 【】[] 〔〕 — do not join: in the reports they
    /// hold an aside, not a continuation (`金州区（金普新区）`, `预算（草案）`,
    /// `调入资金（调出资金）`), an enumerator (`（一）`) or a document number
    /// (`〔2023〕`), and reading through them would match text the report never
    /// says (`资金调出` in `调入资金（调出资金）`). `【…】` holds a glossary headword
    /// on a line of its own.
    @inlinable @inline(__always)  // asked by the inverter of every non-CJK scalar
    public static func isInlineMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x201C, 0x201D, 0x2018, 0x2019,  // “ ” ‘ ’
            0x300C, 0x300D, 0x300E, 0x300F,  // 「 」 『 』
            0x300A, 0x300B, 0x3008, 0x3009,  // 《 》 〈 〉
            0x22, 0x27:  // " '
            return true
        default:
            return false
        }
    }

    /// Whether `scalars` hold any inline mark, that is whether
    /// `withoutInlineMarks` would remove anything.
    public static func occur(in scalars: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < scalars.count {
            if CJKGrams.isCJK(scalars[i]), endOfJoin(after: i, in: scalars) != nil { return true }
            i += 1
        }
        return false
    }

    /// The text with every inline mark removed, and for each scalar kept its
    /// offset in `scalars`, plus one last entry: `scalars.count`.
    public static func withoutInlineMarks(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var kept: [Unicode.Scalar] = []
        var offsets: [Int] = []
        kept.reserveCapacity(scalars.count)
        offsets.reserveCapacity(scalars.count + 1)
        var i = 0
        while i < scalars.count {
            kept.append(scalars[i])
            offsets.append(i)
            if CJKGrams.isCJK(scalars[i]), let next = endOfJoin(after: i, in: scalars) {
                i = next
            } else {
                i += 1
            }
        }
        offsets.append(scalars.count)
        return (kept, offsets)
    }

    /// For the CJK character at `i`: when one or more inline marks follow it and
    /// a CJK character follows them, the offset of that character; else nil.
    @inline(__always)
    static func endOfJoin(after i: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var j = i + 1
        while j < scalars.count, isInlineMark(scalars[j]) { j += 1 }
        guard j > i + 1, j < scalars.count, CJKGrams.isCJK(scalars[j]) else { return nil }
        return j
    }
}
