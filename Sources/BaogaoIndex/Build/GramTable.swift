/// Maps a CJK n-gram key to its term id. Indexing looks up one unigram and one
/// bigram per character, so this is the inverter's innermost operation:
/// unigrams of the Basic Multilingual Plane index a flat array directly;
/// bigrams of two BMP characters (nearly all) go to an open-addressing table of
/// 8-byte slots, key and id side by side, so that a lookup costs at most one
/// cache miss and the table (256 KiB for 12,000 bigrams) stays in the
/// second-level cache; the rare other keys (astral characters, joined bigrams)
/// go to a second table of full 64-bit keys.
struct GramTable {
    private var bmpUnigrams = [Int32](repeating: -1, count: 0x10000)
    private var bmpBigrams = ProbingTable<UInt32>(capacity: 1 << 14)
    private var others = ProbingTable<UInt64>(capacity: 1 << 6)
    private(set) var count = 0

    /// The id of `key` (`TermKey.gram`), inserting it with id `next` when
    /// absent (the caller registers the term when the answer is `next`).
    @inline(__always)
    mutating func id(for key: UInt64, orInsert next: Int32) -> Int32 {
        let id: Int32
        let a = (key >> 21) & 0x1F_FFFF
        let b = key & 0x1F_FFFF
        if key >> 62 == 1, b < 0x10000 {
            let known = bmpUnigrams[Int(b)]
            if known >= 0 { return known }
            bmpUnigrams[Int(b)] = next
            id = next
        } else if key >> 62 == 2, a < 0x10000, b < 0x10000 {
            // Never 0: a CJK scalar is never 0.
            id = bmpBigrams.id(for: UInt32(truncatingIfNeeded: a << 16 | b), orInsert: next)
        } else {
            id = others.id(for: key, orInsert: next)
        }
        if id == next { count += 1 }
        return id
    }
}

/// Open addressing with linear probing; key and value share a slot, and key 0
/// marks an empty one.
private struct ProbingTable<Key: FixedWidthInteger & UnsignedInteger> {
    private struct Slot {
        var key: Key
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var used = 0

    init(capacity: Int) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: n)
        mask = n - 1
    }

    @inline(__always)
    private static func slot(_ key: Key, _ mask: Int) -> Int {
        var h = UInt64(key) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    @inline(__always)
    mutating func id(for key: Key, orInsert next: Int32) -> Int32 {
        var i = Self.slot(key, mask)
        while true {
            let k = slots[i].key
            if k == key { return slots[i].value }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, value: next)
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
