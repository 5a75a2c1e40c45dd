/// Matching of fixed words against a paragraph held as `[Unicode.Scalar]`.
///
/// Every numbers rule is a list of words (units, relation words, head words, stop
/// words); this is the one place that matches them, without Foundation or regex, so
/// the extractor stays fast at indexing time.
struct WordList: Sendable {
    /// Longest first, so the first hit is the longest match.
    let words: [[Unicode.Scalar]]

    init(_ strings: [String]) {
        words = strings.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// The longest word that starts at `start` and ends at or before `upper`.
    func longest(in s: [Unicode.Scalar], at start: Int, upper: Int? = nil) -> [Unicode.Scalar]? {
        let limit = min(upper ?? s.count, s.count)
        for w in words where start + w.count <= limit && start >= 0 {
            var i = 0
            while i < w.count && s[start + i] == w[i] { i += 1 }
            if i == w.count { return w }
        }
        return nil
    }

    /// The longest word that ends exactly at `end` (exclusive) and starts at or after `lower`.
    func longest(in s: [Unicode.Scalar], endingAt end: Int, lower: Int = 0) -> [Unicode.Scalar]? {
        guard end <= s.count else { return nil }
        for w in words where end - w.count >= max(lower, 0) {
            let base = end - w.count
            var i = 0
            while i < w.count && s[base + i] == w[i] { i += 1 }
            if i == w.count { return w }
        }
        return nil
    }

    func contains(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        words.contains { $0.elementsEqual(s) }
    }
}

/// Character classes used by the scanner and the finders.
enum ScalarClass {
    /// 0–9 for ASCII and full-width digits.
    @inline(__always)
    static func digit(_ c: Unicode.Scalar) -> UInt32? {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return v - 0x30 }
        if v >= 0xFF10 && v <= 0xFF19 { return v - 0xFF10 }
        return nil
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool { digit(c) != nil }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}"
    }

    @inline(__always)
    static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// Punctuation that ends a clause: a label never reaches across it.
    @inline(__always)
    static func isClauseStop(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "。", "；", ";", "：", ":", "！", "!", "？", "?", "、", "（", "(", "）", ")",
             "\n", "【", "】", "《", "》", "|":
            return true
        default:
            return false
        }
    }

    /// Punctuation that ends a sentence: labels are inherited only inside one.
    @inline(__always)
    static func isSentenceStop(_ c: Unicode.Scalar) -> Bool {
        c == "。" || c == "；" || c == ";" || c == "！" || c == "!" || c == "？" || c == "?" || c == "\n"
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }
}
