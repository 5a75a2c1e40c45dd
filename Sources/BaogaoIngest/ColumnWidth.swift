/// How many columns a character takes, in the two places this project measures:
/// a terminal's screen and a PDF export's fixed-width layout. One file, so the
/// table of wide ranges is stated once per rule and the two rules sit side by side.
public enum ColumnWidth {
    /// Terminal columns: East Asian Wide and Fullwidth characters (all of CJK,
    /// the full-width punctuation of these reports, common emoji) take two,
    /// combining marks and format characters none, control characters none (a
    /// terminal prints nothing for them: whoever prints a stand-in for one, as
    /// the query error caret does with a space, measures the stand-in), else one.
    public static func terminal(_ s: Unicode.Scalar) -> Int {
        if s.value < 0x20 || (0x7F..<0xA0).contains(s.value) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch s.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Display width as the PDF layout counts it: East Asian wide and full-width
    /// characters take two columns, everything else one (quotes and dashes, which
    /// are "ambiguous", count one, as the extraction tools count them). Not the
    /// terminal's rule on purpose: it measures how the exporter laid lines out.
    @inlinable @inline(__always)
    public static func layout(_ v: UInt32) -> Int {
        if v < 0x1100 { return 1 }
        if v <= 0x115F { return 2 }
        if v < 0x2E80 { return 1 }
        if v <= 0xA4CF { return v == 0x303F ? 1 : 2 }
        if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
        if v >= 0xF900 && v <= 0xFAFF { return 2 }
        if v >= 0xFE30 && v <= 0xFE4F { return 2 }
        if v >= 0xFF00 && v <= 0xFF60 { return 2 }
        if v >= 0xFFE0 && v <= 0xFFE6 { return 2 }
        if v >= 0x20000 && v <= 0x3FFFD { return 2 }
        return 1
    }
}
