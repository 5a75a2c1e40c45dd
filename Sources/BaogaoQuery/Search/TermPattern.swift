import BaogaoAnalysis

/// What a term or phrase of a query matches in normalised text.
///
/// A bare term reads through inline marks (`InlineMarks`): 过紧日子 finds
/// 过“紧日子” as well as 过紧日子, since the reports write a policy term both
/// ways. A quoted phrase, and a bare term that holds such a mark itself, match
/// the text exactly as written: quoting is how a user asks for the unbroken text.
struct TermPattern: Hashable, Sendable {
    /// The folded text.
    var scalars: [Unicode.Scalar]
    /// Whether inline marks of the text are skipped.
    var acrossMarks: Bool

    init(_ scalars: [Unicode.Scalar], acrossMarks: Bool) {
        self.scalars = scalars
        self.acrossMarks = acrossMarks && !scalars.contains(where: InlineMarks.isInlineMark)
    }

    /// A term read through marks, a phrase exactly; nil for other nodes.
    init?(_ node: QueryNode) {
        switch node {
        case .term(let t): self.init(Array(t.folded.unicodeScalars), acrossMarks: true)
        case .phrase(let t): self.init(Array(t.folded.unicodeScalars), acrossMarks: false)
        default: return nil
        }
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// The folded text, as a string: the form idf and word lookups use.
    var text: String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }

    /// Whether matching in `text` must skip marks: one character never spans
    /// any, and most paragraphs hold none to skip.
    private func readsThroughMarks(of text: [Unicode.Scalar]) -> Bool {
        acrossMarks && scalars.count >= 2 && InlineMarks.occur(in: text)
    }

    /// Every match in `text` (normalised), as ranges of it in order; a match
    /// across marks includes the marks inside it (过“紧日子 for 过紧日子).
    func ranges(in text: [Unicode.Scalar]) -> [Range<Int>] {
        ranges(in: MarkedText(text, for: [self]))
    }

    /// `ranges(in:)` in a text whose inline marks were looked for once, for all
    /// of a query's terms: looking for them term by term cost as much as the
    /// matching (re-ranking reads 50 paragraphs for a two-term query).
    func ranges(in text: MarkedText) -> [Range<Int>] {
        let n = scalars.count
        guard acrossMarks && n >= 2, let free = text.withoutMarks else {
            return Occurrences.starts(of: scalars, in: text.scalars).map { $0..<($0 + n) }
        }
        return Occurrences.starts(of: scalars, in: free.scalars).map { free.offsets[$0]..<(free.offsets[$0 + n - 1] + 1) }
    }

    /// Whether `text` holds a match.
    func occurs(in text: [Unicode.Scalar]) -> Bool {
        guard readsThroughMarks(of: text) else { return Occurrences.contains(scalars, in: text) }
        return Occurrences.contains(scalars, in: InlineMarks.withoutInlineMarks(text).scalars)
    }

    /// How many matches `text` holds.
    func count(in text: [Unicode.Scalar]) -> Int {
        guard readsThroughMarks(of: text) else { return Occurrences.count(of: scalars, in: text) }
        return Occurrences.count(of: scalars, in: InlineMarks.withoutInlineMarks(text).scalars)
    }
}

extension QueryNode {
    /// The patterns of `positiveTerms`, in query order.
    var positivePatterns: [TermPattern] {
        positiveTermNodes.compactMap(TermPattern.init)
    }
}

/// A normalised text, and the same text without its inline marks when it
/// holds any (`InlineMarks.withoutInlineMarks`) and a pattern reads through
/// them: a bare term of two characters or more is matched in that text.
struct MarkedText {
    let scalars: [Unicode.Scalar]
    let withoutMarks: (scalars: [Unicode.Scalar], offsets: [Int])?

    init(_ scalars: [Unicode.Scalar], for patterns: [TermPattern]) {
        self.scalars = scalars
        let needed = patterns.contains { $0.acrossMarks && $0.scalars.count >= 2 }
        withoutMarks = needed && InlineMarks.occur(in: scalars) ? InlineMarks.withoutInlineMarks(scalars) : nil
    }
}
