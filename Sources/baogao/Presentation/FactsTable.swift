import BaogaoAnalysis
import BaogaoQuery
import Foundation

/// Number facts as an aligned table under a header: label, the figure as written
/// (with its value in a readable unit when that reads differently), relation and
/// scope, and the citation.
enum FactsTable {
    static let header = (number: "#", label: "label", figure: "figure", relation: "relation", citation: "where")

    /// `width`: the terminal's columns; the citation, then the label, are cut to fit
    /// so that no row wraps. nil (piped output): nothing is cut.
    static func render(_ r: FactsResult, color: Bool, width: Int? = nil) -> String {
        guard r.total > 0 else { return "no number facts match \(r.query)" + (r.hint.map { "\nhint: " + $0 } ?? "") }
        let rows = r.facts.enumerated().map { i, hit in
            let f = hit.fact
            return (
                number: "\(r.offset + i + 1).", label: f.label ?? "—", figure: figure(f),
                relation: [f.relation, f.scope].compactMap { $0 }.joined(separator: " "),
                citation: Citation.line(hit.paragraph)
            )
        }
        func widest(_ column: [String], _ title: String, cap: Int) -> Int {
            min(cap, max(DisplayWidth.of(title), column.map(DisplayWidth.of).max() ?? 0))
        }
        let numberWidth = widest(rows.map(\.number), header.number, cap: 6)
        var labelWidth = widest(rows.map(\.label), header.label, cap: 28)
        let figureWidth = widest(rows.map(\.figure), header.figure, cap: 26)
        let relationWidth = widest(rows.map(\.relation), header.relation, cap: 14)
        var citationWidth = widest(rows.map(\.citation), header.citation, cap: .max)
        if let width {
            // Two spaces between columns and one spare at the end (a line that fills
            // the row exactly makes some terminals wrap); the citation gives way
            // first, down to 24 columns (region, year, the section's start), then the
            // label, down to 8.
            let fixed = numberWidth + figureWidth + relationWidth + 4 * 2 + 1
            citationWidth = max(24, min(citationWidth, width - fixed - labelWidth))
            labelWidth = max(8, min(labelWidth, width - fixed - citationWidth))
        }
        func line(_ number: String, _ label: String, _ figure: String, _ relation: String, _ citation: String) -> String {
            let cells = [
                String(repeating: " ", count: max(0, numberWidth - DisplayWidth.of(number))) + number,
                DisplayWidth.pad(label, to: labelWidth), DisplayWidth.pad(figure, to: figureWidth),
                DisplayWidth.pad(relation, to: relationWidth)
            ]
            let cited = DisplayWidth.of(citation) > citationWidth ? DisplayWidth.pad(citation, to: citationWidth) : citation
            return cells.joined(separator: "  ") + "  " + Highlighter.dim(cited, color: color)
        }
        var lines = [line(header.number, header.label, header.figure, header.relation, header.citation)]
        for row in rows { lines.append(line(row.number, row.label, row.figure, row.relation, row.citation)) }
        let shown = r.facts.isEmpty ? "none shown" : "showing \(r.offset + 1)–\(r.offset + r.facts.count)"
        lines.append(String(format: "%d fact%@ match (%@, %.1f ms)", r.total, r.total == 1 ? "" : "s", shown, r.tookMs))
        return lines.joined(separator: "\n")
    }

    /// The figure as written, and its value when that reads differently:
    /// `35.4%`, `342.5 亿元`, `0.20亿元 = 2000万元`.
    static func figure(_ f: NumberFact) -> String {
        let value = normalized(f)
        let same = f.text.replacingOccurrences(of: " ", with: "") == value
        return same ? f.text : f.text + " = " + value
    }

    /// `2.296亿元`, `-32.3%`, `270000人次`: the value in a readable unit.
    static func normalized(_ f: NumberFact) -> String {
        switch f.kind {
        case .amount:
            let v = f.value
            if abs(v) >= 1e8 { return trim(v / 1e8) + "亿元" }
            if abs(v) >= 1e4 { return trim(v / 1e4) + "万元" }
            return trim(v) + "元"
        case .percent: return trim(f.value) + "%"
        case .percentagePoint: return trim(f.value) + "个百分点"
        case .count: return trim(f.value) + f.unit
        }
    }

    static func trim(_ v: Double) -> String {
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
