/// The term occurrences of a run of consecutive paragraphs, inverted together.
///
/// Appending to a term's postings paragraph by paragraph cost a cache miss per
/// (term, paragraph) pair, the largest single cost of indexing. Instead the
/// occurrences of a few thousand paragraphs go into one flat array, a radix
/// sort groups them by term, and each term's postings grow once per batch,
/// with the per-term state visited in ascending term order.
///
/// An occurrence is `term << 32 | offset`, where offset is the paragraph's
/// start in the batch plus the occurrence's position in the paragraph
/// (character position for grams, word position for words). Paragraphs are laid
/// end to end: each spans more offsets than any of its positions, so an offset
/// tells its paragraph (`starts`) and its position. The sort is stable and the
/// occurrences of a term arrive in paragraph and position order, so after the
/// sort each term's offsets are ascending.
struct OccurrenceBatch {
    /// Occurrences before `sortByTerm`, grouped by term after it.
    private(set) var occurrences: [UInt64] = []
    private var scratch: [UInt64] = []
    /// `starts[p]` is where paragraph `p` of the batch starts; one extra last
    /// entry is where the next paragraph will start.
    private(set) var starts: [UInt32] = [0]
    /// `paragraphAt[k]` is the paragraph holding offset `k << 6`: where the
    /// search for an offset's paragraph starts (a binary search over `starts`
    /// mispredicted its way to the top of the profile).
    private var paragraphAt: [Int32] = []
    /// The document id of the batch's first paragraph.
    private(set) var firstDoc: Int32 = 0
    private var largestTerm: UInt32 = 0
    /// How many occurrences make a batch: large enough that most occurrences
    /// belong to terms seen many times in it, small enough to stay in cache-friendly
    /// radix passes (8 bytes per occurrence, twice).
    let capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
    }

    var paragraphCount: Int { starts.count - 1 }
    var isEmpty: Bool { paragraphCount == 0 }
    /// Full when it holds `capacity` occurrences, or when offsets come near the
    /// 32 bits they have.
    var isFull: Bool { occurrences.count >= capacity || starts[starts.count - 1] >= 1 << 31 }
    var heldBytes: Int { (occurrences.capacity + scratch.capacity) * 8 + (starts.capacity + paragraphAt.capacity) * 4 }

    /// Starts an empty batch whose first paragraph is document `doc`.
    mutating func reset(firstDoc doc: Int32) {
        occurrences.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        paragraphAt.removeAll(keepingCapacity: true)
        firstDoc = doc
        largestTerm = 0
    }

    /// Records an occurrence of `term` at `position` of the paragraph being added.
    @inline(__always)
    mutating func append(term: Int32, position: Int) {
        let t = UInt32(bitPattern: term)
        if t > largestTerm { largestTerm = t }
        let offset = UInt64(starts[starts.count - 1]) + UInt64(position)
        occurrences.append(UInt64(t) << 32 | offset)
    }

    /// Ends the paragraph being added; `span` exceeds every position recorded in it.
    mutating func endParagraph(span: Int) {
        let paragraph = Int32(starts.count - 1)
        let end = starts[starts.count - 1] + UInt32(max(1, span))
        starts.append(end)
        while paragraphAt.count << 6 < end { paragraphAt.append(paragraph) }
    }

    /// Sorts the occurrences by term, stably: least significant digit radix
    /// sort on the term's bits, 11 bits a pass, as many passes as the largest
    /// term id needs (two up to 4 million terms).
    mutating func sortByTerm() {
        let n = occurrences.count
        guard n > 1 else { return }
        let bits = 32 - largestTerm.leadingZeroBitCount
        let passes = max(1, (bits + 10) / 11)
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        var counts = [Int](repeating: 0, count: 2048)
        for pass in 0..<passes {
            let shift = UInt64(32 + 11 * pass)
            occurrences.withUnsafeMutableBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { count in
                        Self.scatter(source, into: target, shift: shift, counts: count)
                    }
                }
            }
            swap(&occurrences, &scratch)
            // `scratch` may be the longer array after a swap; only the first n matter.
            if occurrences.count != n { occurrences.removeSubrange(n...) }
        }
    }

    /// One counting-sort pass on the 11-bit digit at `shift`. Pointers because
    /// this loop runs over every occurrence of the corpus, several times, and
    /// Array's bounds and uniqueness checks would double its cost.
    private static func scatter(_ source: UnsafeMutableBufferPointer<UInt64>,
                                into target: UnsafeMutableBufferPointer<UInt64>,
                                shift: UInt64, counts: UnsafeMutableBufferPointer<Int>) {
        counts.update(repeating: 0)
        for o in source { counts[Int(truncatingIfNeeded: o >> shift) & 2047] += 1 }
        var sum = 0
        for d in 0..<2048 {
            let c = counts[d]
            counts[d] = sum
            sum += c
        }
        for o in source {
            let d = Int(truncatingIfNeeded: o >> shift) & 2047
            target[counts[d]] = o
            counts[d] += 1
        }
    }

    /// Calls `body(term, occurrences)` for every term of the batch, in ascending
    /// term order, after `sortByTerm`.
    func forEachTerm(_ body: (Int, UnsafeBufferPointer<UInt64>) -> Void) {
        occurrences.withUnsafeBufferPointer { all in
            var i = 0
            while i < all.count {
                let term = all[i] >> 32
                var j = i + 1
                while j < all.count, all[j] >> 32 == term { j += 1 }
                body(Int(term), UnsafeBufferPointer(rebasing: all[i..<j]))
                i = j
            }
        }
    }

    /// The paragraph (index in the batch) holding `offset`, at or after `from`.
    @inline(__always)
    func paragraph(holding offset: UInt32, from: Int) -> Int {
        if offset < starts[from + 1] { return from }
        var p = max(from + 1, Int(paragraphAt[Int(offset >> 6)]))
        while starts[p + 1] <= offset { p += 1 }
        return p
    }
}
