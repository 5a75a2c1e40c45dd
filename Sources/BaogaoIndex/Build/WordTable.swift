/// Interns word terms by their normalised scalars without making a `String` per
/// word: `String` hashing normalises to NFC first and dominated the indexer's
/// profile. Word texts live in one arena; the table maps a hash to term ids.
struct WordTable {
    private var arena: [UInt32] = []
    private var starts: [Int32] = [0]       // word i is arena[starts[i] ..< starts[i+1]]
    private var slots: [Int32]              // word index + 1; 0 = empty
    private var hashes: [UInt64]
    private var mask: Int
    private(set) var termIds: [Int32] = []  // word index → term id

    init() {
        slots = [Int32](repeating: 0, count: 1 << 12)
        hashes = [UInt64](repeating: 0, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    var count: Int { termIds.count }

    @inline(__always)
    static func hash(_ scalars: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for s in scalars { h = (h ^ UInt64(s)) &* 0x100_0000_01B3 }
        return h | 1
    }

    /// The term id of the word spelled by `scalars`, registering it with `next()` when new.
    mutating func id(for scalars: UnsafeBufferPointer<UInt32>, orInsert next: () -> Int32) -> Int32 {
        let h = Self.hash(scalars)
        var i = Int(truncatingIfNeeded: h >> 20) & mask
        while true {
            let slot = Int(slots[i])
            if slot == 0 { break }
            if hashes[i] == h, equals(slot - 1, scalars) { return termIds[slot - 1] }
            i = (i + 1) & mask
        }
        let id = next()
        arena.append(contentsOf: scalars)
        starts.append(Int32(arena.count))
        termIds.append(id)
        slots[i] = Int32(termIds.count)
        hashes[i] = h
        if termIds.count * 2 > slots.count { grow() }
        return id
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
        let n = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: n)
        var newHashes = [UInt64](repeating: 0, count: n)
        let newMask = n - 1
        for i in 0..<slots.count where slots[i] != 0 {
            var j = Int(truncatingIfNeeded: hashes[i] >> 20) & newMask
            while newSlots[j] != 0 { j = (j + 1) & newMask }
            newSlots[j] = slots[i]
            newHashes[j] = hashes[i]
        }
        slots = newSlots
        hashes = newHashes
        mask = newMask
    }
}
