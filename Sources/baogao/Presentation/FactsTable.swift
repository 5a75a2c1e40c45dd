import BaogaoAnalysis
import BaogaoQuery
import Foundation

/// Number facts as an aligned table: label, figure as written, normalised value,
/// and the citation.
enum FactsTable {
    static func render(_ r: FactsResult, color: Bool) -> String {
        guard r.total > 0 else { return "no number facts match \(r.query)" }
        let labelWidth = min(28, max(6, r.facts.map { DisplayWidth.of($0.fact.label ?? "—") }.max() ?? 6))
        let textWidth = min(18, max(6, r.facts.map { DisplayWidth.of($0.fact.text) }.max() ?? 6))
        var lines: [String] = []
        for (i, hit) in r.facts.enumerated() {
            let f = hit.fact
            let label = DisplayWidth.pad(f.label ?? "—", to: labelWidth)
            let text = DisplayWidth.pad(f.text, to: textWidth)
            let value = DisplayWidth.pad(normalized(f), to: 16)
            let extra = [f.relation, f.scope].compactMap { $0 }.joined(separator: " ")
            let cite = Highlighter.dim(Citation.line(hit.paragraph), color: color)
            lines.append(String(format: "%3d. ", r.offset + i + 1) + label + "  " + text + "  " + value + "  "
                         + DisplayWidth.pad(extra, to: 10) + "  " + cite)
        }
        let shown = r.facts.isEmpty ? "none shown" : "showing \(r.offset + 1)–\(r.offset + r.facts.count)"
        lines.append(String(format: "%d fact%@ match (%@, %.1f ms)", r.total, r.total == 1 ? "" : "s", shown, r.tookMs))
        return lines.joined(separator: "\n")
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
