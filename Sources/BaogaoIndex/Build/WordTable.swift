/// Interns word terms by their normalised scalars without making a `String` per
/// word: `String` hashing normalises to NFC first and dominated the indexer's
/// profile. Word texts live in one arena; an open-addressing table with linear
/// probing maps them to term ids.
///
/// A slot holds the word's hash (with its length in the top bits), its term id,
/// and a word of up to six Basic Multilingual Plane scalars (nearly every
/// Chinese word) inline as 16-bit units: finding such a word touches one slot,
/// where reading its text from the arena cost two more cache misses. Slots are
/// 24 bytes and the table fills to 70% before it grows: at ~1.5 MiB for 40,000
/// words it mostly stays in the second-level cache, beside the gram table.
struct WordTable {
    private struct Slot {
        var key: UInt64 = 0  // 0 = empty; never 0 for a word (its length is in it)
        var term: Int32 = 0
        /// The word's scalars, zero-padded, when it is `inlinable`; else its
        /// index in the arena in `units.0` and `units.1`.
        var units: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0)
    }

    private var arena: [UInt32] = []
    private var starts: [Int32] = [0]  // word i is arena[starts[i] ..< starts[i+1]]
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(), count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// The word's hash, with its length (1…15, so a key is never 0) in the top
    /// four bits and whether it is inline in the next: equal keys and equal
    /// inline units mean equal words.
    @inline(__always)
    static func key(_ scalars: UnsafeBufferPointer<UInt32>, inline: Bool) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in scalars { h = (h ^ UInt64(s)) &* 0x100_0000_01B3 }
        // FNV mixes poorly into the high bits for 32-bit inputs; finish with
        // MurmurHash3's fmix64 so every bit of the slot index depends on every input.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h & (UInt64.max >> 5) | UInt64(min(scalars.count, 14) + 1) << 60 | (inline ? 1 << 59 : 0)
    }

    /// Up to six scalars, all in the Basic Multilingual Plane.
    @inline(__always)
    private static func inlinable(_ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        guard scalars.count <= 6 else { return false }
        for s in scalars where s > 0xFFFF { return false }
        return true
    }

    @inline(__always)
    private static func units(_ scalars: UnsafeBufferPointer<UInt32>) -> (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) {
        func at(_ k: Int) -> UInt16 { k < scalars.count ? UInt16(truncatingIfNeeded: scalars[k]) : 0 }
        return (at(0), at(1), at(2), at(3), at(4), at(5))
    }

    @inline(__always)
    private static func same(
        _ a: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16),
        _ b: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)
    ) -> Bool {
        a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3 && a.4 == b.4 && a.5 == b.5
    }

    /// The term id of the word spelled by `scalars`, inserting it with id `next`
    /// when new (the caller registers the term when the answer is `next`).
    mutating func id(for scalars: UnsafeBufferPointer<UInt32>, orInsert next: Int32) -> Int32 {
        let isInline = Self.inlinable(scalars)
        let key = Self.key(scalars, inline: isInline)
        let packed = isInline ? Self.units(scalars) : (0, 0, 0, 0, 0, 0)
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[i]
            if slot.key == 0 { break }
            // The length and whether the word is inline are part of the key.
            if slot.key == key, isInline ? Self.same(slot.units, packed) : equals(Self.arenaIndex(slot), scalars) {
                return slot.term
            }
            i = (i + 1) & mask
        }
        let word = count
        arena.append(contentsOf: scalars)
        starts.append(Int32(arena.count))
        count += 1
        var units = packed
        if !isInline { (units.0, units.1) = (UInt16(truncatingIfNeeded: word), UInt16(truncatingIfNeeded: word >> 16)) }
        slots[i] = Slot(key: key, term: next, units: units)
        if count * 10 > slots.count * 7 { grow() }
        return next
    }

    @inline(__always)
    private static func arenaIndex(_ slot: Slot) -> Int {
        Int(slot.units.0) | Int(slot.units.1) << 16
    }

    /// Calls `body` with each scalar of word index `w`.
    func forEachScalar(ofWord w: Int, _ body: (UInt32) -> Void) {
        for v in arena[Int(starts[w])..<Int(starts[w + 1])] { body(v) }
    }

    private func equals(_ w: Int, _ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        let lo = Int(starts[w])
        let hi = Int(starts[w + 1])
        guard hi - lo == scalars.count else { return false }
        for k in 0..<scalars.count where arena[lo + k] != scalars[k] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.key != 0 {
            var j = Int(truncatingIfNeeded: s.key) & mask
            while slots[j].key != 0 { j = (j + 1) & mask }
            slots[j] = s
        }
    }
}
