/// The term occurrences of a run of consecutive paragraphs, inverted together.
///
/// Appending to a term's postings paragraph by paragraph cost a cache miss per
/// (term, paragraph) pair, the largest single cost of indexing. Instead the
/// occurrences of tens of thousands of paragraphs go into one flat array, a radix
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
///
/// A term without positions (a unigram) is recorded once per paragraph, its
/// frequency less one standing in the place of the position: the frequency
/// never exceeds the paragraph's length, so the offset stays in the paragraph.
struct OccurrenceBatch {
    /// Occurrences before `sortByTerm`, grouped by term after it.
    private(set) var occurrences: [UInt64] = []
    private var scratch: [UInt64] = []
    /// `starts[p]` is where paragraph `p` of the batch starts; one extra last
    /// entry is where the next paragraph will start.
    private(set) var starts: [UInt32] = [0]
    /// `starts.last`, kept apart: read for every occurrence appended.
    private var currentStart: UInt32 = 0
    /// `paragraphAt[k]` is the paragraph holding offset `k << 6`: where the
    /// search for an offset's paragraph starts (a binary search over `starts`
    /// mispredicted its way to the top of the profile).
    private var paragraphAt: [Int32] = []
    /// The document id of the batch's first paragraph.
    private(set) var firstDoc: Int32 = 0
    private var largestTerm: UInt32 = 0
    /// How many occurrences make a batch: large enough that most occurrences
    /// belong to terms seen many times in it. 2^20 (8 MiB, twice while sorting)
    /// measured better than 2^17 or 2^18 and within the noise of 2^21.
    let capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
    }

    var paragraphCount: Int { starts.count - 1 }
    var isEmpty: Bool { paragraphCount == 0 }
    /// Full when it holds `capacity` occurrences, or when offsets come near the
    /// 32 bits they have.
    var isFull: Bool { occurrences.count >= capacity || currentStart >= 1 << 31 }
    var heldBytes: Int { (occurrences.capacity + scratch.capacity) * 8 + (starts.capacity + paragraphAt.capacity) * 4 }

    /// Starts an empty batch whose first paragraph is document `doc`.
    mutating func reset(firstDoc doc: Int32) {
        occurrences.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        currentStart = 0
        paragraphAt.removeAll(keepingCapacity: true)
        firstDoc = doc
        largestTerm = 0
    }

    /// Records an occurrence of `term` at `position` of the paragraph being added.
    @inline(__always)
    mutating func append(term: Int32, position: Int) {
        let t = UInt32(bitPattern: term)
        if t > largestTerm { largestTerm = t }
        let offset = UInt64(currentStart) + UInt64(position)
        occurrences.append(UInt64(t) << 32 | offset)
    }

    /// Records a term without positions, `frequency` times in the paragraph being added.
    @inline(__always)
    mutating func append(term: Int32, frequency: Int) {
        append(term: term, position: frequency - 1)
    }

    /// Ends the paragraph being added; `span` exceeds every position recorded in it.
    mutating func endParagraph(span: Int) {
        let paragraph = Int32(starts.count - 1)
        let end = currentStart + UInt32(max(1, span))
        starts.append(end)
        currentStart = end
        while paragraphAt.count << 6 < end { paragraphAt.append(paragraph) }
    }

    /// Sorts the occurrences by term, stably: least significant digit radix
    /// sort on the term's bits, in as few passes as digits of at most 11 bits
    /// allow (two up to 4 million terms), the bits shared evenly between passes:
    /// fewer buckets keep the scatter's write streams in the first-level cache.
    mutating func sortByTerm() {
        let n = occurrences.count
        guard n > 1 else { return }
        let bits = max(1, 32 - largestTerm.leadingZeroBitCount)
        let passes = (bits + 10) / 11
        let digitBits = (bits + passes - 1) / passes
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        var counts = [Int](repeating: 0, count: passes << digitBits)
        occurrences.withUnsafeBufferPointer { source in
            counts.withUnsafeMutableBufferPointer { Self.histograms(source, passes: passes, digitBits: digitBits, into: $0) }
        }
        for pass in 0..<passes {
            occurrences.withUnsafeMutableBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { count in
                        let offsets = UnsafeMutableBufferPointer(rebasing: count[(pass << digitBits)..<((pass + 1) << digitBits)])
                        Self.scatter(
                            UnsafeBufferPointer(rebasing: source[0..<n]), into: target,
                            shift: UInt64(32 + digitBits * pass), digitBits: digitBits, offsets: offsets)
                    }
                }
            }
            swap(&occurrences, &scratch)
        }
        // `scratch` may have been the longer array; only the first n matter.
        if occurrences.count != n { occurrences.removeSubrange(n...) }
    }

    /// Every pass's digit counts in one read of the occurrences, turned into
    /// each bucket's starting offset.
    private static func histograms(
        _ source: UnsafeBufferPointer<UInt64>, passes: Int, digitBits: Int,
        into counts: UnsafeMutableBufferPointer<Int>
    ) {
        let mask = (1 << digitBits) - 1
        if passes == 2 {
            // The usual case, unrolled.
            let high = 1 << digitBits
            for o in source {
                let term = Int(truncatingIfNeeded: o >> 32)
                counts[term & mask] += 1
                counts[high + (term >> digitBits) & mask] += 1
            }
        } else {
            for o in source {
                let term = Int(truncatingIfNeeded: o >> 32)
                for pass in 0..<passes { counts[pass << digitBits + (term >> (digitBits * pass)) & mask] += 1 }
            }
        }
        for pass in 0..<passes {
            var sum = 0
            for d in (pass << digitBits)..<((pass + 1) << digitBits) {
                let c = counts[d]
                counts[d] = sum
                sum += c
            }
        }
    }

    /// One counting-sort pass on the digit at `shift`. Pointers because this
    /// loop runs over every occurrence of the corpus, several times, and
    /// Array's bounds and uniqueness checks would double its cost.
    private static func scatter(
        _ source: UnsafeBufferPointer<UInt64>, into target: UnsafeMutableBufferPointer<UInt64>,
        shift: UInt64, digitBits: Int, offsets: UnsafeMutableBufferPointer<Int>
    ) {
        let mask = (1 << digitBits) - 1
        for o in source {
            let d = Int(truncatingIfNeeded: o >> shift) & mask
            target[offsets[d]] = o
            offsets[d] += 1
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
