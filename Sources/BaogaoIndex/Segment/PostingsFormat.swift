/// Postings (`.post`) and positions (`.pos`) of a segment, one term after
/// another in term-dictionary order. `TermInfo` in the dictionary gives each
/// term's document frequency and where its postings and positions start.
///
///     TermPostings = [SkipTable if docFreq > 128] · Block*
///     SkipTable    = blockCount × lastDoc u32 · (blockCount − 1) × blockLength u16
///                    · [(blockCount − 1) × chunkLength u32, for kinds with positions]
///                    -- the lengths of every block but the last, and of its positions
///                       chunk (format 13; were three u32 offsets a block): a cursor only
///                       moves forward, so it sums them as it goes
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
/// Packed is a `BitPacking` block: a token with the width w, its exceptions
/// (values wider than w, their high bits apart; format 12), and 16 × w bytes. Only bigrams and
/// joined bigrams have positions (words lost theirs in format 10: no query read
/// them; phrase terms, format 14, never had any — a frequency is their count of
/// unbroken occurrences); they are (format 7) character offsets in the normalised text *with its inline marks removed*
/// (`InlineMarks.withoutInlineMarks`): in 过“紧日子 the joined bigram 过紧 is at
/// 0 and the bigram 紧日 at 1, as in 过紧日子. A plain bigram never spans a mark,
/// so a phrase still tells 过紧日子 from 过“紧日子 by which kind sits at 0.
///
/// A word of one or two CJK characters has no TermPostings: in its place in
/// `.post` are its flags over its gram's documents (format 11, `WordFlags`).
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

    /// Makes room for `documents` documents and `positions` position gaps,
    /// zeroed, keeping the arrays' capacity from term to term.
    mutating func resize(documents: Int, positions: Int) {
        func resize(_ a: inout [UInt32], _ n: Int) {
            a.removeAll(keepingCapacity: true)
            a.append(contentsOf: repeatElement(0, count: n))
        }
        resize(&docs, documents)
        resize(&freqs, documents)
        resize(&positionGaps, positions)
    }
}

/// Encodes terms' postings into the on-disk blocks, term after term.
struct PostingsEncoder {
    private(set) var postings = ByteWriter()
    private(set) var positions = ByteWriter()
    private var scratch = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var blocks = ByteWriter()
    private var skip: [(lastDoc: UInt32, blockOffset: UInt32, positionsOffset: UInt32)] = []

    mutating func encode(_ decoded: DecodedPostings) -> TermInfo {
        let n = decoded.docs.count
        let info = TermInfo(docFreq: n, postingsOffset: postings.count, positionsOffset: positions.count)
        if n <= BitPacking.blockSize {
            // One block and no skip table: straight into the postings.
            var previousDoc: Int64 = -1
            Self.writeBlock(decoded, 0..<n, previousDoc: &previousDoc, scratch: &scratch, into: &postings)
            if decoded.hasPositions { writeChunk(decoded.positionGaps, 0..<decoded.positionGaps.count) }
            return info
        }
        skip.removeAll(keepingCapacity: true)
        blocks.removeAll()
        var previousDoc: Int64 = -1
        var positionCursor = 0
        let positionsStart = positions.count
        for lo in stride(from: 0, to: n, by: BitPacking.blockSize) {
            let hi = min(n, lo + BitPacking.blockSize)
            skip.append((decoded.docs[hi - 1], UInt32(blocks.count), UInt32(positions.count - positionsStart)))
            Self.writeBlock(decoded, lo..<hi, previousDoc: &previousDoc, scratch: &scratch, into: &blocks)
            if decoded.hasPositions {
                var count = 0
                for i in lo..<hi { count += Int(decoded.freqs[i]) }
                writeChunk(decoded.positionGaps, positionCursor..<positionCursor + count)
                positionCursor += count
            }
        }
        for entry in skip { postings.writeU32(entry.lastDoc) }
        // Each block's length but the last's: a full block of documents and
        // frequencies is at most 2 × (2 + 2 × 128 + 16 × 32) bytes, so 16 bits hold it.
        for b in 1..<skip.count { postings.writeU16(UInt16(skip[b].blockOffset - skip[b - 1].blockOffset)) }
        if decoded.hasPositions {
            for b in 1..<skip.count { postings.writeU32(skip[b].positionsOffset - skip[b - 1].positionsOffset) }
        }
        postings.write(blocks.bytes)
        return info
    }

    /// A term of fewer than 128 documents and 128 positions, given encoded: its
    /// `Tail`s and its positions chunk, which is then all varints.
    mutating func encodeShort(
        documents: Int, tail: UnsafeBufferPointer<UInt8>,
        positions chunk: UnsafeBufferPointer<UInt8>
    ) -> TermInfo {
        let info = TermInfo(docFreq: documents, postingsOffset: postings.count, positionsOffset: positions.count)
        postings.write(tail)
        positions.write(chunk)
        return info
    }

    /// A word's flags (`WordFlags`), in place of its postings; no positions.
    mutating func encodeFlags(documents: Int, _ flags: [UInt8]) -> TermInfo {
        let info = TermInfo(docFreq: documents, postingsOffset: postings.count, positionsOffset: positions.count)
        postings.write(flags)
        return info
    }

    /// Documents `range` as one block: packed when full, else the varint tail.
    private static func writeBlock(
        _ decoded: DecodedPostings, _ range: Range<Int>, previousDoc: inout Int64,
        scratch: inout [UInt32], into out: inout ByteWriter
    ) {
        let docs = decoded.docs
        let freqs = decoded.freqs
        if range.count == BitPacking.blockSize {
            for i in range {
                scratch[i - range.lowerBound] = UInt32(Int64(docs[i]) - previousDoc - 1)
                previousDoc = Int64(docs[i])
            }
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, into: &out) }
            for i in range { scratch[i - range.lowerBound] = freqs[i] - 1 }
            scratch.withUnsafeBufferPointer { BitPacking.pack($0, into: &out) }
            return
        }
        for i in range {
            let gap = UInt64(Int64(docs[i]) - previousDoc - 1)
            if freqs[i] == 1 {
                out.writeVarint(gap << 1 | 1)
            } else {
                out.writeVarint(gap << 1)
                out.writeVarint(UInt64(freqs[i] - 1))
            }
            previousDoc = Int64(docs[i])
        }
    }

    /// One block's position gaps: packed groups of 128, then varints.
    private mutating func writeChunk(_ gaps: [UInt32], _ range: Range<Int>) {
        var i = range.lowerBound
        gaps.withUnsafeBufferPointer { all in
            while range.upperBound - i >= BitPacking.blockSize {
                BitPacking.pack(UnsafeBufferPointer(rebasing: all[i..<i + BitPacking.blockSize]), into: &positions)
                i += BitPacking.blockSize
            }
        }
        while i < range.upperBound {
            positions.writeVarint(UInt64(gaps[i]))
            i += 1
        }
    }
}
