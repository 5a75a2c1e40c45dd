/// Matching of fixed words against a paragraph held as `[Unicode.Scalar]`.
///
/// Every numbers rule is a list of words (units, relation words, head words, stop
/// words); this is the one place that matches them, without Foundation or regex, so
/// the extractor stays fast at indexing time.
final class WordList: Sendable {
    /// Longest first, so the first hit is the longest match.
    let words: [[Unicode.Scalar]]
    /// `words` as strings, same order: a match's index names it without building a String.
    let strings: [String]
    /// Bitmaps over the low 12 bits of each word's first and last scalar: most text
    /// scalars start or end no word, and one bit test rejects them (the finders probe
    /// every position of a clause, so this is the extractor's hot path). 512 bytes each,
    /// so all the lists' bitmaps stay in L1 cache.
    private let firstBits: [UInt64]
    private let lastBits: [UInt64]

    init(_ strings: [String]) {
        words = strings.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.strings = words.map { ScalarClass.string($0[...]) }
        var first = [UInt64](repeating: 0, count: 64)
        var last = [UInt64](repeating: 0, count: 64)
        for w in words {
            if let f = w.first { Self.set(&first, f) }
            if let l = w.last { Self.set(&last, l) }
        }
        firstBits = first
        lastBits = last
    }

    private static func set(_ bits: inout [UInt64], _ c: Unicode.Scalar) {
        let k = Int(c.value & 0xFFF)
        bits[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always)
    private static func test(_ bits: [UInt64], _ c: Unicode.Scalar) -> Bool {
        let k = Int(c.value & 0xFFF)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }

    /// Could a word start with `c`? (Fast pre-check for scanning loops.)
    @inline(__always)
    func mayStart(with c: Unicode.Scalar) -> Bool { Self.test(firstBits, c) }

    /// Could a word end with `c`?
    @inline(__always)
    func mayEnd(with c: Unicode.Scalar) -> Bool { Self.test(lastBits, c) }

    /// The longest word that starts at `start` and ends at or before `upper`.
    func longest(in s: [Unicode.Scalar], at start: Int, upper: Int? = nil) -> [Unicode.Scalar]? {
        longestIndex(in: s, at: start, upper: upper).map { words[$0] }
    }

    /// The index in `words`/`strings` of the longest word starting at `start`.
    func longestIndex(in s: [Unicode.Scalar], at start: Int, upper: Int? = nil) -> Int? {
        let limit = min(upper ?? s.count, s.count)
        guard start >= 0, start < limit, Self.test(firstBits, s[start]) else { return nil }
        var index = 0
        while index < words.count {
            let w = words[index]
            if start + w.count <= limit {
                var i = 0
                while i < w.count && s[start + i] == w[i] { i += 1 }
                if i == w.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The longest word that ends exactly at `end` (exclusive) and starts at or after `lower`.
    func longest(in s: [Unicode.Scalar], endingAt end: Int, lower: Int = 0) -> [Unicode.Scalar]? {
        let floor = max(lower, 0)
        guard end <= s.count, end > floor, Self.test(lastBits, s[end - 1]) else { return nil }
        var index = 0
        while index < words.count {
            let w = words[index]
            let base = end - w.count
            if base >= floor {
                var i = 0
                while i < w.count && s[base + i] == w[i] { i += 1 }
                if i == w.count { return w }
            }
            index += 1
        }
        return nil
    }

    /// Is `s` exactly one of the words?
    func contains(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let a = Array(s)
        return longest(in: a, at: 0)?.count == a.count
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

    /// Scalars to a String through UTF-8 bytes (String's fast path).
    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.count * 3)
        for c in s {
            let v = c.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The paragraph's scalars, or nil when it holds no digit (ASCII 30–39 or
    /// full-width EF BC 90–99): one pass over the UTF-8 bytes, and paragraphs without a
    /// number cost nothing more.
    static func scalarsIfDigits(_ text: String) -> [Unicode.Scalar]? {
        var text = text
        return text.withUTF8 { bytes -> [Unicode.Scalar]? in
            var found = false
            var k = 0
            let n = bytes.count
            while k < n {
                let b = bytes[k]
                if b >= 0x30 && b <= 0x39 { found = true; break }
                if b == 0xEF && k + 2 < n && bytes[k + 1] == 0xBC && bytes[k + 2] >= 0x90 && bytes[k + 2] <= 0x99 {
                    found = true; break
                }
                k += 1
            }
            guard found else { return nil }
            // A String is valid UTF-8, so a plain decoder suffices; it writes straight
            // into the array's storage (at most one scalar per byte).
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                var k = 0
                var written = 0
                while k < n {
                    let b = UInt32(bytes[k])
                    var v: UInt32
                    var len: Int
                    if b < 0x80 {
                        v = b; len = 1
                    } else if b < 0xE0 {
                        v = b & 0x1F; len = 2
                    } else if b < 0xF0 {
                        v = b & 0x0F; len = 3
                    } else {
                        v = b & 0x07; len = 4
                    }
                    if k + len > n { len = n - k }
                    var m = 1
                    while m < len { v = (v << 6) | (UInt32(bytes[k + m]) & 0x3F); m += 1 }
                    buffer.initializeElement(at: written, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                    written += 1
                    k += len
                }
                count = written
            }
        }
    }
}
