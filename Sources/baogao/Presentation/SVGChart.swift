import BaogaoQuery

/// A chart as a plain SVG file, for an article or a memo: horizontal bars in
/// groups (a region's years; a year's regions), each labelled with its figure as
/// written and the stage, and the sources listed under the chart so the picture
/// carries its citations. Text is escaped; no fonts are embedded, so the viewer's
/// Chinese font draws the labels.
enum SVGChart {
    struct Group {
        var title: String
        var bars: [Bars.Row]
    }

    static func series(_ r: SeriesResult) -> String {
        let groups = r.regions.map { region in
            Group(
                title: region.region,
                bars: region.years.compactMap { y in
                    y.headline.map { Bars.Row(label: "\(y.year)", value: $0.value, text: "\($0.text) \($0.stage.rawValue)") }
                })
        }
        let sources = r.regions.flatMap { $0.years.compactMap { $0.headline } }.map(source)
        return draw(title: r.label, groups: groups, sources: sources)
    }

    static func compare(_ r: CompareResult) -> String {
        let bars = r.rows.map {
            Bars.Row(label: $0.region, value: $0.figure.value, text: "\($0.figure.text) \($0.figure.stage.rawValue)")
        }
        return draw(
            title: "\(r.year)年 \(r.label)", groups: [Group(title: "", bars: bars)], sources: r.rows.map { source($0.figure) })
    }

    static func source(_ f: SeriesFigure) -> String { "\(f.text): \(f.title) (\(SeriesPrinter.cite(f)))" }

    static let barRow = 24
    static let labelWidth = 120
    static let barWidth = 360

    static func draw(title: String, groups: [Group], sources: [String]) -> String {
        let most = groups.flatMap { $0.bars.map { abs($0.value) } }.max() ?? 0
        var body: [String] = []
        var y = 40
        body.append(text(x: 10, y: 24, title, size: 18, bold: true))
        for g in groups {
            if !g.title.isEmpty {
                y += 8
                body.append(text(x: 10, y: y + 14, g.title, size: 15, bold: true))
                y += barRow
            }
            for b in g.bars {
                let w = most > 0 ? max(1, Int((abs(b.value) / most * Double(barWidth)).rounded())) : 0
                body.append(text(x: 10, y: y + 16, b.label, size: 13))
                body.append("<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"16\" fill=\"#4a78a8\"/>")
                body.append(text(x: labelWidth + w + 6, y: y + 16, b.text, size: 12))
                y += barRow
            }
        }
        y += 12
        for s in sources {
            body.append(text(x: 10, y: y + 12, s, size: 10))
            y += 16
        }
        // Wide enough for the longest source line: about half the font size per
        // display column (a Chinese character takes two).
        let sourcesWidth = (sources.map { DisplayWidth.of($0) }.max() ?? 0) * 10 * 11 / 20 + 20
        let width = max(labelWidth + barWidth + 240, sourcesWidth)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(y + 10)" viewBox="0 0 \(width) \(y + 10)" font-family="sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    static func text(x: Int, y: Int, _ s: String, size: Int, bold: Bool = false) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(bold ? " font-weight=\"bold\"" : "")>\(escape(s))</text>"
    }

    static func escape(_ s: String) -> String {
        s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
    }
}
