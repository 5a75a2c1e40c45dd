/// Remembers ICU's words for short chunks of text (the pieces between numbers
/// and punctuation: 同比增长, 一般公共预算收入, 万元, 其中), because ICU's
/// dictionary segmentation costs ~100 ns a character and budget reports repeat
/// their vocabulary endlessly. ICU is deterministic, so a remembered answer is
/// exactly ICU's answer.
///
/// Open addressing over a power-of-two table; keys and words live in two flat
/// pools. When the table is three-quarters full or the pools grow past their
/// budget, everything is forgotten at once (no per-entry bookkeeping on the hot
/// path; the cache refills in a few paragraphs). Memory stays under ~3 MiB.
struct WordCache {
    /// Chunks longer than this are segmented by ICU every time.
    static let maxChunk = 48
    private static let slotCount = 1 << 15
    private static let poolBudget = 1 << 17

    /// A word of a chunk: start and end relative to the chunk, and its kind.
    struct Word {
        var start: Int32
        var end: Int32
        var kind: Token.Kind
    }

    private struct Slot {
        var hash: UInt64 = 0
        var keyStart: Int32 = -1  // -1: empty
        var keyCount: Int32 = 0
        var wordStart: Int32 = 0
        var wordCount: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: slotCount)
    private var keys: [UInt32] = []
    private var words: [Word] = []
    private var used = 0
    private(set) var hits = 0
    private(set) var misses = 0

    @inline(__always)
    static func hash<Text: ScalarText>(_ s: Text, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in range { h = (h ^ UInt64(s[k])) &* 0x100_0000_01B3 }
        return h | 1
    }

    /// Calls `body` with every remembered word of the chunk and returns true,
    /// or returns false if the chunk is not remembered.
    mutating func lookup<Text: ScalarText>(
        _ s: Text, _ range: Range<Int>, hash: UInt64,
        _ body: (Word) -> Void
    ) -> Bool {
        var i = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        while true {
            let slot = slots[i]
            if slot.keyStart < 0 {
                misses += 1
                return false
            }
            if slot.hash == hash, Int(slot.keyCount) == range.count, matches(slot, s, range) {
                hits += 1
                for w in Int(slot.wordStart)..<Int(slot.wordStart + slot.wordCount) { body(words[w]) }
                return true
            }
            i = (i + 1) & (Self.slotCount - 1)
        }
    }

    @inline(__always)
    private func matches<Text: ScalarText>(_ slot: Slot, _ s: Text, _ range: Range<Int>) -> Bool {
        var j = Int(slot.keyStart)
        for k in range {
            if keys[j] != s[k] { return false }
            j += 1
        }
        return true
    }

    /// Remembers the words of a chunk that `lookup` did not find.
    mutating func insert<Text: ScalarText>(_ s: Text, _ range: Range<Int>, hash: UInt64, words chunkWords: [Word]) {
        if used * 4 >= Self.slotCount * 3 || keys.count + range.count > Self.poolBudget
            || words.count + chunkWords.count > Self.poolBudget
        {
            clear()
        }
        var i = Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        while slots[i].keyStart >= 0 { i = (i + 1) & (Self.slotCount - 1) }
        slots[i] = Slot(
            hash: hash, keyStart: Int32(keys.count), keyCount: Int32(range.count),
            wordStart: Int32(words.count), wordCount: Int32(chunkWords.count))
        for k in range { keys.append(s[k]) }
        words.append(contentsOf: chunkWords)
        used += 1
    }

    mutating func clear() {
        for i in slots.indices { slots[i].keyStart = -1 }
        keys.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        used = 0
    }
}
