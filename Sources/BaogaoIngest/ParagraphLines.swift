/// Where a source line of a paragraph begins in the paragraph's text: what lets a
/// citation name the lines of one sentence rather than the whole paragraph's span.
///
/// A hard-wrapped paragraph (PDF-extracted text) joins 30 and more source lines, and
/// not always consecutive ones (the blank lines between them are dropped), so each
/// joined line keeps its own number.
public struct LineStart: Sendable, Equatable, Hashable, Codable {
    /// Unicode scalars into the paragraph's text as written (ARCHITECTURE.md: one unit
    /// at every interface).
    public var offset: Int
    /// The 1-based source line that starts there.
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}

/// Which source lines a stretch of a paragraph's text stands on.
public enum ParagraphLines {
    /// The source lines of `range` (Unicode scalar offsets into the paragraph's text):
    /// from the line holding its first scalar to the line holding its last. `starts`
    /// are the lines after the first, in text order; a paragraph of one line has
    /// none, and every range is then `firstLine...firstLine`. An empty range is the
    /// line it stands at; offsets outside the text, or starts that disagree with
    /// `firstLine...lastLine` (a damaged store), are clamped into that span, so a
    /// citation never names a line outside its paragraph.
    public static func lines(
        of range: Range<Int>, firstLine: Int, lastLine: Int, starts: [LineStart]
    ) -> ClosedRange<Int> {
        let last = max(firstLine, lastLine)
        func line(at offset: Int) -> Int {
            // The last start at or before `offset`: binary search, starts are in text order.
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
            }
            return min(max(lo == 0 ? firstLine : starts[lo - 1].line, firstLine), last)
        }
        let lower = line(at: range.lowerBound)
        let upper = line(at: max(range.lowerBound, range.upperBound - 1))
        return lower...max(lower, upper)
    }

    /// `RawParagraph.lineStarts` (UTF-8 byte offsets into `text`) as scalar offsets,
    /// in one pass over the bytes: a scalar starts at every byte that is not a
    /// continuation byte (the text is valid UTF-8, `TextDecoder` saw to that).
    static func scalarStarts(_ byteStarts: [(offset: Int, line: Int)], in text: [UInt8]) -> [LineStart] {
        var out: [LineStart] = []
        out.reserveCapacity(byteStarts.count)
        var scalars = 0
        var i = 0
        for start in byteStarts {
            let end = min(max(start.offset, i), text.count)
            while i < end {
                if text[i] & 0xC0 != 0x80 { scalars += 1 }
                i += 1
            }
            out.append(LineStart(offset: scalars, line: start.line))
        }
        return out
    }
}

extension Paragraph {
    /// The source lines of `range` of `text` (Unicode scalar offsets): see `ParagraphLines`.
    public func lines(of range: Range<Int>) -> ClosedRange<Int> {
        ParagraphLines.lines(of: range, firstLine: firstLine, lastLine: lastLine, starts: lineStarts)
    }
}
