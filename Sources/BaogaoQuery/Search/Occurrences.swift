/// Naive substring search: the strings are short (terms, labels) and the texts
/// are paragraphs, so the simple scan is the fast one. Generic over the element
/// (Unicode scalars of normalised text, UTF-8 bytes of a label); within this
/// module the compiler specialises it for each.
enum Occurrences {
    /// Every offset of `haystack` where `needle` starts (none for an empty needle).
    /// Knuth–Morris–Pratt: linear in both lengths whatever they hold, where a
    /// scan restarted after each start would take |needle| × |haystack| steps on
    /// text such as `预算预算预算…` searched for `预算预算预算预`.
    static func starts(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        // border[k]: the length of the longest proper border of needle[0...k].
        var border = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = border[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            border[i] = k
        }
        var out: [Int] = []
        k = 0
        for (i, c) in haystack.enumerated() {
            while k > 0 && c != needle[k] { k = border[k - 1] }
            if c == needle[k] { k += 1 }
            if k == needle.count {
                out.append(i - k + 1)
                k = border[k - 1]
            }
        }
        return out
    }

    static func count(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int {
        starts(of: needle, in: haystack).count
    }

    /// Whether `needle` occurs in `haystack`; an empty needle always does.
    static func contains<N: RandomAccessCollection, H: RandomAccessCollection>(_ needle: N, in haystack: H) -> Bool
    where N.Element == H.Element, N.Element: Equatable, N.Index == Int, H.Index == Int {
        needle.isEmpty || firstStart(of: needle, in: haystack, from: haystack.startIndex) != nil
    }

    /// The first offset at or after `from` where `needle` starts, nil for none
    /// (and for an empty needle).
    static func firstStart<N: RandomAccessCollection, H: RandomAccessCollection>(
        of needle: N, in haystack: H,
        from: Int
    ) -> Int?
    where N.Element == H.Element, N.Element: Equatable, N.Index == Int, H.Index == Int {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let n = needle.startIndex
        let h = haystack.startIndex
        var i = max(from, h)
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[n + k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
