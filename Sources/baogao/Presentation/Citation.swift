import BaogaoIndex
import BaogaoIngest
import BaogaoQuery

/// The compact citation printed before every hit:
/// `江津区 2024 · 一、2023年预算执行情况 › （一）全区预算执行情况 · ¶7 · L20–21 · 002_….txt`
/// (for a PDF, `¶7 · p. 2, L5–9 · ….pdf`: page and line on it),
/// then the report's web address when a catalogue gives one (`· http://…`), so a reader
/// can check the figure against the published original.
enum Citation {
    /// `lines`, when given, narrows the paragraph's span to the lines cited (an
    /// answer's sentence: `AnswerCitation.lines`).
    static func line(_ p: IndexedParagraph, lines: [Int]? = nil) -> String {
        let span = lines.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil } ?? (p.firstLine, p.lastLine)
        return line(
            who: [p.report.region, p.report.budgetYear.map(String.init)], section: p.section, paragraph: p.number,
            lines: span, pageStarts: p.report.metadata.pageStarts, doc: p.report.doc, source: p.report.metadata.source)
    }

    /// The same line for an answer's citation (a list item, a definition), led by its
    /// region and the year it is of.
    static func line(_ c: AnswerCitation, year: Int?) -> String {
        line(
            who: [c.region, year.map(String.init)], section: c.section, paragraph: c.paragraph,
            lines: (c.lines.first ?? 0, c.lines.last ?? 0), pageStarts: [], doc: c.doc, source: c.source)
    }

    private static func line(
        who: [String?], section: [String], paragraph: Int, lines: (first: Int, last: Int), pageStarts: [Int], doc: String,
        source: String?
    ) -> String {
        var parts: [String] = []
        let who = who.compactMap { $0 }.joined(separator: " ")
        if !who.isEmpty { parts.append(who) }
        if !section.isEmpty { parts.append(section.joined(separator: " › ")) }
        parts.append("¶\(paragraph)")
        // A PDF's lines are cited on its pages, where a reader of the original finds them.
        parts.append(
            PageLines.citation(firstLine: lines.first, lastLine: lines.last, pageStarts: pageStarts)
                ?? (lines.first == lines.last ? "L\(lines.first)" : "L\(lines.first)–\(lines.last)"))
        parts.append(doc)
        if let source { parts.append(source) }
        return parts.joined(separator: " · ")
    }
}

/// Marks highlighted ranges of a text in bold yellow when colouring; plain output
/// is left unmarked, as ripgrep's is: the reports use 【】 themselves
/// (`【“三保”支出】`), so brackets around a hit could not be told from the text.
enum Highlighter {
    static func mark(_ text: String, _ ranges: [Range<Int>], color: Bool) -> String {
        guard color else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        let open = "\u{1B}[1;33m"
        let close = "\u{1B}[0m"
        for r in ranges where r.lowerBound >= i && r.upperBound <= scalars.count {
            out.append(contentsOf: scalars[i..<r.lowerBound])
            out.append(contentsOf: open.unicodeScalars)
            out.append(contentsOf: scalars[r])
            out.append(contentsOf: close.unicodeScalars)
            i = r.upperBound
        }
        out.append(contentsOf: scalars[i...])
        return String(out)
    }

    static func bold(_ s: String, color: Bool) -> String {
        color ? "\u{1B}[1m" + s + "\u{1B}[0m" : s
    }

    static func dim(_ s: String, color: Bool) -> String {
        color ? "\u{1B}[2m" + s + "\u{1B}[0m" : s
    }
}
