/// One term's postings while a segment is being built, as a growing run of
/// varints: per document `docGap, freq - 1`, then (for kinds with positions)
/// `freq` position gaps. `SegmentWriter` re-encodes it into the on-disk blocks.
final class PostingBuffer {
    var bytes: [UInt8] = []
    var lastDoc: Int32 = -1
    var docFreq: UInt32 = 0

    @inline(__always)
    func appendVarint(_ value: UInt32) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
