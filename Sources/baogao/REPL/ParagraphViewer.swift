import BaogaoIndex
import BaogaoIngest
import BaogaoQuery

/// `:open N`: a hit's whole paragraph, highlighted, between the paragraphs
/// before and after it in the same report, each with its source lines, so the
/// reader sees the context a snippet cuts away.
enum ParagraphViewer {
    static func text(_ opened: OpenedParagraphJSON, color: Bool) -> String {
        let p = opened.hit.paragraph
        var lines = [Highlighter.dim(Citation.line(p), color: color), ""]
        if let before = opened.before {
            lines.append(Highlighter.dim("  " + label(before) + "  " + before.text, color: color))
        }
        lines.append("▶ " + label(p) + "  " + Highlighter.mark(p.text, opened.hit.highlights, color: color))
        if let after = opened.after { lines.append(Highlighter.dim("  " + label(after) + "  " + after.text, color: color)) }
        return lines.joined(separator: "\n")
    }

    private static func label(_ p: IndexedParagraph) -> String {
        "¶\(p.number) " + (p.firstLine == p.lastLine ? "L\(p.firstLine)" : "L\(p.firstLine)–\(p.lastLine)")
    }
}

/// `:source N`: the raw lines of the report file a paragraph was built from,
/// numbered as the citation numbers them.
enum SourceLines {
    static func text(_ source: SourceLinesJSON, color: Bool) -> String {
        let p = source.paragraph
        let width = String(p.lastLine).count
        var out = [
            Highlighter.dim(
                p.report.doc + " " + (p.firstLine == p.lastLine ? "L\(p.firstLine)" : "L\(p.firstLine)–\(p.lastLine)"),
                color: color)
        ]
        // The engine gives every line of the span or fails, so line i is firstLine + i.
        for (i, line) in source.text.enumerated() {
            let number = String(p.firstLine + i)
            out.append(Highlighter.dim(String(repeating: " ", count: width - number.count) + number + " │ ", color: color) + line)
        }
        return out.joined(separator: "\n")
    }
}

extension ReplFailure {
    /// Why `:source` could not show a paragraph's lines, with what to do about it.
    init(_ error: SourceLinesError, paragraph p: IndexedParagraph, corpus: String) {
        switch error {
        case .unreadable(let path, .unreadable):
            self.init("cannot read \(path): the corpus folder is \(corpus) (start baogao with --corpus DIR)")
        case .unreadable(let path, let error):
            self.init("cannot read \(path): \(error.reason)")
        case .changed(let path):
            self.init("\(path) has fewer than \(p.lastLine) lines: it changed since it was indexed (:reindex)")
        case .timeout:
            self.init(SearchError.timeout)
        }
    }
}
