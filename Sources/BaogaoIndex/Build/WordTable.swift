/// Interns word terms by their normalised scalars without making a `String` per
/// word: `String` hashing normalises to NFC first and dominated the indexer's
/// profile. Word texts live in one arena; the table maps a hash to term ids.
struct WordTable {
    private var arena: [UInt32] = []
    private var starts: [Int32] = [0]       // word i is arena[starts[i] ..< starts[i+1]]
    /// Hash and word index + 1 (0 = empty) side by side: one cache miss per probe.
    private var slots: [(hash: UInt64, word: Int32)]
    private var mask: Int
    private(set) var termIds: [Int32] = []  // word index → term id

    init() {
        slots = Array(repeating: (0, 0), count: 1 << 12)
        mask = (1 << 12) - 1
    }

    var count: Int { termIds.count }

    @inline(__always)
    static func hash(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in scalars { h = (h ^ UInt64(s)) &* 0x100_0000_01B3 }
        // FNV mixes poorly into the high bits for 32-bit inputs; finish with
        // MurmurHash3's fmix64 so every bit of the slot index depends on every input.
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    /// The term id of the word spelled by `scalars`, inserting it with id `next`
    /// when new (the caller registers the term when the answer is `next`).
    mutating func id(for scalars: UnsafeBufferPointer<UInt32>, orInsert next: Int32) -> Int32 {
        let h = Self.hash(scalars)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot.word == 0 { break }
            if slot.hash == h, equals(Int(slot.word) - 1, scalars) { return termIds[Int(slot.word) - 1] }
            i = (i + 1) & mask
        }
        arena.append(contentsOf: scalars)
        starts.append(Int32(arena.count))
        termIds.append(next)
        slots[i] = (h, Int32(termIds.count))
        if termIds.count * 2 > slots.count { grow() }
        return next
    }

    /// The text of word index `w`.
    func text(ofWord w: Int) -> String {
        var s = String.UnicodeScalarView()
        for v in arena[Int(starts[w])..<Int(starts[w + 1])] { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }

    private func equals(_ w: Int, _ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        let lo = Int(starts[w]), hi = Int(starts[w + 1])
        guard hi - lo == scalars.count else { return false }
        for k in 0..<scalars.count where arena[lo + k] != scalars[k] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.word != 0 {
            var j = Int(truncatingIfNeeded: s.hash) & mask
            while slots[j].word != 0 { j = (j + 1) & mask }
            slots[j] = s
        }
    }
}
