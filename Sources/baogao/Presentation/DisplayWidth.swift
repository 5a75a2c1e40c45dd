/// Padding to terminal columns, for tables; widths come from `ScreenWidth`
/// (East Asian wide and fullwidth characters take two columns).
enum DisplayWidth {
    static func of(_ s: String) -> Int { ScreenWidth.of(s) }
    static func of(_ c: Unicode.Scalar) -> Int { ScreenWidth.of(c) }

    /// `s` padded with spaces to `width` columns, or cut to fit with "…" marking the cut.
    static func pad(_ s: String, to width: Int) -> String {
        let total = of(s)
        if total <= width { return s + String(repeating: " ", count: width - total) }
        var out = String.UnicodeScalarView()
        var used = 0
        for c in s.unicodeScalars {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return String(out) + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }
}
