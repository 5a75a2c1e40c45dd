/// Postings (`.post`) and positions (`.pos`) of a segment, one term after
/// another in term-dictionary order. `TermInfo` in the dictionary gives each
/// term's document frequency and where its postings and positions start.
///
///     TermPostings = [SkipTable if docFreq > 128] · Block*
///     SkipTable    = blockCount × (lastDoc u32 · blockOffset u32 · positionsOffset u32)
///                    -- blockOffset: from the end of the skip table; positionsOffset:
///                       from the term's first positions byte to the block's chunk
///     Block        = full (128 docs):  Packed(docGap × 128) · Packed(freq-1 × 128)
///                  | last (< 128 docs): Tail × n
///     Tail         = varint (docGap << 1 | 1) when freq = 1, else varint (docGap << 1) · freq-1 varint
///                    -- most postings of short lists occur once: one varint, not two
///     docGap       = doc - previousDoc - 1, previousDoc = -1 before the term's first doc
///
///     TermPositions = Chunk per block (terms of kinds with positions only)
///     Chunk        = the block's position gaps, doc after doc, as Packed groups of 128
///                    then a varint tail; count = the sum of the block's freqs
///     positionGap  = position - previousPosition - 1, previousPosition = -1 at each doc
///
/// Packed is `BitPacking`: a width byte and 16 × width bytes. Positions are
/// character offsets in the normalised text for bigrams, word positions for words.
///
/// Example: a term once in doc 3 and twice in doc 7 (positions 5; 0 and 4):
/// postings `07 06 01` (gap 3 with freq 1; gap 3, then freq-1 = 1); positions
/// `05 00 03`.
struct TermInfo: Sendable, Equatable {
    var docFreq: Int
    var postingsOffset: Int
    var positionsOffset: Int
}

/// A term's postings as plain arrays, what `PostingsEncoder` encodes.
struct DecodedPostings {
    var docs: [UInt32] = []
    var freqs: [UInt32] = []
    /// Every document's position gaps, one after another (empty for kinds without positions).
    var positionGaps: [UInt32] = []
    var hasPositions = false

    mutating func removeAll() {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positionGaps.removeAll(keepingCapacity: true)
    }
}

/// Encodes terms' postings into the on-disk blocks, term after term.
struct PostingsEncoder {
    private(set) var postings = ByteWriter()
    private(set) var positions = ByteWriter()
    private var scratch = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var blocks = ByteWriter()

    mutating func encode(_ decoded: DecodedPostings) -> TermInfo {
        let docs = decoded.docs, freqs = decoded.freqs, positionGaps = decoded.positionGaps
        let hasPositions = decoded.hasPositions
        let info = TermInfo(docFreq: docs.count, postingsOffset: postings.count, positionsOffset: positions.count)
        let n = docs.count
        let blockCount = (n + BitPacking.blockSize - 1) / BitPacking.blockSize
        var skip: [(UInt32, UInt32, UInt32)] = []
        blocks.removeAll()
        var previousDoc: Int64 = -1
        var positionCursor = 0
        let positionsStart = positions.count
        for b in 0..<blockCount {
            let lo = b * BitPacking.blockSize, hi = min(n, lo + BitPacking.blockSize)
            skip.append((docs[hi - 1], UInt32(blocks.count), UInt32(positions.count - positionsStart)))
            if hi - lo == BitPacking.blockSize {
                for i in lo..<hi {
                    scratch[i - lo] = UInt32(Int64(docs[i]) - previousDoc - 1)
                    previousDoc = Int64(docs[i])
                }
                scratch.withUnsafeBufferPointer { BitPacking.pack($0, into: &blocks) }
                for i in lo..<hi { scratch[i - lo] = freqs[i] - 1 }
                scratch.withUnsafeBufferPointer { BitPacking.pack($0, into: &blocks) }
            } else {
                for i in lo..<hi {
                    let gap = UInt64(Int64(docs[i]) - previousDoc - 1)
                    if freqs[i] == 1 {
                        blocks.writeVarint(gap << 1 | 1)
                    } else {
                        blocks.writeVarint(gap << 1)
                        blocks.writeVarint(UInt64(freqs[i] - 1))
                    }
                    previousDoc = Int64(docs[i])
                }
            }
            if hasPositions {
                var count = 0
                for i in lo..<hi { count += Int(freqs[i]) }
                writeChunk(positionGaps[positionCursor..<positionCursor + count])
                positionCursor += count
            }
        }
        if n > BitPacking.blockSize {
            for (lastDoc, blockOffset, positionsOffset) in skip {
                postings.writeU32(lastDoc)
                postings.writeU32(blockOffset)
                postings.writeU32(positionsOffset)
            }
        }
        postings.write(blocks.bytes)
        return info
    }

    private mutating func writeChunk(_ gaps: ArraySlice<UInt32>) {
        var i = gaps.startIndex
        while gaps.endIndex - i >= BitPacking.blockSize {
            for k in 0..<BitPacking.blockSize { scratch[k] = gaps[i + k] }
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, into: &positions) }
            i += BitPacking.blockSize
        }
        while i < gaps.endIndex {
            positions.writeVarint(UInt64(gaps[i]))
            i += 1
        }
    }
}
