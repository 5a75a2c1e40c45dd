/// How a report's paragraphs are laid out in its file.
enum ReportLayout {
    /// One paragraph per line: the layout of most reports exported to text.
    static func onePerLine(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n") + "\n"
    }

    /// The way text extracted from a PDF looks, so the corpus exercises the
    /// engine's paragraph reconstruction: lines hard-wrapped at 54
    /// columns (27 CJK characters), the first line of each paragraph two
    /// characters narrower because its indent was lost, a blank line after every
    /// line, and a leading space on every 22nd line where a page broke. A number
    /// can end up on one line and its unit on the next, as in real extractions.
    static func hardWrapped(_ paragraphs: [String]) -> String {
        var lines: [String] = []
        for paragraph in paragraphs {
            var capacity = hardWrapWidth - 4
            var line = ""
            var used = 0
            for scalar in paragraph.unicodeScalars {
                let w = DisplayWidth.of(scalar)
                if used + w > capacity {
                    lines.append(line)
                    line = ""
                    used = 0
                    capacity = hardWrapWidth
                }
                line.unicodeScalars.append(scalar)
                used += w
            }
            if !line.isEmpty { lines.append(line) }
        }
        var out = ""
        for (i, line) in lines.enumerated() {
            if i > 0 && i % hardWrapLinesPerPage == 0 { out += " " }
            out += line + "\n\n"
        }
        return out
    }

    static let hardWrapWidth = 54
    static let hardWrapLinesPerPage = 22
}
