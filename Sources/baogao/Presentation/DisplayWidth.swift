/// Terminal columns: East Asian wide and fullwidth characters take two, combining
/// marks and zero-width characters none, everything else one.
enum DisplayWidth {
    static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    static func of(_ c: Unicode.Scalar) -> Int {
        let v = c.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200D || v == 0xFEFF { return 0 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `s` padded with spaces to `width` columns (or cut, with "…", to fit).
    static func pad(_ s: String, to width: Int) -> String {
        var out = "", used = 0
        for c in s.unicodeScalars {
            let w = of(c)
            if used + w > width - (used + w < of(s) ? 1 : 0) && used + w > width { break }
            if used + w > width { break }
            out.unicodeScalars.append(c)
            used += w
        }
        if used < of(s) {
            while used + 1 > width, let last = out.unicodeScalars.last { out.unicodeScalars.removeLast(); used -= of(last) }
            out += "…"
            used += 1
        }
        return out + String(repeating: " ", count: max(0, width - used))
    }
}
