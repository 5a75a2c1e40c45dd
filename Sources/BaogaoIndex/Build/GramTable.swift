/// Open-addressing hash map from a CJK n-gram key to its term id. Indexing looks
/// up one unigram and one bigram per character, so this lookup is the inverter's
/// innermost operation; a flat table with linear probing does it in a few
/// nanoseconds where a `Dictionary` would take several times longer.
struct GramTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Keys are never 0 (see `TermKey.gram`), so 0 marks an empty slot.
    init(capacity: Int = 1 << 14) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = [UInt64](repeating: 0, count: n)
        values = [Int32](repeating: -1, count: n)
        mask = n - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The id of `key`, inserting it with id `next()` when absent.
    @inline(__always)
    mutating func id(for key: UInt64, orInsert next: () -> Int32) -> Int32 {
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        let id = next()
        keys[i] = key
        values[i] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let n = oldKeys.count * 2
        keys = [UInt64](repeating: 0, count: n)
        values = [Int32](repeating: -1, count: n)
        mask = n - 1
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            var i = Self.slot(k, mask)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}
