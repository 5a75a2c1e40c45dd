/// How many columns a character takes in a fixed-width rendering: two for
/// East Asian wide and full-width characters, one otherwise. Both the seed
/// paragraph reconstruction and the hard-wrapped layout measure lines this way.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
            || (0x3041...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + of($1) }
    }
}
