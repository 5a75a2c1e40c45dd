import BaogaoIngest

/// Finds every number-with-unit in a paragraph: the first pass of extraction, before
/// any label, relation or scope is looked for.
///
/// A number is `[-] digits [,ddd]* [.digits]` in ASCII or full-width digits, followed by
/// a unit (`UnitTable`). Rules that keep non-quantities out, in order:
/// 1. no unit after the number → not a fact (years `2024年`, dates `2月21日`, ordinals
///    `1.` `（3）`, bare numbers);
/// 2. preceded by `第` → an ordinal (`第3次`);
/// 3. touching `+`/`＋` → part of a plan name (`3+3+X`, `“1+6”`);
/// 4. a Latin letter right before or after → a code (`A3`, `5G`).
/// A `-` before the digits is a minus sign unless it follows another number, where it
/// is a range dash (`5%-8%`).
/// Plan names in quotes (`“631”`, `“4050”人员`) and Chinese-numeral names (`十四五`,
/// `第十三次`) have no digits-plus-unit and fall out by rule 1.
struct ScannedNumber: Sendable, Equatable {
    var start: Int
    var end: Int
    var value: Double
    var kind: NumberFact.Kind
    var unit: String
    var qualifier: String?
    /// Where the qualifier word before the number starts (`约` in `约 9.16亿元`), else `start`.
    var outerStart: Int
    /// Just past a qualifier word after the unit (`以上`, `左右`), else `end`.
    var outerEnd: Int
}

enum AmountScanner {
    private static let before = WordList(["约", "大约", "超过", "超", "近", "逾", "接近", "不足", "不到", "多达"])
    private static let after = WordList(["以上", "左右"])

    static func scan(_ s: [Unicode.Scalar]) -> [ScannedNumber] {
        var out: [ScannedNumber] = []
        var i = 0
        let n = s.count
        var previousEnd = -1
        while i < n {
            guard ScalarClass.isDigit(s[i]) else {
                i += 1
                continue
            }
            let digitsEnd = readNumber(s, from: i)
            defer { i = max(digitsEnd, i + 1) }
            // A dash right after a number is a range (`5%-8%`, `5万元-10万元`), not a sign.
            let rangeDash = i >= 1 && i - 1 == previousEnd
            if let found = number(s, start: i, digitsEnd: digitsEnd, rangeDash: rangeDash) {
                out.append(found)
                previousEnd = found.end
            } else {
                previousEnd = digitsEnd
            }
        }
        return out
    }

    /// Reads digits, thousands groups and a fraction; returns where the number ends.
    private static func readNumber(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        var sawPoint = false
        while j < s.count {
            if ScalarClass.isDigit(s[j]) {
                j += 1
            } else if s[j] == ",", !sawPoint, isThousandsGroup(s, at: j + 1) {
                j += 1
            } else if s[j] == "." || s[j] == "．", !sawPoint, j + 1 < s.count, ScalarClass.isDigit(s[j + 1]) {
                sawPoint = true
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// The number's ASCII form (`1,564` → `1564`, `８．５７` → `8.57`), built only for
    /// numbers that have a unit: years and ordinals never pay for it.
    private static func asciiDigits(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for k in range {
            if let d = ScalarClass.digit(s[k]) { bytes.append(UInt8(0x30 + d)) } else if s[k] != "," { bytes.append(0x2E) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `digits × multiplier` (a power of ten), parsed once so the result is the nearest
    /// double to the exact decimal value.
    static func scaled(_ digits: String, by multiplier: Double) -> Double? {
        guard multiplier != 1 else { return Double(digits) }
        let exponent = log10Int(multiplier)
        return Double(digits + "e" + String(exponent))
    }

    private static func log10Int(_ x: Double) -> Int {
        var e = 0
        var v = x
        while v >= 10 {
            v /= 10
            e += 1
        }
        return e
    }

    private static func isThousandsGroup(_ s: [Unicode.Scalar], at k: Int) -> Bool {
        guard k + 3 <= s.count else { return false }
        for m in k..<(k + 3) where !ScalarClass.isDigit(s[m]) { return false }
        return k + 3 == s.count || !ScalarClass.isDigit(s[k + 3])
    }

    private static func number(
        _ s: [Unicode.Scalar], start digitsStart: Int, digitsEnd: Int,
        rangeDash: Bool
    ) -> ScannedNumber? {
        guard let unit = UnitTable.match(s, at: digitsEnd) else { return nil }
        var start = digitsStart
        var negative = false
        if start > 0, !rangeDash, s[start - 1] == "-" || s[start - 1] == "－" || s[start - 1] == "−" {
            let beforeSign = start >= 2 ? s[start - 2] : " "
            if !ScalarClass.isDigit(beforeSign) && !ScalarClass.isLatinLetter(beforeSign) {
                start -= 1
                negative = true
            }
        }
        if start > 0 {
            let p = s[start - 1]
            if p == "第" || p == "+" || p == "＋" || ScalarClass.isLatinLetter(p) { return nil }
        }
        if digitsEnd < s.count {
            let q = s[digitsEnd]
            if q == "+" || q == "＋" || ScalarClass.isLatinLetter(q) { return nil }
        }
        // Scale in decimal, not binary: `67.96亿元` is exactly 6796000000, not 6795999999.999999.
        guard var value = scaled(asciiDigits(s, digitsStart..<digitsEnd), by: unit.multiplier) else { return nil }
        if negative { value = -value }

        var qualifier = unit.approximateWord
        var outerStart = start
        var k = start
        while k > 0 && Whitespace.isSpace(s[k - 1]) { k -= 1 }
        if let w = before.longest(in: s, endingAt: k) {
            qualifier = ScalarClass.string(w[...])
            outerStart = k - w.count
        }
        var outerEnd = unit.end
        if let w = after.longest(in: s, at: unit.end) {
            qualifier = ScalarClass.string(w[...])
            outerEnd = unit.end + w.count
        }
        return ScannedNumber(
            start: start, end: unit.end, value: value, kind: unit.kind,
            unit: unit.unit, qualifier: qualifier, outerStart: outerStart,
            outerEnd: outerEnd)
    }
}
