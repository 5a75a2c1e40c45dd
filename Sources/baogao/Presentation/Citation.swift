import BaogaoIndex

/// The compact citation printed before every hit:
/// `江津区 2024 · 一、2023年预算执行情况 › （一）全区预算执行情况 · ¶7 · L20–21 · 002_….txt`,
/// then the report's web address when a catalogue gives one (`· http://…`), so a reader
/// can check the figure against the published original.
enum Citation {
    static func line(_ p: IndexedParagraph) -> String {
        var parts: [String] = []
        let who = [p.report.region, p.report.budgetYear.map(String.init)].compactMap { $0 }.joined(separator: " ")
        if !who.isEmpty { parts.append(who) }
        if !p.section.isEmpty { parts.append(p.section.joined(separator: " › ")) }
        parts.append("¶\(p.number)")
        parts.append(p.firstLine == p.lastLine ? "L\(p.firstLine)" : "L\(p.firstLine)–\(p.lastLine)")
        parts.append(p.report.doc)
        if let source = p.report.metadata.source { parts.append(source) }
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
