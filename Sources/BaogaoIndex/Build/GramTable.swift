/// Maps a CJK n-gram key to its term id. Indexing looks up one unigram and one
/// bigram per character, so this is the inverter's innermost operation:
/// unigrams of the Basic Multilingual Plane index a flat array directly; other
/// keys go to an open-addressing table with linear probing whose key and value
/// share one slot, so a lookup costs one cache miss, not two.
struct GramTable {
    private struct Slot {
        var key: UInt64   // 0 = empty; keys are never 0 (see TermKey.gram)
        var value: Int32
    }

    private var bmpUnigrams: [Int32]
    private var slots: [Slot]
    private var mask: Int
    private var used = 0
    private(set) var count = 0

    init(capacity: Int = 1 << 14) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: n)
        mask = n - 1
        bmpUnigrams = capacity == 0 ? [] : [Int32](repeating: -1, count: 0x10000)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The id of `key`, inserting it with id `next` when absent (the caller
    /// registers the term when the answer is `next`).
    @inline(__always)
    mutating func id(for key: UInt64, orInsert next: Int32) -> Int32 {
        if key >> 62 == 1, key & 0x1F_FFFF < 0x10000, !bmpUnigrams.isEmpty {
            let scalar = Int(key & 0xFFFF)
            let known = bmpUnigrams[scalar]
            if known >= 0 { return known }
            bmpUnigrams[scalar] = next
            count += 1
            return next
        }
        var i = Self.slot(key, mask)
        while true {
            let k = slots[i].key
            if k == key { return slots[i].value }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, value: next)
        count += 1
        used += 1
        if used * 2 > slots.count { grow() }
        return next
    }

    private mutating func grow() {
        let old = slots
        let n = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: n)
        mask = n - 1
        for s in old where s.key != 0 {
            var i = Self.slot(s.key, mask)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
