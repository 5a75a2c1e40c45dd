/// What counts as space, for every layer: the cleaner and the layout heuristics,
/// the number finders, the query lexer, the front ends' blank-input checks.
///
/// Unicode's White_Space property is the whole set (`isWhitespace`). It splits in
/// two on purpose, and callers say which half they mean:
/// - a **line end** (`isLineEnd`): LF and CR, where `LineBreaks` cuts a file into
///   numbered lines, and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which end a
///   line in Unicode though no report file uses them so;
/// - a **space** (`isSpace`): everything else — the ASCII space and tab, vertical
///   tab and form feed (PDF exports leave them inside lines), and every Unicode
///   space separator: NBSP, the en/em spaces of Word exports, the ideographic space
///   U+3000 of Chinese indents.
/// Text that is one line already (a paragraph, a query, a typed command) may hold
/// any of them; trimming and blank checks there use the whole set.
public enum Whitespace {
    /// Space within a line (see the type's comment for the set).
    @inlinable
    public static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inlinable
    public static func isSpace(_ c: Unicode.Scalar) -> Bool { isSpace(c.value) }

    /// The end of a line: LF, CR, NEL, U+2028, U+2029.
    @inlinable
    public static func isLineEnd(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Unicode White_Space: a space or a line end.
    @inlinable
    public static func isWhitespace(_ c: Unicode.Scalar) -> Bool { isSpace(c.value) || isLineEnd(c.value) }

    /// Whether `c` is all whitespace (a grapheme such as CR LF is two scalars).
    @inlinable
    public static func isWhitespace(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy(isWhitespace) }

    /// Whether `text` holds nothing but whitespace (or nothing).
    public static func isBlank<S: StringProtocol>(_ text: S) -> Bool { text.unicodeScalars.allSatisfy(isWhitespace) }

    /// `text` without whitespace at either end.
    public static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
