/// Finds the numbers of normalised text before the word segmenter sees it,
/// because segmenters mangle them (`-3480.83万元` → `-|3480.83万元`,
/// `23,876` → `23|,|876`; ARCHITECTURE.md, "what other engines' users taught us").
/// Each number becomes one `.number` token; the text between numbers goes to ICU.
///
/// What is a number here (all on nfkc_cf output, so full-width digits, commas
/// and points are already ASCII):
/// - a maximal run of ASCII digit groups joined by single `.` or `,`;
/// - if it reads as one decimal number — `1564`, `1,564`, `12,345,678.9`,
///   `3480.83`: first group of 1–3 digits before any `,`, every `,` group exactly
///   3 digits, at most one `.`, after all commas — it is ONE token;
/// - otherwise each digit group is its own number and the separators are not
///   words: `2024.02.21` → `2024` `02` `21`, `1,2` → `1` `2` (a list, not 12).
/// - A run touching a letter (`5g`, `a1`, `2024abc`) is not a number but part of
///   a word: it is left to ICU, which keeps it whole as a `.letters` word, as
///   in UAX #29. CJK characters are not letters here: `2024年` → `2024` `年`.
/// - Signs are NOT part of a number: `-3480.83万元` → `3480.83` `万元`. A query
///   for 3480.83 must find it whatever its sign; `-` is also a range dash
///   (`2023-2024`) and a list marker. The sign of an amount is the business of
///   number-fact extraction, which reads the original text.
/// - The token keeps the text as written (`1,564`, `02`, `3.50`); the index
///   term drops the thousands separators (`AnalyzedText.term(of:)`), so `1,564`
///   and `1564` are the same term. Values are compared by number facts, not terms.
enum NumberScanner {
    /// Appends the scalar ranges of the numbers in `s`, in order.
    static func scan<Text: ScalarText>(_ s: Text, into numbers: inout [Range<Int>]) {
        let n = s.count
        var i = 0
        while i < n {
            guard isDigit(s[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < n, isDigit(s[j]) { j += 1 }
            while j + 1 < n, s[j] == 0x2E || s[j] == 0x2C, isDigit(s[j + 1]) {
                j += 1
                while j < n, isDigit(s[j]) { j += 1 }
            }
            if (i > 0 && isWordLetter(s[i - 1])) || (j < n && isWordLetter(s[j])) {
                i = j
                continue
            }
            if isOneNumber(s, i, j) {
                numbers.append(i..<j)
            } else {
                var g = i
                while g < j {
                    var h = g
                    while h < j, isDigit(s[h]) { h += 1 }
                    numbers.append(g..<h)
                    g = h + 1
                }
            }
            i = j
        }
    }

    /// Whether digit groups `s[from..<to]` read as one number with thousands
    /// separators and an optional decimal part.
    private static func isOneNumber<Text: ScalarText>(_ s: Text, _ from: Int, _ to: Int) -> Bool {
        var i = from
        var groupLength = 0
        var sawComma = false
        var sawPoint = false
        var first = true
        while i <= to {
            if i < to, isDigit(s[i]) {
                groupLength += 1
                i += 1
                continue
            }
            // End of a group: check it against the separator before it.
            if first {
                first = false
            } else if sawPoint {
                // The decimal part: any length.
            } else if sawComma, groupLength != 3 {
                return false
            }
            if i == to { break }
            if s[i] == 0x2E {
                if sawPoint { return false }
                sawPoint = true
            } else {
                if sawPoint { return false }
                if !sawComma, i - from > 3 { return false }
                sawComma = true
            }
            groupLength = 0
            i += 1
        }
        return true
    }

    @inline(__always)
    static func isDigit(_ c: UInt32) -> Bool { c &- 0x30 < 10 }

    /// A letter that UAX #29 would glue to an adjacent digit: Latin and other
    /// alphabets, but not CJK ideographs or kana.
    static func isWordLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) &- 0x61 < 26 }
        guard let scalar = Unicode.Scalar(c), !CJKGrams.isCJK(scalar) else { return false }
        switch c {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return false
        default: return scalar.properties.isAlphabetic && !scalar.properties.isIdeographic
        }
    }
}
