#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One non-blank source line after cleaning: the material paragraphs are built from.
struct CleanLine: Sendable {
    /// 1-based line number in the source file.
    let number: Int
    /// UTF-8, export artefacts removed, outer whitespace trimmed, inner text untouched.
    let text: [UInt8]
    /// Display width (CJK characters count two): the hard-wrap layout is measured in it.
    let width: Int
    /// Number of Unicode scalars.
    let length: Int
    /// Whether the line has a tab or two spaces in a row somewhere: only such lines can
    /// be flattened table rows (found in the cleaner's pass, so tables cost no extra pass).
    var hasWideGap = false
    /// The numbering marker the line starts with, if any (asked for every line pair).
    var marker: Marker?
}

/// Splits decoded text into lines and removes what export tools add to them.
///
/// Removed by design (and only these): outer whitespace including U+3000 indents and
/// the leading space of PDF page-break lines; byte-order marks and zero-width spaces
/// anywhere; markdown emphasis `**`, heading marks (`## ` at the start) and escapes
/// (`1\.` → `1.`); Word bookmarks `[bookmark: _GoBack]` and pandoc anchors `[]{#_Toc…}`;
/// pinyin glosses a mirror site puts after characters (`PinyinGloss`); lines that are only a page number (`- 3 -`, `3`, `第3页`,
/// `第 3 页 共 9 页`, `3/9`). Blank lines are dropped: in both layouts we see they
/// carry no information (the PDF layout has one after every line; 003 has one after
/// every paragraph but also inside paragraphs it breaks).
enum LineCleaner {
    static func lines(of utf8: [UInt8]) -> [CleanLine] {
        let ranges = LineBreaks.ranges(of: utf8)
        var out: [CleanLine] = []
        out.reserveCapacity(ranges.count)
        for (k, r) in ranges.enumerated() {
            if let line = clean(utf8, r.lowerBound, r.upperBound, number: k + 1) { out.append(line) }
        }
        return out
    }

    /// Width and length are only ever compared with small numbers (a page is ~54
    /// columns), so they are counted over a bounded prefix and saturate: this keeps a
    /// 20 MB line as cheap as a short one.
    static let measureLimit = 4096

    /// Cleans `utf8[start..<end]`; nil when nothing is left.
    static func clean(_ utf8: [UInt8], _ start: Int, _ end: Int, number: Int) -> CleanLine? {
        // Trim in place first, so that the common line is copied exactly once.
        var lower = start
        var upper = end
        while lower < upper, let (v, next) = UTF8Cursor.scalar(in: utf8, at: lower), isTrimmable(v) { lower = next }
        while upper > lower, let (v, first) = UTF8Cursor.last(in: utf8, before: upper), isTrimmable(v) { upper = first }
        var slice = Array(utf8[lower..<upper])
        var s = survey(slice)
        if s.rewrite {
            slice = trimmed(removeArtefacts(slice))
            s = survey(slice)
        }
        if slice.isEmpty || isPageNumber(slice) { return nil }
        return CleanLine(
            number: number, text: slice, width: s.width, length: s.length, hasWideGap: s.gap,
            marker: LineShape.marker(slice))
    }

    private struct Survey {
        var rewrite = false
        var gap = false
        var width = 0
        var length = 0
    }

    /// One raw pass over a line: does it hold an artefact trigger (`*`, `[`, U+FEFF
    /// `EF BB BF`, U+200B `E2 80 8B`) or a wide gap (a tab, or two `Whitespace` spaces
    /// in a row), and how wide and long is it (counted up
    /// to `measureLimit` bytes, then estimated low)? The common line is then never
    /// rewritten, and the common character, a CJK ideograph (lead byte E4–E9, always two
    /// columns), is skipped whole.
    private static func survey(_ b: [UInt8]) -> Survey {
        b.withUnsafeBufferPointer { p in
            var s = Survey()
            var previousSpace = false
            var i = 0
            let n = p.count
            let limit = min(n, measureLimit)
            while i < limit {
                let c = p[i]
                if c >= 0xE4 && c <= 0xE9 {
                    s.width += 2
                    s.length += 1
                    previousSpace = false
                    i += 3
                    continue
                }
                switch c {
                case 0x09: s.gap = true
                case 0x2A, 0x5B, 0x5C: s.rewrite = true
                case 0x23 where i == 0: s.rewrite = true
                case 0xEF where i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF: s.rewrite = true
                case 0xE2 where i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x8B: s.rewrite = true
                case 0x28 where i >= 3 && PinyinGloss.isCJKLead(p[i - 3]) && PinyinGloss.end(p, open: i) != nil:
                    s.rewrite = true
                default: break
                }
                // Decode for the width; the bytes are valid UTF-8.
                var v = UInt32(c)
                var step = UTF8Decoding.length(lead: c)
                if step > 1, i + step <= n { v = UTF8Decoding.scalar(p, at: i, length: step) } else { step = 1 }
                // Two spaces in a row of any kind are a gap, as `TableReader` splits columns
                // at them; a tab is one on its own.
                let space = v != 0x09 && Whitespace.isSpace(v)
                if space && previousSpace { s.gap = true }
                previousSpace = space
                s.width += Scalars.width(v)
                s.length += 1
                i += step
            }
            if n > limit {
                // Past the limit: still look for triggers, and count at least one column
                // per four bytes.
                var k = limit
                while k < n && !s.rewrite {
                    let c = p[k]
                    if c == 0x2A || c == 0x5B || c == 0x5C
                        || (c == 0xEF && k + 2 < n && p[k + 1] == 0xBB && p[k + 2] == 0xBF)
                        || (c == 0xE2 && k + 2 < n && p[k + 1] == 0x80 && p[k + 2] == 0x8B)
                    {
                        s.rewrite = true
                    }
                    k += 1
                }
                s.width += (n - limit) / 4
                s.length += (n - limit) / 4
            }
            return s
        }
    }

    private static func removeArtefacts(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        // A markdown heading mark (`## 一、…`) at the start of the line.
        if n > 0 && b[0] == 0x23 {
            var k = 0
            while k < n && k < 6 && b[k] == 0x23 { k += 1 }
            if k < n && b[k] == 0x20 { i = k + 1 }
        }
        while i < n {
            let c = b[i]
            if c == 0x2A && i + 1 < n && b[i + 1] == 0x2A {
                i += 2
                continue
            }
            // Markdown escapes (`1\.`, `\*`, `\[`): the backslash goes, the character stays.
            if c == 0x5C && i + 1 < n && Self.isEscapable(b[i + 1]) {
                out.append(b[i + 1])
                i += 2
                continue
            }
            if c == 0x5B, let end = artefactEnd(b, from: i) {
                i = end
                continue
            }
            if c == 0xEF && i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF {
                i += 3
                continue
            }
            if c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x8B {
                i += 3
                continue
            }
            if c == 0x28, i >= 3, PinyinGloss.isCJKLead(b[i - 3]), let end = PinyinGloss.end(b, open: i) {
                i = end
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func isEscapable(_ c: UInt8) -> Bool {
        switch c {
        case 0x2E, 0x2A, 0x5B, 0x5D, 0x28, 0x29, 0x2D, 0x2B, 0x23, 0x5F, 0x7C, 0x5C, 0x60, 0x3E, 0x3C, 0x21:
            return true  // . * [ ] ( ) - + # _ | \ ` > < !
        default:
            return false
        }
    }

    /// The end of a `[bookmark: …]` or `[]{#…}` artefact starting at `i` (a `[`).
    /// Bounded look-ahead keeps a line full of `[` linear.
    private static func artefactEnd(_ b: [UInt8], from i: Int) -> Int? {
        let limit = min(b.count, i + 120)
        if i + 3 < b.count && b[i + 1] == 0x5D && b[i + 2] == 0x7B && b[i + 3] == 0x23 {  // []{#
            var k = i + 4
            while k < limit {
                if b[k] == 0x7D { return k + 1 }
                k += 1
            }
            return nil
        }
        let tag = Array("bookmark:".utf8)
        guard i + 1 + tag.count <= b.count else { return nil }
        for (k, t) in tag.enumerated() {
            let c = b[i + 1 + k]
            let lower = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
            if lower != t { return nil }
        }
        var k = i + 1 + tag.count
        while k < limit {
            if b[k] == 0x5D { return k + 1 }
            if b[k] == 0x5B { return nil }
            k += 1
        }
        return nil
    }

    static func trimmed(_ b: [UInt8]) -> [UInt8] {
        var s = 0
        var e = b.count
        while s < e, let (v, next) = UTF8Cursor.scalar(in: b, at: s), isTrimmable(v) { s = next }
        while e > s, let (v, start) = UTF8Cursor.last(in: b, before: e), isTrimmable(v) { e = start }
        if s == 0 && e == b.count { return b }
        return Array(b[s..<e])
    }

    @inline(__always)
    private static func isTrimmable(_ v: UInt32) -> Bool {
        Whitespace.isSpace(v) || v == 0xFEFF || v == 0x200B
    }

    /// Only-a-page-number lines: digits with optional dashes around them (`- 3 -`,
    /// `—3—`, `3`), `第3页` with an optional `共9页`, or `3/9`. A bare number of more
    /// than four digits is left alone: that is data, not a page.
    static func isPageNumber(_ b: [UInt8]) -> Bool {
        guard b.count <= 40 else { return false }
        let s = UTF8Cursor.prefix(b, limit: 24).filter { !Whitespace.isSpace($0) }
        guard !s.isEmpty else { return false }
        func isDash(_ v: UInt32) -> Bool {
            v == 0x2D || v == 0x2014 || v == 0x2013 || v == 0xFF0D || v == 0x2015 || v == 0x2012
        }
        var i = 0
        while i < s.count && isDash(s[i]) { i += 1 }
        let leadingDashes = i
        var digits = 0
        while i < s.count && Scalars.isDigit(s[i]) {
            i += 1
            digits += 1
        }
        if digits >= 1 && digits <= 4 {
            var j = i
            while j < s.count && isDash(s[j]) { j += 1 }
            if j == s.count && (j - i) <= 2 && leadingDashes <= 2 { return true }
            if leadingDashes == 0 && i < s.count && s[i] == 0x2F {  // 3/9
                var k = i + 1
                var d2 = 0
                while k < s.count && Scalars.isDigit(s[k]) {
                    k += 1
                    d2 += 1
                }
                if k == s.count && d2 >= 1 && d2 <= 4 { return true }
            }
            return false
        }
        // 第 3 页 [共 9 页]
        guard leadingDashes == 0, s.first == 0x7B2C else { return false }  // 第
        var k = 1
        var d = 0
        while k < s.count && Scalars.isDigit(s[k]) {
            k += 1
            d += 1
        }
        guard d >= 1 && d <= 4, k < s.count, s[k] == 0x9875 else { return false }  // 页
        k += 1
        if k == s.count { return true }
        guard s[k] == 0x5171 || s[k] == 0xFF0C || s[k] == 0x2C || s[k] == 0x2F else { return false }  // 共 ， , /
        if s[k] != 0x5171 { k += 1 }
        if k < s.count && s[k] == 0x5171 { k += 1 }
        d = 0
        while k < s.count && Scalars.isDigit(s[k]) {
            k += 1
            d += 1
        }
        if d >= 1 && d <= 4 && k < s.count && s[k] == 0x9875 { k += 1 }
        return d >= 1 && k == s.count
    }
}
