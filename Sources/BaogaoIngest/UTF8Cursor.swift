/// Reading Unicode scalars straight out of validated UTF-8 bytes.
///
/// Ingestion works on bytes rather than `String` so that it stays linear and fast
/// (no bridging, no grapheme breaking); these few functions, over `UTF8Decoding`,
/// are ingestion's way through UTF-8 bytes. Every function tolerates any index and any bytes:
/// out-of-range reads yield nil instead of trapping.
public enum UTF8Cursor {
    /// The scalar starting at `i` and the index just after it.
    @inline(__always)
    static func scalar(in b: [UInt8], at i: Int) -> (value: UInt32, next: Int)? {
        guard i >= 0, i < b.count else { return nil }
        let length = UTF8Decoding.length(lead: b[i])
        guard i + length <= b.count else { return nil }
        return (UTF8Decoding.scalar(b, at: i, length: length), i + length)
    }

    /// The start index of the scalar that ends just before `end`.
    @inline(__always)
    static func start(before end: Int, in b: [UInt8]) -> Int? {
        guard end > 0, end <= b.count else { return nil }
        var i = end - 1
        while i > 0 && b[i] & 0xC0 == 0x80 && end - i < 4 { i -= 1 }
        return i
    }

    /// The last scalar of `b[..<end]` and its start index.
    static func last(in b: [UInt8], before end: Int) -> (value: UInt32, start: Int)? {
        guard let s = start(before: end, in: b), let (v, _) = scalar(in: b, at: s) else { return nil }
        return (v, s)
    }

    /// Up to `limit` scalars from the start: enough for every prefix test.
    static func prefix(_ b: [UInt8], limit: Int) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(limit)
        var i = 0
        while out.count < limit, let (v, next) = scalar(in: b, at: i) {
            out.append(v)
            i = next
        }
        return out
    }

    /// A string of the given scalar values (invalid values are skipped).
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == UInt32 {
        var out = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { out.append(u) } }
        return String(out)
    }

    /// Whether `b` starts with the UTF-8 of `s`.
    static func hasPrefix(_ b: [UInt8], _ s: String) -> Bool {
        var i = 0
        for byte in s.utf8 {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
        }
        return true
    }

    /// Whether `b` ends with the UTF-8 of `s`.
    static func hasSuffix(_ b: [UInt8], _ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count <= b.count else { return false }
        return b[(b.count - u.count)...].elementsEqual(u)
    }

    /// The first occurrence of the UTF-8 of `s` at or after `from`.
    static func find(_ s: String, in b: [UInt8], from: Int = 0) -> Int? {
        var s = s
        return b.withUnsafeBufferPointer { t in s.withUTF8 { w in firstIndex(of: w, in: t, from: from) } }
    }

    /// Whether `word` stands in `text`, compared byte by byte. A plain
    /// `text.contains(word)` resolves to Foundation's wherever a module imports
    /// it, which bridges to NSString and costs some ten thousand instructions a
    /// call: a fifth of number extraction's, when it read each fact's relation.
    public static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { t in word.withUTF8 { w in firstIndex(of: w, in: t, from: 0) != nil } }
    }

    /// Where `w` first stands in `t` at or after `from`; an empty `w` stands at `from`.
    private static func firstIndex(
        of w: UnsafeBufferPointer<UInt8>, in t: UnsafeBufferPointer<UInt8>, from: Int
    ) -> Int? {
        var i = max(0, from)
        guard let first = w.first else { return i <= t.count ? i : nil }
        guard w.count <= t.count else { return nil }
        while i <= t.count - w.count {
            if t[i] == first && t[i..<(i + w.count)].elementsEqual(w) { return i }
            i += 1
        }
        return nil
    }
}
