import CICU
import Synchronization

/// ICU's Traditional→Simplified transliterator, with its contextual rules, for the
/// few hundred characters of a report's opening that hold a Traditional character. ICU transliterators are not thread-safe and costly to open, so
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
    /// changes on their own (`SimplifiedCharacters`); a multi-character rule only
    /// ever starts at one of these. Indexed by scalar − 0x3400, for U+3400…U+9FFF:
    /// a flat table, as every character of every report's opening is looked up in it.
    static let traditional: [Bool] = (0x3400...0x9FFF).map { SimplifiedCharacters.simplified(UInt32($0)) != UInt32($0) }

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
