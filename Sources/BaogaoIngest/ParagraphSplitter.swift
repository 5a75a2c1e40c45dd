/// Cuts paragraphs longer than a bound into pieces at sentence ends.
///
/// Real reports' paragraphs stay under about 1,600 characters (the 67 real excerpts
/// and the samples: 99.9 % under 950), but a file can hold anything — one 9 MB line,
/// a hundred thousand lines that never end a sentence. Every later stage (facts,
/// snippets, highlights, proximity) does work that grows with a paragraph's length,
/// and a citation to a 3-million-character paragraph helps nobody. So a paragraph is
/// cut once it has `soft` characters, at the next sentence end (`。！？…`, or `；`)
/// with its closing quotes; failing that, once it has `hard` characters, after the
/// last comma or space (or right there, if there was none). Each piece is cited with
/// the source lines it spans. Linear in the paragraph's bytes.
enum ParagraphSplitter {
    static let soft = 2_000
    static let hard = 4_000

    static func split(_ paragraphs: [RawParagraph]) -> [RawParagraph] {
        guard paragraphs.contains(where: { $0.text.count > soft }) else { return paragraphs }
        var out: [RawParagraph] = []
        out.reserveCapacity(paragraphs.count)
        for p in paragraphs {
            if p.text.count <= soft { out.append(p) } else { out.append(contentsOf: pieces(of: p)) }
        }
        return out
    }

    /// The byte offsets where `p` is cut, then the pieces between them.
    static func pieces(of p: RawParagraph) -> [RawParagraph] {
        let cuts = cutOffsets(p.text)
        guard !cuts.isEmpty else { return [p] }
        var out: [RawParagraph] = []
        var nextLine = 0  // index into p.lineStarts of the first line starting after `start`
        var start = 0
        for end in cuts + [p.text.count] where end > start {
            var piece = p
            piece.text = Array(p.text[start..<end])
            while nextLine < p.lineStarts.count && p.lineStarts[nextLine].offset <= start { nextLine += 1 }
            piece.firstLine = nextLine == 0 ? p.firstLine : p.lineStarts[nextLine - 1].line
            var last = nextLine
            while last < p.lineStarts.count && p.lineStarts[last].offset < end { last += 1 }
            piece.lastLine = last == 0 ? p.firstLine : p.lineStarts[last - 1].line
            piece.lineStarts = p.lineStarts[nextLine..<last].map { ($0.offset - start, $0.line) }
            out.append(piece)
            start = end
        }
        return out
    }

    /// Where to cut: byte offsets, increasing, each a scalar boundary.
    static func cutOffsets(_ b: [UInt8]) -> [Int] {
        var cuts: [Int] = []
        var count = 0  // characters since the last cut
        // Just after the last comma or space in the second half of the piece, and
        // the count there: a hard cut falls there rather than mid-phrase.
        var softBreak: (offset: Int, count: Int)?
        var pendingSentenceEnd = false
        var i = 0
        while let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            if pendingSentenceEnd && !Scalars.isCloser(v) {
                cuts.append(i)
                count = 0
                softBreak = nil
                pendingSentenceEnd = false
            }
            count += 1
            if count >= soft && (Scalars.isStrongTerminal(v) || SentenceBoundaries.isSemicolon(v)) {
                pendingSentenceEnd = true
            } else if count >= hard / 2 && (v == 0xFF0C || v == 0x3001 || v == 0x2C || Whitespace.isSpace(v)) {
                softBreak = (next, count)
            }
            if count >= hard && !pendingSentenceEnd {
                if let s = softBreak {
                    cuts.append(s.offset)
                    count -= s.count
                } else {
                    cuts.append(next)
                    count = 0
                }
                softBreak = nil
            }
            i = next
        }
        if let last = cuts.last, last >= b.count { cuts.removeLast() }
        return cuts
    }
}
