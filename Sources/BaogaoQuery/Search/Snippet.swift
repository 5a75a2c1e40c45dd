import BaogaoAnalysis

/// Where the query's terms occur in a paragraph, in the original text, and a
/// snippet cut from the original text around the best of them.
///
/// Matching runs on the normalised text; the offset map turns each match back
/// into original scalar offsets, so full-width or Traditional text is
/// highlighted as written (ARCHITECTURE.md, decision 3).
public struct Snippet: Sendable, Equatable {
    public var text: String
    /// Ranges in `text` (the snippet), in Unicode scalars.
    public var highlights: [Range<Int>]

    static let width = 90

    /// Highlight ranges in the original paragraph text, sorted and merged.
    /// A match across inline marks is highlighted with the marks inside it
    /// (过“紧日子 for 过紧日子).
    static func highlights(of terms: [TermPattern], in normalized: NormalizedText) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let text = MarkedText(normalized.scalars, for: terms)
        for term in terms where !term.isEmpty {
            for match in term.ranges(in: text) {
                ranges.append(normalized.originalRange(of: match))
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges where !r.isEmpty {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// A window of about `width` scalars of `original`, starting a little before the
    /// window that holds the most highlights; "…" marks cut ends.
    ///
    /// The window is cut from the string's own UTF-8 by scalar index, not
    /// rebuilt scalar by scalar: appending scalars to a `String` one at a time
    /// was a fifth of a rare term's search (callgrind, BENCHMARKS.md).
    static func make(original: String, highlights: [Range<Int>]) -> Snippet {
        let scalars = original.unicodeScalars
        let count = scalars.count
        guard count > width else { return Snippet(text: original, highlights: highlights) }
        var bestStart = 0
        var bestCount = -1
        for h in highlights {
            let start = max(0, h.lowerBound - 20)
            var inWindow = 0
            for g in highlights where g.lowerBound >= start && g.upperBound <= start + width { inWindow += 1 }
            if inWindow > bestCount {
                bestCount = inWindow
                bestStart = start
            }
        }
        let start = min(bestStart, count - width)
        let end = min(count, start + width)
        let lo = scalars.index(scalars.startIndex, offsetBy: start)
        let hi = scalars.index(lo, offsetBy: end - start)
        let prefix = start > 0 ? "…" : ""
        var text = prefix
        text.append(contentsOf: String(scalars[lo..<hi]))
        if end < count { text.append("…") }
        let shift = prefix.unicodeScalars.count - start
        let inside = highlights.compactMap { h -> Range<Int>? in
            let lo = max(h.lowerBound, start)
            let hi = min(h.upperBound, end)
            return lo < hi ? (lo + shift)..<(hi + shift) : nil
        }
        return Snippet(text: text, highlights: inside)
    }
}
