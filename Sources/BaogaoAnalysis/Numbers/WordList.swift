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
