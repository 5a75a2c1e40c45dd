/// Terminal bar charts: one row per bar, the labels padded to one display width
/// (`DisplayWidth`: a Chinese character takes two columns, so padding by
/// character count would push every bar after 江津区 two columns per character
/// out of line), the bar in █ blocks scaled to the largest value, then the figure.
enum Bars {
    static let width = 30

    struct Row {
        var label: String
        var value: Double
        var text: String
    }

    /// `scale`: the value of a full bar, when the rows are part of a larger
    /// chart (a year's regions under the year's bar); else the largest row's.
    static func render(_ rows: [Row], indent: String = "", scale: Double? = nil) -> [String] {
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let most = scale ?? rows.map { abs($0.value) }.max() ?? 0
        return rows.map { r in
            let blocks = most > 0 ? max(r.value != 0 ? 1 : 0, Int((abs(r.value) / most * Double(width)).rounded())) : 0
            return indent + DisplayWidth.pad(r.label, to: labelWidth) + "  " + String(repeating: "█", count: blocks)
                + String(repeating: " ", count: width - blocks) + "  " + r.text
        }
    }
}
