import BaogaoQuery

/// A series as text: per region, per year each stage's figure as written with
/// its citation, the growth stated and computed, the superseded readings
/// indented beneath; then a bar per year of the year's headline figure.
enum SeriesPrinter {
    static func render(_ r: SeriesResult, color: Bool) -> String {
        guard !r.regions.isEmpty else {
            return "no figures of \(r.label)" + (r.filters.isEmpty ? "" : " for \(r.filters)")
        }
        var lines: [String] = []
        let stageWidth = SeriesStage.allCases.map { DisplayWidth.of($0.rawValue) }.max() ?? 0
        for region in r.regions {
            lines.append(Highlighter.bold("\(region.region) · \(r.label)", color: color))
            for y in region.years {
                for (i, f) in y.figures.enumerated() {
                    let year = i == 0 ? "\(y.year)" : "    "
                    var line = "  \(year)  " + DisplayWidth.pad(f.stage.rawValue, to: stageWidth) + "  " + f.text
                    if f == y.headline { line += growth(y) }
                    lines.append(line + "  " + Highlighter.dim(cite(f), color: color))
                    for s in f.superseded {
                        lines.append(
                            "          " + Highlighter.dim("superseded: \(s.stage.rawValue) \(s.text)  \(cite(s))", color: color))
                    }
                }
            }
            let bars = region.years.compactMap { y in
                y.headline.map { Bars.Row(label: "\(y.year)", value: $0.value, text: "\($0.text) \($0.stage.rawValue)") }
            }
            if bars.count > 1 {
                lines.append("")
                lines += Bars.render(bars, indent: "  ")
            }
            lines.append("")
        }
        lines.append(String(format: "%d region%@ (%.1f ms)", r.regions.count, r.regions.count == 1 ? "" : "s", r.tookMs))
        return lines.joined(separator: "\n")
    }

    /// `  增长0.5% (报告) · +0.52% (计算)`, whichever are known.
    static func growth(_ y: SeriesYear) -> String {
        var parts: [String] = []
        if let g = y.statedGrowth { parts.append("\(g.relation ?? "")\(g.text) (报告)") }
        if let c = y.computedGrowth { parts.append(String(format: "%+.2f%% (计算)", c)) }
        return parts.isEmpty ? "" : "  " + parts.joined(separator: " · ")
    }

    /// `002_b5c26ff8d3e05e66.txt#9 L12–13`
    static func cite(_ f: SeriesFigure) -> String {
        let l = f.citation.lines
        return f.citation.id + " L\(l[0])" + (l.count > 1 && l[1] != l[0] ? "–\(l[1])" : "")
    }
}

/// A comparison as text: a bar per region, largest first, with stage and citation.
enum ComparePrinter {
    static func render(_ r: CompareResult, color: Bool) -> String {
        guard !r.rows.isEmpty else { return "no region states \(r.label) for \(r.year)" }
        var lines = [Highlighter.bold("\(r.year)年 · \(r.label)", color: color)]
        let bars = Bars.render(
            r.rows.map { row in
                Bars.Row(
                    label: "\(row.rank). \(row.region)", value: row.figure.value,
                    text: "\(row.figure.text) \(row.figure.stage.rawValue)")
            }, indent: "  ")
        for (line, row) in zip(bars, r.rows) {
            lines.append(line + "  " + Highlighter.dim(SeriesPrinter.cite(row.figure), color: color))
        }
        lines.append(String(format: "%d region%@ (%.1f ms)", r.rows.count, r.rows.count == 1 ? "" : "s", r.tookMs))
        return lines.joined(separator: "\n")
    }
}
