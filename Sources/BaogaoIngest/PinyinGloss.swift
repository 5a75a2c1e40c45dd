/// Pinyin a mirror site prints after a character it thinks rare: `執(zhí)行`,
/// `預(yù)算`, `調(diào)入`. Four of the 67 real excerpts have them; left in, they cut
/// every label they fall inside (`地方一般公共預(yù)算收入` read as `算收入`), so the
/// line cleaner drops them, and nothing after it sees them.
///
/// A gloss is `(`, one to six lower-case Latin letters with at least one tone
/// mark (ā á ǎ à … ü), then `)`, right after a CJK character. The tone mark is
/// what tells it from text a report writes (`里程(km)`, `(a)`): official text
/// never carries toned pinyin in brackets.
enum PinyinGloss {
    /// The index just past the gloss whose `(` is at `open` in UTF-8 `b`, or nil.
    /// The caller checks that a CJK character comes before `open`.
    static func end<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, open: Int) -> Int? where Bytes.Index == Int {
        guard open < b.count, b[open] == 0x28 else { return nil }
        var i = open + 1
        var letters = 0
        var toned = false
        while i < b.count, letters <= 6 {
            let c = b[i]
            if c == 0x29 { return letters > 0 && toned ? i + 1 : nil }
            if c >= 0x61 && c <= 0x7A {
                i += 1
            } else if (c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC7) && i + 1 < b.count, b[i + 1] & 0xC0 == 0x80 {
                toned = true  // U+00C0–U+01FF: Latin letters with tone marks and ü
                i += 2
            } else {
                return nil
            }
            letters += 1
        }
        return nil
    }

    /// Whether `lead` starts a three-byte character of the CJK blocks (U+3000–U+9FFF).
    static func isCJKLead(_ lead: UInt8) -> Bool { lead >= 0xE3 && lead <= 0xE9 }

    /// `s` without its glosses (the line cleaner drops them from every line; this is
    /// for text read before it, such as a title given by hand).
    static func stripped(_ s: String) -> String {
        let b = Array(s.utf8)
        guard b.contains(0x28) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x28, i >= 3, isCJKLead(b[i - 3]), let end = end(b, open: i) {
                i = end
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
