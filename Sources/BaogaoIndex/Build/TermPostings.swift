/// Every term's postings while a segment is built, as parallel arrays indexed by
/// term id (no object per term: that cost a retain, a release and an exclusivity
/// check per posting). Each term's `bytes` is a run of varints: per document
/// `docGap, freq - 1`, then, for kinds with positions, `freq` position gaps.
/// `SegmentWriter` re-encodes them into the on-disk blocks.
struct TermPostings {
    var bytes: [[UInt8]] = []
    var lastDoc: [Int32] = []
    var docFreq: [UInt32] = []
    var hasPositions: [Bool] = []
    // Scratch for the document being inverted.
    var seenIn: [Int32] = []
    var freqInDoc: [UInt32] = []
    var previousPosition: [Int32] = []
    /// Bytes held, by capacity: what decides when a segment is flushed.
    var heldBytes = 0

    var count: Int { bytes.count }

    mutating func add(hasPositions p: Bool) {
        bytes.append([])
        lastDoc.append(-1)
        docFreq.append(0)
        hasPositions.append(p)
        seenIn.append(-1)
        freqInDoc.append(0)
        previousPosition.append(-1)
    }

    @inline(__always)
    mutating func appendVarint(_ term: Int, _ value: UInt32) {
        let before = bytes[term].capacity
        var v = value
        while v >= 0x80 {
            bytes[term].append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes[term].append(UInt8(v))
        heldBytes += bytes[term].capacity - before
    }

    /// Releases a term's bytes once they are written out.
    mutating func release(_ term: Int) {
        heldBytes -= bytes[term].capacity
        bytes[term] = []
    }
}
