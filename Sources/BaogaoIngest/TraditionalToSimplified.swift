import CICU
import Synchronization

/// ICU's Traditional→Simplified transliterator for the few hundred characters of a
/// report's opening. ICU transliterators are not thread-safe and costly to open, so
/// they are pooled: report files are read on every core at once.
public enum TraditionalToSimplified {
    /// Open transliterators not in use. A handle is taken out for one call and put
    /// back, so no two threads ever share one; the pool only saves reopening them.
    private static let pool = Mutex<[Handle]>([])

    /// An ICU transliterator handle: used by one thread at a time (out of the pool),
    /// which is what makes moving it between threads safe.
    private struct Handle: @unchecked Sendable { let pointer: OpaquePointer }

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
        guard let handle = pool.withLock({ $0.popLast() }) ?? bg_transliterator_open("Traditional-Simplified").map(Handle.init)
        else { return s }
        defer { pool.withLock { $0.append(handle) } }
        let units = Array(s.utf16)
        for factor in [2, 8] {
            var buffer = units
            buffer.append(contentsOf: repeatElement(0, count: units.count * (factor - 1) + 16))
            let n = buffer.withUnsafeMutableBufferPointer {
                bg_transliterate(handle.pointer, $0.baseAddress, Int32(units.count), Int32($0.count))
            }
            if n >= 0 { return String(decoding: buffer[0..<Int(n)], as: UTF16.self) }
        }
        return s
    }
}
