/// Where sentences and clauses end in these reports: the one list of
/// sentence-ending characters that ingestion (paragraph ends, long paragraphs
/// cut), analysis (which sentence a number's label is inherited in) and the
/// queries (the sentence a fact's terms must share) all read.
public enum SentenceBoundaries {
    /// 。！？!?: a sentence ends here.
    @inlinable @inline(__always)
    public static func endsSentence(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 || v == 0x3F
    }

    /// ；;: ends a clause that stands as a statement of its own (the items of a
    /// budget line, `…支出20160万元；…`), so a fact's sentence ends there too.
    @inlinable @inline(__always)
    public static func isSemicolon(_ v: UInt32) -> Bool { v == 0xFF1B || v == 0x3B }

    /// ：:: ends a clause that introduces what follows (a list, a definition).
    @inlinable @inline(__always)
    public static func isColon(_ v: UInt32) -> Bool { v == 0xFF1A || v == 0x3A }

    /// Where a statement ends: a sentence end or a semicolon (。！？!?；;). A fact
    /// and the terms asked with it must stand between two of these.
    @inlinable @inline(__always)
    public static func endsStatement(_ v: UInt32) -> Bool { endsSentence(v) || isSemicolon(v) }

    @inlinable @inline(__always)
    public static func endsStatement(_ s: Unicode.Scalar) -> Bool { endsStatement(s.value) }

    /// The statement holding `range` of `text`: from the statement end before it
    /// to the one after it, that end included (clamped to the text).
    public static func statement(in text: [Unicode.Scalar], around range: Range<Int>) -> Range<Int> {
        var lo = min(max(0, range.lowerBound), text.count)
        while lo > 0, !endsStatement(text[lo - 1]) { lo -= 1 }
        var hi = min(max(lo, range.upperBound), text.count)
        while hi < text.count, !endsStatement(text[hi]) { hi += 1 }
        if hi < text.count { hi += 1 }
        return lo..<hi
    }
}
