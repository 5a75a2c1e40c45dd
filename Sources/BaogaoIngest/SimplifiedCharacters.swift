/// ICU's Traditional→Simplified transliterator applied to one character at a
/// time, as data: the 2,855 characters ICU 72 changes on their own (CJK
/// ideographs of the basic block and extension A, and 「」 → “”), each into one
/// character. Ingestion reads reports' openings through it and the analyzer folds
/// every text through it, character by character (`TraditionalToSimplified` in
/// BaogaoAnalysis says why not ICU's contextual rules).
///
/// Data rather than asked of ICU at run time: learning it meant opening ICU's
/// transliterator, whose registry alone cost a third of a one-shot search's
/// instructions, and converting every CJK character once, a fixed half-second
/// of every `baogao index`. `SimplifiedCharactersTests` checks the table against
/// the system's ICU and regenerates `SimplifiedCharactersData.swift`; the ICU
/// version is part of the analyzer id, so an index built under another ICU is
/// rebuilt.
public enum SimplifiedCharacters {
    /// The first scalar of the flat table: the CJK Symbols block (「」).
    static let flatStart: UInt32 = 0x3000
    /// Indexed by scalar − `flatStart`, U+3000…U+9FFF; 0 where a character stays.
    static let flat: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0xA000 - Int(flatStart))
        for k in stride(from: 0, to: pairs.count, by: 2) where pairs[k] >= flatStart && pairs[k] < 0xA000 {
            table[Int(pairs[k] - flatStart)] = pairs[k + 1]
        }
        return table
    }()

    /// What `c` becomes alone: itself unless the table lists it.
    @inline(__always)
    public static func simplified(_ c: UInt32) -> UInt32 {
        guard c >= flatStart, c < 0xA000 else { return c }
        let s = flat[Int(c - flatStart)]
        return s == 0 ? c : s
    }
}
