import BaogaoIndex
import BaogaoIngest
import BaogaoQuery
import Foundation

/// `:open N`: a hit's whole paragraph, highlighted, between the paragraphs
/// before and after it in the same report, each with its source lines, so the
/// reader sees the context a snippet cuts away.
struct ParagraphViewer {
    var index: IndexReader
    var color: Bool

    /// The paragraphs just before and after `p` in its report, when there are.
    func neighbours(of p: IndexedParagraph) -> (before: IndexedParagraph?, after: IndexedParagraph?) {
        func fetch(_ number: Int) -> IndexedParagraph? {
            guard let at = index.locate(doc: p.report.doc, paragraph: number) else { return nil }
            return try? index.paragraph(segment: at.segment, doc: at.doc)
        }
        return (fetch(p.number - 1), fetch(p.number + 1))
    }

    func text(_ hit: SearchHit) -> String {
        let p = hit.paragraph
        let (before, after) = neighbours(of: p)
        var lines = [Highlighter.dim(Citation.line(p), color: color), ""]
        if let before { lines.append(Highlighter.dim("  " + label(before) + "  " + before.text, color: color)) }
        lines.append("▶ " + label(p) + "  " + Highlighter.mark(p.text, hit.highlights, color: color))
        if let after { lines.append(Highlighter.dim("  " + label(after) + "  " + after.text, color: color)) }
        return lines.joined(separator: "\n")
    }

    func json(_ hit: SearchHit) throws(ReplFailure) -> String {
        let (before, after) = neighbours(of: hit.paragraph)
        do {
            return try JSONLines.line(OpenedParagraphJSON(hit: hit, before: before, after: after))
        } catch {
            throw ReplFailure("cannot encode the paragraph: \(error)")
        }
    }

    private func label(_ p: IndexedParagraph) -> String {
        "¶\(p.number) " + (p.firstLine == p.lastLine ? "L\(p.firstLine)" : "L\(p.firstLine)–\(p.lastLine)")
    }
}

/// `:source N`: the raw lines of the report file a paragraph was built from.
/// The index stores corpus-relative paths, so the file is found under the
/// corpus folder the REPL was started with.
enum SourceLines {
    static func read(corpus: String, paragraph p: IndexedParagraph) throws(ReplFailure) -> [(number: Int, text: String)] {
        let path = (corpus as NSString).appendingPathComponent(p.report.doc)
        // Read through ingestion: the decoder and the line ends that numbered
        // the paragraph's lines, so a GB18030 or CR-ended file shows the right ones.
        let out: [(number: Int, text: String)]
        do {
            out = try ReportReader.sourceLines(fileAt: path, lines: p.firstLine...max(p.firstLine, p.lastLine)).map {
                ($0.number, $0.text)
            }
        } catch .unreadable {
            throw ReplFailure("cannot read \(path): the corpus folder is \(corpus) (start baogao with --corpus DIR)")
        } catch {
            throw ReplFailure("cannot read \(path): \(error.reason)")
        }
        guard out.count == p.lastLine - p.firstLine + 1 else {
            throw ReplFailure("\(path) has fewer than \(p.lastLine) lines: it changed since it was indexed (:reindex)")
        }
        return out
    }

    static func text(_ lines: [(number: Int, text: String)], paragraph p: IndexedParagraph, color: Bool) -> String {
        let width = String(p.lastLine).count
        var out = [
            Highlighter.dim(
                p.report.doc + " " + (p.firstLine == p.lastLine ? "L\(p.firstLine)" : "L\(p.firstLine)–\(p.lastLine)"),
                color: color)
        ]
        for l in lines {
            let n = String(repeating: " ", count: width - String(l.number).count) + String(l.number)
            out.append(Highlighter.dim(n + " │ ", color: color) + l.text)
        }
        return out.joined(separator: "\n")
    }

    static func json(_ lines: [(number: Int, text: String)], paragraph p: IndexedParagraph) throws(ReplFailure) -> String {
        do {
            return try JSONLines.line(SourceLinesJSON(paragraph: p, text: lines.map(\.text)))
        } catch {
            throw ReplFailure("cannot encode the source lines: \(error)")
        }
    }
}
