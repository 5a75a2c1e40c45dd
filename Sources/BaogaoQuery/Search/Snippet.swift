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
        // Scalars are counted and found through the UTF-8 bytes (a scalar is a
        // byte that does not continue another): an array of the paragraph's
        // scalars, and a view appended scalar by scalar, were most of the cost
        // of a search's hits.
        var utf8 = original
        let count = utf8.withUTF8 { bytes in byteOffset(ofScalar: .max, in: bytes, from: (0, 0)).scalars }
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
        let window = utf8.withUTF8 { bytes in
            let lo = byteOffset(ofScalar: start, in: bytes, from: (0, 0)).byte
            let hi = byteOffset(ofScalar: end, in: bytes, from: (start, lo)).byte
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }
        let prefix = start > 0 ? "…" : ""
        let text = prefix + window + (end < count ? "…" : "")
        let shift = prefix.unicodeScalars.count - start
        let inside = highlights.compactMap { h -> Range<Int>? in
            let lo = max(h.lowerBound, start)
            let hi = min(h.upperBound, end)
            return lo < hi ? (lo + shift)..<(hi + shift) : nil
        }
        return Snippet(text: text, highlights: inside)
    }

    /// Where scalar `target` starts in `bytes` (their end, and how many scalars
    /// they hold, when `target` is past the last), walking on from a known
    /// (scalar, byte) place before it; eight bytes at a time while the target is
    /// not among them.
    private static func byteOffset(
        ofScalar target: Int, in bytes: UnsafeBufferPointer<UInt8>, from: (scalar: Int, byte: Int)
    ) -> (scalars: Int, byte: Int) {
        var (scalar, i) = from
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
            // A continuation byte is 10xxxxxx: its top bit set, the next one clear.
            let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
            let starts = 8 - continuations.nonzeroBitCount
            guard scalar + starts <= target else { break }
            scalar += starts
            i += 8
        }
        while i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 {
                if scalar == target { return (scalar, i) }
                scalar += 1
            }
            i += 1
        }
        return (scalar, bytes.count)
    }
}
