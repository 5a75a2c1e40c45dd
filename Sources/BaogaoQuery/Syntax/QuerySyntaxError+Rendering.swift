// Renders a position in a query as two terminal lines, the query and a caret
// under the offending character:
//
//     债务 “政府债务余额
//          ^
//
// A terminal gives CJK characters two columns, so the caret line counts them
// twice (East Asian Width W and F); combining marks take none. Control
// characters are shown as spaces so that a tab or newline in the query cannot
// break the two-line shape, and a long query is cut to a window around the
// position, with … where it was cut.

import BaogaoIngest

extension QuerySyntaxError {
    /// The query and a caret line under `position`, separated by a newline.
    public var rendered: String {
        Self.render(query, caretAt: position)
    }

    /// Widest rendered query line, in terminal columns.
    static let maxRenderedColumns = 78

    static func render(_ text: String, caretAt position: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let pos = min(max(position, 0), scalars.count)
        let widths = scalars.map(displayWidth)
        var start = 0
        var end = scalars.count
        if widths.reduce(0, +) + 1 > maxRenderedColumns {
            // Two columns are reserved for the ellipses; the caret gets about
            // a third of the line of context before it, the rest after.
            let budget = maxRenderedColumns - 3
            var used = 0
            start = pos
            while start > 0, used + widths[start - 1] <= budget / 3 {
                start -= 1
                used += widths[start]
            }
            end = pos
            while end < scalars.count, used + widths[end] <= budget {
                used += widths[end]
                end += 1
            }
            while start > 0, used + widths[start - 1] <= budget {
                start -= 1
                used += widths[start]
            }
        }
        var line = start > 0 ? "…" : ""
        var caretColumn = start > 0 ? 1 : 0
        for i in start..<end {
            line.unicodeScalars.append(isControl(scalars[i]) ? " " : scalars[i])
            if i < pos { caretColumn += widths[i] }
        }
        if end < scalars.count { line += "…" }
        return line + "\n" + String(repeating: " ", count: caretColumn) + "^"
    }

    /// Control characters (C0, C1, line and paragraph separators) are
    /// rendered as one space.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Terminal columns of a scalar as rendered here: `ColumnWidth.terminal`,
    /// but a control character is shown as a space, one column.
    static func displayWidth(_ s: Unicode.Scalar) -> Int { isControl(s) ? 1 : ColumnWidth.terminal(s) }
}
