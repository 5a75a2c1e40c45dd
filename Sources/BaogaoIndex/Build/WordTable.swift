/// Interns word terms by their normalised scalars without making a `String` per
/// word: `String` hashing normalises to NFC first and dominated the indexer's
/// profile. Word texts live in one arena; an open-addressing table with linear
/// probing maps them to term ids.
///
/// A slot holds the word's hash (with its length in the top bits), its term id,
/// and a word of up to four scalars (most Chinese words) inline: finding such a
/// word touches one slot, where reading its text from the arena cost two more
/// cache misses and made this lookup a twentieth of indexing.
struct WordTable {
    private struct Slot {
        var key: UInt64 = 0
        var term: Int32 = 0
        var word: Int32 = 0              // word index + 1; 0 = empty
        var inline: SIMD4<UInt32> = .zero  // the scalars, zero-padded, of a word of at most 4
    }

    private static let inlineLimit = 4
    private var arena: [UInt32] = []
    private var starts: [Int32] = [0]       // word i is arena[starts[i] ..< starts[i+1]]
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(), count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// The word's hash with its length (up to 15) in the top four bits, so that
    /// equal keys and equal inline scalars mean equal words.
    @inline(__always)
    static func key(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in scalars { h = (h ^ UInt64(s)) &* 0x100_0000_01B3 }
        // FNV mixes poorly into the high bits for 32-bit inputs; finish with
        // MurmurHash3's fmix64 so every bit of the slot index depends on every input.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h & (UInt64.max >> 4) | UInt64(min(scalars.count, 15)) << 60
    }

    @inline(__always)
    private static func inline(_ scalars: UnsafeBufferPointer<UInt32>) -> SIMD4<UInt32> {
        var v = SIMD4<UInt32>.zero
        for k in 0..<min(scalars.count, inlineLimit) { v[k] = scalars[k] }
        return v
    }

    /// The term id of the word spelled by `scalars`, inserting it with id `next`
    /// when new (the caller registers the term when the answer is `next`).
    mutating func id(for scalars: UnsafeBufferPointer<UInt32>, orInsert next: Int32) -> Int32 {
        let key = Self.key(scalars)
        let isInline = scalars.count <= Self.inlineLimit
        let packed = Self.inline(scalars)
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[i]
            if slot.word == 0 { break }
            if slot.key == key {
                if isInline ? slot.inline == packed : equals(Int(slot.word) - 1, scalars) { return slot.term }
            }
            i = (i + 1) & mask
        }
        arena.append(contentsOf: scalars)
        starts.append(Int32(arena.count))
        count += 1
        slots[i] = Slot(key: key, term: next, word: Int32(count), inline: isInline ? packed : .zero)
        if count * 2 > slots.count { grow() }
        return next
    }

    /// Calls `body` with each scalar of word index `w`.
    func forEachScalar(ofWord w: Int, _ body: (UInt32) -> Void) {
        for v in arena[Int(starts[w])..<Int(starts[w + 1])] { body(v) }
    }

    private func equals(_ w: Int, _ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        let lo = Int(starts[w]), hi = Int(starts[w + 1])
        guard hi - lo == scalars.count else { return false }
        for k in 0..<scalars.count where arena[lo + k] != scalars[k] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.word != 0 {
            var j = Int(truncatingIfNeeded: s.key) & mask
            while slots[j].word != 0 { j = (j + 1) & mask }
            slots[j] = s
        }
    }
}
