/// Where text between numbers can be cut into chunks that ICU segments
/// independently, without changing ICU's words: at separators that are never
/// part of a word and around which UAX #29 (and ICU's `zh` rules) always break,
/// whatever their neighbours.
///
/// Always separators (Word_Break = Other or Newline/WSegSpace): spaces, tab,
/// CR, LF, ASCII `( ) ! ? % - [ ] { } < > / * + = & # $ ^ | ~ \``, CJK punctuation
/// `、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛`, `“ ”`, `—`, `…`.
/// Not separators: `'` `"` `_` `·` `‘ ’` (UAX #29 keeps them inside words in some
/// contexts) and `@` (a letter in ICU's rules, for e-mail addresses).
///
/// `,` `.` `:` `;` (nfkc_cf of `，．：；`) glue digits or letters on both sides
/// (WB6/7, WB11/12: `1,2`, `a.b`), so they separate only when a neighbour is a
/// CJK ideograph — which is how they appear in Chinese text.
///
/// No separator cuts in front of a scalar that UAX #29 glues to what precedes it
/// (combining marks, format characters, ZWJ: WB4): the cut is made only if the
/// next scalar is ASCII, CJK, or itself a separator.
enum ChunkBoundaries {
    /// Calls `body` with each non-empty chunk of `gap`, in order; separators
    /// are left out (they are never words).
    @inline(__always)
    static func forEachChunk<Text: ScalarText>(_ s: Text, _ gap: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = gap.lowerBound
        var k = gap.lowerBound
        while k < gap.upperBound {
            if isSeparator(s, k, gap) {
                if start < k, mayHoldWords(s, start..<k) { body(start..<k) }
                start = k + 1
            }
            k += 1
        }
        if start < gap.upperBound, mayHoldWords(s, start..<gap.upperBound) { body(start..<gap.upperBound) }
    }

    @inline(__always)
    private static func isSeparator<Text: ScalarText>(_ s: Text, _ k: Int, _ gap: Range<Int>) -> Bool {
        let c = s[k]
        let kind = c < 0x80 ? ascii[Int(c)] : wide(c)
        if kind == 0 { return false }
        if kind == 2 {
            // , . : ; — only next to an ideograph.
            let before = k > gap.lowerBound && isIdeograph(s[k - 1])
            let after = k + 1 < gap.upperBound && isIdeograph(s[k + 1])
            if !before && !after { return false }
        }
        return k + 1 >= gap.upperBound || isPlain(s[k + 1])
    }

    /// 0: not a separator, 1: always, 2: only next to an ideograph.
    private static let ascii: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for c in "\t\n\r ()!?%-[]{}<>/*+=&#$^|~`".unicodeScalars { table[Int(c.value)] = 1 }
        for c in ",.:;".unicodeScalars { table[Int(c.value)] = 2 }
        return table
    }()

    @inline(__always)
    private static func wide(_ c: UInt32) -> UInt8 {
        switch c {
        case 0x3001, 0x3002, 0x3008...0x301B, 0x201C, 0x201D, 0x2014, 0x2026: return 1
        default: return 0
        }
    }

    @inline(__always)
    private static func isIdeograph(_ c: UInt32) -> Bool {
        guard c >= 0x3400, let scalar = Unicode.Scalar(c) else { return false }
        return CJKGrams.isCJK(scalar)
    }

    /// A scalar nothing glues to the separator before it: ASCII, CJK, or a separator.
    @inline(__always)
    private static func isPlain(_ c: UInt32) -> Bool {
        c < 0x80 || isIdeograph(c) || wide(c) != 0
    }

    /// False if the chunk is only ASCII spaces and punctuation, which ICU would
    /// not make a word of (`@` and `_` excepted): saves an ICU call.
    @inline(__always)
    static func mayHoldWords<Text: ScalarText>(_ s: Text, _ chunk: Range<Int>) -> Bool {
        for k in chunk {
            let c = s[k]
            if c >= 0x80 || NumberScanner.isDigit(c) || (c | 0x20) &- 0x61 < 26 || c == 0x5F || c == 0x40 {
                return true
            }
        }
        return false
    }
}
