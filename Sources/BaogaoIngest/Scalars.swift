/// Character classes the layout and structure heuristics rely on.
enum Scalars {
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    static func isFullwidthDigit(_ v: UInt32) -> Bool { v >= 0xFF10 && v <= 0xFF19 }

    /// Chinese numerals used in heading markers (一 … 十, 百 for long lists).
    static func isChineseNumeral(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6:
            return true  // 一二三四五六七八九十百零
        default:
            return false
        }
    }

    /// Sentence-final punctuation, and the ellipsis …: a line ending here may end a paragraph.
    static func isStrongTerminal(_ v: UInt32) -> Bool {
        SentenceBoundaries.endsSentence(v) || v == 0x2026
    }

    /// Clause-final punctuation (；：;:): ends a list item or introduces one, not a sentence.
    static func isWeakTerminal(_ v: UInt32) -> Bool {
        SentenceBoundaries.isSemicolon(v) || SentenceBoundaries.isColon(v)
    }

    /// Closing quotes and brackets that may follow a terminal (`…底线。”`).
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x3011, 0x300B, 0x3009:
            return true  // ” ’ 」 』 ） ) 】 》 〉
        default:
            return false
        }
    }

    /// Display width as the PDF layout counts it (see `ColumnWidth.layout`).
    @inline(__always)
    static func width(_ v: UInt32) -> Int { ColumnWidth.layout(v) }
}
