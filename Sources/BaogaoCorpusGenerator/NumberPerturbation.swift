import Foundation

/// Makes a template's numbers into a new report's numbers: every quantity is
/// scaled by a random factor (log-normal, kept within ×0.3…×3) and written with
/// the same decimals and thousands separators, so amounts, percentages and
/// counts vary from report to report while their units and formats stay real.
/// Years move with the report's year; list markers, codes (`1+2+4+N`, “4050”)
/// and dates are left alone.
enum NumberPerturbation {
    static func apply(to text: String, yearShift: Int, rng: inout SplitMix64) -> String {
        let c = Array(text)
        var out = ""
        var i = 0
        while i < c.count {
            guard isDigit(c[i]), i == 0 || !(isDigit(c[i - 1]) || c[i - 1] == "." || c[i - 1] == ",") else {
                out.append(c[i])
                i += 1
                continue
            }
            let number = scan(c, from: i)
            out += replacement(for: number, in: c, yearShift: yearShift, rng: &rng)
            i = number.end
        }
        return out
    }

    private struct Number {
        var start: Int, end: Int
        var integer: String  // digits only
        var hasCommas: Bool
        var decimals: Int  // 0 when there is no fractional part
    }

    private static func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }

    /// `123`, `12,345,678`, `3.14`, `1,234.5`.
    private static func scan(_ c: [Character], from start: Int) -> Number {
        var i = start
        while i < c.count && isDigit(c[i]) { i += 1 }
        var integer = String(c[start..<i])
        var hasCommas = false
        // Thousands groups only after one to three leading digits, and exactly three digits each.
        if integer.count <= 3 {
            while i + 3 < c.count, c[i] == ",", isDigit(c[i + 1]), isDigit(c[i + 2]), isDigit(c[i + 3]),
                !(i + 4 < c.count && isDigit(c[i + 4]))
            {
                integer += String(c[(i + 1)...(i + 3)])
                hasCommas = true
                i += 4
            }
        }
        var decimals = 0
        if i + 1 < c.count && c[i] == "." && isDigit(c[i + 1]) {
            var j = i + 1
            while j < c.count && isDigit(c[j]) { j += 1 }
            decimals = j - i - 1
            i = j
        }
        return Number(start: start, end: i, integer: integer, hasCommas: hasCommas, decimals: decimals)
    }

    private static func replacement(for n: Number, in c: [Character], yearShift: Int, rng: inout SplitMix64) -> String {
        let written = String(c[n.start..<n.end])
        let before: Character? = n.start > 0 ? c[n.start - 1] : nil
        let after: Character? = n.end < c.count ? c[n.end] : nil
        let whole = n.decimals == 0
        if whole, n.integer.count == 4, let year = Int(n.integer), (2000...2035).contains(year),
            isFollowedByYearMark(c, at: n.end) || isSecondYearOfRange(c, at: n.start)
        {
            return String(year + yearShift)
        }
        if before == "+" || before == "＋" || after == "+" || after == "＋" || (before == "“" && after == "”") {
            return written
        }
        if whole, n.start <= 1, let a = after, ".．、）)".contains(a) { return written }
        if whole, n.start <= 2, let b = before, "（(".contains(b), let a = after, "）)".contains(a) { return written }
        if whole, let next = c[n.end...].first(where: { !$0.isWhitespace }), next == "月" || next == "日" { return written }

        guard let value = Double(n.integer + (n.decimals > 0 ? "." + String(c[(n.end - n.decimals)..<n.end]) : "")) else {
            return written
        }
        let factor = min(3.0, max(0.3, exp(0.35 * rng.gaussian())))
        let smallest = pow(10, -Double(n.decimals))
        let scaled = value > 0 ? max(value * factor, smallest) : 0
        return format(scaled, decimals: n.decimals, commas: n.hasCommas)
    }

    /// `2023年`, `2023 年`, `2023-2025`.
    private static func isFollowedByYearMark(_ c: [Character], at end: Int) -> Bool {
        var i = end
        while i < c.count && c[i].isWhitespace { i += 1 }
        guard i < c.count else { return false }
        if c[i] == "年" { return true }
        guard c[i] == "-" else { return false }
        i += 1
        while i < c.count && c[i].isWhitespace { i += 1 }
        return i + 3 < c.count && c[i] == "2" && c[i + 1] == "0" && isDigit(c[i + 2]) && isDigit(c[i + 3])
    }

    /// The `2025` of `2023-2025`.
    private static func isSecondYearOfRange(_ c: [Character], at start: Int) -> Bool {
        start >= 5 && c[start - 1] == "-" && (start - 5..<start - 1).allSatisfy { isDigit(c[$0]) }
    }

    private static func format(_ value: Double, decimals: Int, commas: Bool) -> String {
        let plain = String(format: "%.\(decimals)f", value)
        guard commas else { return plain }
        let parts = plain.split(separator: ".", maxSplits: 1)
        var grouped = ""
        for (k, digit) in parts[0].reversed().enumerated() {
            if k > 0 && k % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
