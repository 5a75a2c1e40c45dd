// The units a number range may be written in, and the scanner for the number
// itself. Units are the ones the number-fact extractor knows (ARCHITECTURE.md,
// decision 4); each maps to a kind, a base unit and a multiplier to it.

/// A unit as written in a query: `亿元` is an amount of 1e8 yuan.
struct NumberUnit: Sendable, Equatable {
    var written: String
    var kind: NumberKind
    var base: String
    var multiplier: Double

    /// Every unit, looked up by exact match of what follows the number.
    static let all: [String: NumberUnit] = {
        var table: [String: NumberUnit] = [:]
        func add(_ written: String, _ kind: NumberKind, _ base: String, _ multiplier: Double) {
            table[written] = NumberUnit(written: written, kind: kind, base: base, multiplier: multiplier)
        }
        for (w, m) in [
            ("元", 1.0), ("千元", 1e3), ("万", 1e4), ("万元", 1e4), ("亿", 1e8),
            ("亿元", 1e8), ("万亿", 1e12), ("万亿元", 1e12)
        ] {
            add(w, .amount, "元", m)
        }
        add("%", .percent, "%", 1)
        add("个百分点", .percentagePoint, "个百分点", 1)
        add("百分点", .percentagePoint, "个百分点", 1)
        for u in [
            "个", "家", "户", "户次", "人", "人次", "名", "所", "项", "件", "套", "列",
            "亩", "公里", "平方米"
        ] {
            add(u, .count, u, 1)
        }
        // 万 before a counted unit: 万人次, 万平方米 … are counts in tens of thousands.
        for u in ["人", "人次", "户", "户次", "亩", "平方米"] {
            add("万" + u, .count, u, 1e4)
        }
        return table
    }()
}

/// A number as written, kept as an integer and a count of decimals so that
/// `8.57` in 亿 is computed as 857 × 1e8 / 100, exactly 857000000.
struct NumberLiteral: Sendable, Equatable {
    /// The digits as an integer, with the sign.
    var mantissa: Double
    /// 10^(number of decimals written).
    var scale: Double
    /// Scalars consumed.
    var length: Int

    /// The value in base units, given the unit's multiplier.
    func value(times multiplier: Double) -> Double {
        mantissa * multiplier / scale
    }

    /// One unit in the last written digit, in base units (`20160万元` → 1万元;
    /// `8.57亿` → 0.01亿): `=` ranges allow half of it either way.
    func lastDigit(times multiplier: Double) -> Double {
        multiplier / scale
    }

    /// Scans `-?digits(,digits)*(.digits)?` at the start of `s`; `nil` when
    /// there is no digit.
    static func scan(_ s: ArraySlice<Unicode.Scalar>) -> NumberLiteral? {
        var i = s.startIndex
        var negative = false
        if i < s.endIndex, s[i] == "-" {
            negative = true
            i += 1
        }
        var mantissa = 0.0
        var digits = 0
        var decimals = 0
        var inFraction = false
        while i < s.endIndex {
            let c = s[i]
            if let d = asciiDigit(c) {
                mantissa = mantissa * 10 + Double(d)
                digits += 1
                if inFraction { decimals += 1 }
            } else if c == ",", !inFraction, digits > 0,
                i + 1 < s.endIndex, asciiDigit(s[i + 1]) != nil
            {
                // Thousands separator, as in 1,564万元.
            } else if c == ".", !inFraction, digits > 0,
                i + 1 < s.endIndex, asciiDigit(s[i + 1]) != nil
            {
                inFraction = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        return NumberLiteral(
            mantissa: negative ? -mantissa : mantissa, scale: pow10(decimals),
            length: i - s.startIndex)
    }

    static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        guard c.value >= 0x30, c.value <= 0x39 else { return nil }
        return Int(c.value - 0x30)
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<min(n, 400) { r *= 10 }
        return r
    }
}
