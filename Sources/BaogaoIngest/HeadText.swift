import CICU
import Foundation

/// The opening of a report as metadata reading sees it: each of the first paragraphs
/// folded so that one set of patterns fits every way reports are published — Traditional
/// script to Simplified (mirror sites convert whole pages), the pinyin some mirrors put
/// after characters (`執(zhí)行`) removed, full-width ASCII to ASCII, and all spaces
/// dropped (`2021 年`, `福 建省`, `索 引 号` from PDF and table extraction).
/// Paragraph text itself is never changed; this is a view for reading metadata only.
struct HeadText {
    /// The folded lines, each as characters, with the source line number each came from.
    var lines: [[Character]]
    var lineNumbers: [Int]

    /// How much of the opening is read: web pages put a few hundred characters of
    /// boilerplate and tables of contents before the report.
    static let characterBudget = 2_400
    static let lineBudget = 60

    /// From the cleaned source lines, not paragraphs: a title, meeting line and
    /// signature that paragraph building joined are separate lines here.
    init(_ source: [CleanLine]) {
        var lines: [[Character]] = []
        var numbers: [Int] = []
        var total = 0
        for l in source {
            if lines.count >= Self.lineBudget || total >= Self.characterBudget { break }
            let text = String(decoding: l.text, as: UTF8.self)
            // A line has no more characters than bytes: only a longer one is cut, and
            // only then are its characters counted (grapheme breaking, a cost per line).
            let room = Self.characterBudget - total
            let folded = Self.fold(l.text.count <= room ? text : String(text.prefix(room)))
            if folded.isEmpty { continue }
            total += folded.count
            lines.append(folded)
            numbers.append(l.number)
        }
        self.lines = lines
        self.lineNumbers = numbers
    }

    init(lines: [String]) {
        self.lines = lines.map(Self.fold)
        self.lineNumbers = self.lines.indices.map { $0 + 1 }
    }

    static func fold(_ s: String) -> [Character] {
        let simplified = TraditionalToSimplified.convert(PinyinGloss.stripped(s))
        // Appended, not `Array(_:)`: that counts the scalars first, a second pass.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(simplified.utf8.count)
        for c in simplified.unicodeScalars { scalars.append(c) }
        let characters = Self.bmpCharacters  // once, not a lazy-global check per character
        var out: [Character] = []
        out.reserveCapacity(scalars.count)  // not `simplified.count`: counting graphemes cost more than folding
        var i = 0
        while i < scalars.count {
            var v = scalars[i].value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if Whitespace.isSpace(v) || v == 0xFEFF {
                i += 1
                continue
            }
            out.append(v < 0x10000 ? characters[Int(v)] : Character(Unicode.Scalar(v) ?? scalars[i]))
            i += 1
        }
        return out
    }

    /// Every scalar of the Basic Multilingual Plane as a `Character`, made once (1 MiB):
    /// making one per character of every report's opening was a third of folding it.
    /// Surrogate values are no scalars and never looked up.
    private static let bmpCharacters: [Character] = (0..<0x10000).map { v in
        Unicode.Scalar(UInt32(v)).map(Character.init) ?? "\u{FFFD}"
    }
}

/// ICU's Traditional→Simplified transliterator for the few hundred characters of a
/// report's opening. ICU transliterators are not thread-safe and costly to open, so
/// they are pooled: report files are read on every core at once.
public enum TraditionalToSimplified {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pool: [OpaquePointer] = []

    public static func convert(_ s: String) -> String {
        // Nearly every report is written in Simplified characters: only text with a
        // character the transliterator changes goes to ICU, whose rule engine cost a
        // third of indexing's CPU when every report's opening went through it.
        let table = traditional
        guard s.unicodeScalars.contains(where: { $0.value >= 0x3400 && $0.value <= 0x9FFF && table[Int($0.value - 0x3400)] })
        else { return s }
        return transliterate(s)
    }

    /// The CJK characters (basic block and extension A) that the transliterator
    /// changes on their own, found once with one ICU call over all of them, one
    /// per line. A multi-character rule only ever starts at one of these.
    /// Indexed by scalar − 0x3400, for U+3400…U+9FFF: a flat table, as every
    /// character of every report's opening is looked up in it.
    static var traditional: [Bool] { table.changed }

    /// Each of those characters as ICU converts it alone, when that is one character:
    /// the scalar-for-scalar conversion the number extractor reads paragraphs through.
    public static var simplifiedScalars: [UInt32: UInt32] { table.alone }

    /// The same conversion as a flat table indexed by scalar − 0x3400 (U+3400…U+9FFF),
    /// 0 where a character stays as it is: the number extractor looks up every CJK
    /// character of every paragraph with a digit, and a hashed look-up per character
    /// was 3 % of indexing's instructions.
    public static var simplifiedTable: [UInt32] { table.aloneFlat }

    private static let table: (changed: [Bool], alone: [UInt32: UInt32], aloneFlat: [UInt32]) = {
        let blocks = Array(0x3400...0x4DBF) + Array(0x4E00...0x9FFF)
        var text = String.UnicodeScalarView()
        for v in blocks {
            guard let c = Unicode.Scalar(v) else { continue }
            text.append(c)
            text.append("\n")
        }
        let converted = transliterate(String(text)).split(separator: "\n", omittingEmptySubsequences: false)
        var changed = [Bool](repeating: false, count: 0x9FFF - 0x3400 + 1)
        var alone: [UInt32: UInt32] = [:]
        for (k, v) in blocks.enumerated() where k < converted.count {
            let scalars = converted[k].unicodeScalars
            if scalars.count != 1 || scalars.first?.value != UInt32(v) {
                changed[v - 0x3400] = true
                if scalars.count == 1, let s = scalars.first { alone[UInt32(v)] = s.value }
            }
        }
        var aloneFlat = [UInt32](repeating: 0, count: changed.count)
        for (from, to) in alone { aloneFlat[Int(from) - 0x3400] = to }
        return (changed, alone, aloneFlat)
    }()

    private static func transliterate(_ s: String) -> String {
        lock.lock()
        let handle = pool.popLast() ?? bg_transliterator_open("Traditional-Simplified")
        lock.unlock()
        guard let handle else { return s }
        defer {
            lock.lock()
            pool.append(handle)
            lock.unlock()
        }
        let units = Array(s.utf16)
        for factor in [2, 8] {
            var buffer = units
            buffer.append(contentsOf: repeatElement(0, count: units.count * (factor - 1) + 16))
            let n = buffer.withUnsafeMutableBufferPointer {
                bg_transliterate(handle, $0.baseAddress, Int32(units.count), Int32($0.count))
            }
            if n >= 0 { return String(decoding: buffer[0..<Int(n)], as: UTF16.self) }
        }
        return s
    }
}
