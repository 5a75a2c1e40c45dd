/// A paragraph as rebuilt from lines, before headings and kinds are assigned.
struct RawParagraph {
    var text: [UInt8]
    var firstLine: Int
    var lastLine: Int
    /// Set for table rows and for caption/unit lines.
    var table: TableContext?
    var isTableRow = false
    /// Where each joined line after the first starts in `text`, and its number:
    /// what `ParagraphSplitter` needs to cite the pieces of a long paragraph.
    var lineStarts: [(offset: Int, line: Int)] = []

    /// Appends `next` as this paragraph's continuation (the title block joins a
    /// wrapped title so), keeping where each of its lines starts.
    mutating func join(_ next: RawParagraph) {
        let shift = text.count
        lineStarts.append((shift, next.firstLine))
        lineStarts += next.lineStarts.map { ($0.offset + shift, $0.line) }
        text.append(contentsOf: next.text)
        lastLine = next.lastLine
    }
}

/// Joins cleaned lines back into paragraphs.
///
/// Lines are joined with nothing in between: a break in Chinese text is no word
/// boundary, and a number split from its unit (`8.57` / `亿元`) comes back whole. The one
/// exception is the one-paragraph-per-line layout, where two lines that meet letter or
/// digit to letter or digit (`… -0.0` / `123.4 …`) are two words, not one broken
/// across a PDF's line: there they are joined with a space. The
/// decision is made for each pair of neighbouring lines (`a`, then `b`); see
/// `breaksHardWrapped` and `breaksPerLine` for the rules of each layout.
enum ParagraphBuilder {
    static func build(
        _ lines: [CleanLine], layout: Layout,
        table: [Int: TableReader.Role]
    ) -> [RawParagraph] {
        var out: [RawParagraph] = []
        out.reserveCapacity(lines.count / 2 + 1)
        var current: RawParagraph?
        var currentLines = 0
        for (i, line) in lines.enumerated() {
            if let role = table[i] {
                if let c = current {
                    out.append(c)
                    current = nil
                }
                switch role {
                case .separator:
                    continue
                case .cellOfRowAbove:
                    guard var row = out.popLast() else { continue }
                    row.text.append(0x09)
                    row.lineStarts.append((row.text.count, line.number))
                    row.text.append(contentsOf: line.text)
                    row.lastLine = line.number
                    out.append(row)
                case .row(let ctx):
                    out.append(
                        RawParagraph(
                            text: line.text, firstLine: line.number, lastLine: line.number,
                            table: ctx, isTableRow: true))
                case .label(let ctx):
                    out.append(
                        RawParagraph(
                            text: line.text, firstLine: line.number, lastLine: line.number,
                            table: ctx))
                }
                continue
            }
            // `current!` mutates in place: a copy (`if var c = current`) would share the
            // text's buffer with `current`, and every append would copy the whole
            // paragraph — quadratic in a paragraph's line count.
            if current != nil, i > 0, table[i - 1] == nil,
                !breaks(after: lines[i - 1], isFirst: currentLines == 1, before: line, layout: layout)
            {
                if case .perLine = layout, meetAlphanumeric(lines[i - 1].text, line.text) {
                    current!.text.append(0x20)
                }
                current!.lineStarts.append((current!.text.count, line.number))
                current!.text.append(contentsOf: line.text)
                current!.lastLine = line.number
                currentLines += 1
                continue
            }
            if let c = current { out.append(c) }
            current = RawParagraph(text: line.text, firstLine: line.number, lastLine: line.number)
            currentLines = 1
        }
        if let c = current { out.append(c) }
        return out
    }

    private static func meetAlphanumeric(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard let x = a.last, let y = b.first else { return false }
        func isAlphanumeric(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        return isAlphanumeric(x) && isAlphanumeric(y)
    }

    static func breaks(after a: CleanLine, isFirst: Bool, before b: CleanLine, layout: Layout) -> Bool {
        if startsBlock(b) || endsBlock(a) { return true }
        switch layout {
        case .perLine:
            return breaksPerLine(a, b)
        case .hardWrapped(let w, let f):
            return breaksHardWrapped(a, isFirst: isFirst, b, lineWidth: w, firstLineWidth: f)
        }
    }

    /// Lines that always start a paragraph of their own: the salutation, the glossary
    /// heading, a bracketed glossary term, a dash line (`——2024年…会议上`, `——城乡社区支出…`).
    private static func startsBlock(_ b: CleanLine) -> Bool {
        LineShape.isGreeting(b.text, length: b.length) || LineShape.isGlossaryHeading(b.text, length: b.length)
            || LineShape.isBracketTerm(b.text, length: b.length) || LineShape.startsWithDash(b.text)
    }

    /// Lines that never continue into the next: the same short structural lines.
    private static func endsBlock(_ a: CleanLine) -> Bool {
        LineShape.isGreeting(a.text, length: a.length) || LineShape.isGlossaryHeading(a.text, length: a.length)
            || LineShape.isBracketTerm(a.text, length: a.length)
    }

    /// One paragraph per line: a line is joined to the next only to mend a break inside a
    /// paragraph, as 003 has (`…为调整预算的 99.7%，同` / `比增长 10.1%。`): the line does not
    /// end in sentence or clause punctuation, is not short (20 characters or more, so
    /// that title and signature lines stay apart), is neither a heading nor a dash line
    /// (the meeting line `——2026 年 2 月 7 日在…会议上` is followed by the signature),
    /// the next line does not start with a numbering marker, and the two are not a title
    /// ending in 报告 over another beginning with 关于.
    static func breaksPerLine(_ a: CleanLine, _ b: CleanLine) -> Bool {
        if a.length < 20 || LineShape.endsClause(a.text) || LineShape.startsWithDash(a.text) { return true }
        if let m = a.marker, LineShape.isHeadingLike(a.text, marker: m) { return true }
        if b.marker != nil { return true }
        // A web page's headline above the report's own title (`…的报告` / `关于…的报告`,
        // as 12 of the 67 real excerpts print it): two titles, not one line broken.
        if a.text.reversed().starts(with: Array("报告".utf8).reversed()), b.text.starts(with: Array("关于".utf8)) {
            return true
        }
        return false
    }

    /// Hard-wrapped PDF text. Every line is followed by a blank one and page-break lines
    /// start with a space (both already cleaned away), so only the lines' widths and
    /// edges are left to go on. A full line is one within two columns of the page width
    /// (a wide character does not fit the last column); a paragraph's first line is four
    /// columns narrower, its lost indent. The pair breaks when:
    /// 1. `a` is a short heading (`1.一般公共预算收支执行情况`);
    /// 2. `b` starts with a numbering marker, is no wider than a first line can be (ASCII
    ///    digits let one reach two columns over), and `a` ends a clause or is not full
    ///    (headings and budget lines `13.商业服务业等支出…`; a marker inside a wrapped
    ///    sentence follows a full line that ends mid-clause, or its line is too wide);
    /// 3. `a` is not full and is clearly short (under 80 % of the page) or ends in
    ///    punctuation: a paragraph's last line. A narrower line ending in a plain
    ///    character is a wrapped line that came out narrow, and is joined;
    /// 4. `a` is full and ends a sentence or clause, and `b` is as wide as a full first line but
    ///    no wider: `b` is the indent-lost first line of the next paragraph. (A shorter
    ///    `b` is the last line of `a`'s paragraph; a wider one is a continuation.)
    static func breaksHardWrapped(
        _ a: CleanLine, isFirst: Bool, _ b: CleanLine,
        lineWidth w: Int, firstLineWidth f: Int
    ) -> Bool {
        if let m = a.marker, LineShape.isHeadingLike(a.text, marker: m),
            a.width < (isFirst ? f : w) - 2 || LineShape.endsSentence(a.text)
        {
            return true
        }
        let full = a.width >= (isFirst ? f : w) - 2
        if b.marker != nil && b.width <= f + 2 && (!full || LineShape.endsClause(a.text)) {
            return true
        }
        if !full {
            if a.width * 5 < w * 4 { return true }
            if LineShape.endsClause(a.text) { return true }
            if let last = UTF8Cursor.last(in: a.text, before: a.text.count), Scalars.isCloser(last.value) {
                return true
            }
            return false
        }
        if LineShape.endsClause(a.text) && b.width <= f && b.width >= f - 2 { return true }
        return false
    }
}
