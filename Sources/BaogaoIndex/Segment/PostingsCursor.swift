/// Walks one term's postings in one segment, a block of 128 documents at a
/// time, with `advance(to:)` jumping blocks through the skip table. Positions
/// are decoded only for blocks where they are asked for.
///
/// Every query runs through these loops, so the decoding writes through
/// pointers into the block arrays (one uniqueness check per block, not one per
/// value) and reads the skip table with a single bounds check made at `init`.
///
/// A full block's frequencies are unpacked only when asked for (`frequency()`,
/// `nextBatch`, positions): a cursor that is only probed for documents — a
/// word's, for the whole-word boost — or that an intersection moves through
/// blocks where the other terms are absent decodes half the bytes.
public struct PostingsCursor {
    private let postings: UnsafeRawBufferPointer
    private let positionsBody: UnsafeRawBufferPointer
    private let file: String
    public let docFreq: Int
    private let hasPositions: Bool
    private let positionsStart: Int
    private let blockCount: Int
    /// Where the skip table's last documents, block lengths and chunk lengths
    /// start (-1 without a skip table), and the blocks.
    private let skipStart: Int
    private let lengthsStart: Int
    private let chunkLengthsStart: Int
    private let blocksStart: Int
    /// Where the blocks start (from the blocks' start in `.post`) and their
    /// positions chunks (from the term's first byte in `.pos`), summed from the
    /// skip table's lengths as the cursor moves forward.
    private var blockStarts = LengthSums()
    private var chunkStarts = LengthSums()
    /// The segment's document count: every decoded document must be below it.
    /// Open no longer reads every byte's CRC (see `IndexReader`), so a damaged
    /// block is caught here, before a document id can index a column past its end.
    private let docCount: Int

    @usableFromInline var block = -1
    @usableFromInline var blockDocs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    @usableFromInline var blockFreqs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    @usableFromInline var blockLength = 0
    @usableFromInline var index = 0
    /// The block whose frequencies are in `blockFreqs` (-1: none yet), and
    /// where the current block's packed frequencies start.
    @usableFromInline var freqsBlock = -1
    private var freqsOffset = 0
    // The current block's positions, decoded on demand, a group of 128 at a time
    // (see `positionsOfCurrentDoc`): `stamp` changes with every block, and a group
    // or document whose entry equals it is ready.
    private var positionsBlock = -1
    private var stamp = 0
    // Made on the first positions asked for: most cursors are never asked.
    private var positionStarts: [Int] = []
    private var positionValues: [UInt32] = []
    private var groupOffsets: [Int] = []
    private var groupReady: [Int] = []
    private var docReady: [Int] = []
    private var fullGroups = 0
    private var positionCount = 0

    /// The current document, valid after `next()` or `advance(to:)` returned true.
    @inlinable public var doc: UInt32 { current }
    @inlinable public var isExhausted: Bool { exhausted }
    /// The current document's place among the term's documents, from 0.
    public var ordinal: Int { block * BitPacking.blockSize + index }
    @usableFromInline var current: UInt32 = 0
    @usableFromInline var exhausted = false

    init(
        postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer, file: String,
        info: TermInfo, hasPositions: Bool, docCount: Int
    ) throws(IndexError) {
        self.postings = postings
        self.docCount = docCount
        self.positionsBody = positions
        self.file = file
        self.docFreq = info.docFreq
        self.hasPositions = hasPositions
        self.positionsStart = info.positionsOffset
        // The dictionary caps docFreq at UInt32.max, so this cannot overflow.
        guard info.docFreq >= 0, info.docFreq <= min(docCount, Int(UInt32.max)) else {
            throw .damaged(file: file, reason: "document frequency \(info.docFreq) out of range")
        }
        blockCount = (info.docFreq + BitPacking.blockSize - 1) / BitPacking.blockSize
        if info.docFreq > BitPacking.blockSize {
            skipStart = info.postingsOffset
            lengthsStart = skipStart + blockCount * 4
            chunkLengthsStart = lengthsStart + (blockCount - 1) * 2
            blocksStart = chunkLengthsStart + (hasPositions ? (blockCount - 1) * 4 : 0)
        } else {
            skipStart = -1
            lengthsStart = -1
            chunkLengthsStart = -1
            blocksStart = info.postingsOffset
        }
        guard info.postingsOffset >= 0, blocksStart <= postings.count else {
            throw .damaged(file: file, reason: "postings offset \(info.postingsOffset) past the end")
        }
    }

    /// Frequency of the term in the current document. Inlinable: scoring an
    /// intersection asks it of every cursor for every shared document.
    @inlinable
    public mutating func frequency() throws(IndexError) -> UInt32 {
        if freqsBlock != block { try loadFrequencies() }
        return blockFreqs[index]
    }

    /// The last document of block `b`; `init` checked that the skip table
    /// lies inside the file.
    @inline(__always)
    private func lastDoc(ofBlock b: Int) -> UInt32 {
        UInt32(littleEndian: postings.loadUnaligned(fromByteOffset: skipStart + b * 4, as: UInt32.self))
    }

    /// Where block `b` starts, from the blocks' start (`b` never goes back).
    private mutating func blockOffset(_ b: Int) -> Int {
        blockStarts.start(of: b, lengths: postings, at: lengthsStart, width: 2)
    }

    /// Where block `b`'s positions chunk starts, from the term's first positions byte.
    private mutating func chunkOffset(_ b: Int) -> Int {
        chunkStarts.start(of: b, lengths: postings, at: chunkLengthsStart, width: 4)
    }

    /// Decodes block `b`'s documents; a full block's frequencies wait for
    /// `loadFrequencies` (a tail block's are read with its documents, varint by varint).
    private mutating func load(block b: Int) throws(IndexError) {
        var previousDoc: Int64 = -1
        var offset = blocksStart
        if skipStart >= 0 {
            offset = blocksStart + blockOffset(b)
            if b > 0 { previousDoc = Int64(lastDoc(ofBlock: b - 1)) }
        }
        var r = ByteReader(postings, offset: offset, file: file)
        let n = min(BitPacking.blockSize, docFreq - b * BitPacking.blockSize)
        // A gap past the document count is damage; bounding each keeps the sum
        // far from overflowing Int64 however the bytes were damaged.
        let maxGap = UInt64(docCount)
        let maxFreq = UInt64(Self.maxFreq)
        try blockDocs.withUnsafeMutableBufferPointer { (docs) throws(IndexError) in
            try blockFreqs.withUnsafeMutableBufferPointer { (freqs) throws(IndexError) in
                guard let d = docs.baseAddress, let f = freqs.baseAddress else { return }
                if n == BitPacking.blockSize {
                    try BitPacking.unpack(&r, into: d)
                    for i in 0..<n {
                        previousDoc += Int64(d[i]) + 1
                        d[i] = UInt32(truncatingIfNeeded: previousDoc)
                    }
                } else {
                    for i in 0..<n {
                        let v = try r.readVarint()
                        guard v >> 1 < maxGap else { throw r.damaged("document gap \(v >> 1) out of range") }
                        previousDoc += Int64(v >> 1) + 1
                        d[i] = UInt32(truncatingIfNeeded: previousDoc)
                        if v & 1 == 1 {
                            f[i] = 1
                        } else {
                            let more = try r.readVarint()
                            guard more < maxFreq else { throw r.damaged("frequency \(more + 1) out of range") }
                            f[i] = UInt32(more) + 1
                        }
                    }
                }
            }
        }
        // Documents only grow within a block (gaps are not negative), so the
        // last one, summed without truncation, below `docCount` bounds them all.
        guard previousDoc < Int64(docCount) else {
            throw .damaged(file: file, reason: "postings name document \(previousDoc), past the segment's \(docCount)")
        }
        block = b
        blockLength = n
        index = 0
        freqsOffset = r.offset
        if n < BitPacking.blockSize { freqsBlock = b }
    }

    /// Unpacks the current full block's frequencies. Each is bounded so that a
    /// damaged one cannot ask `prepareBlockPositions` for billions of positions:
    /// a width of at most 18 bits bounds them all at once (frequency − 1 is
    /// what is packed), a wider one is checked value by value.
    @usableFromInline mutating func loadFrequencies() throws(IndexError) {
        var r = ByteReader(postings, offset: freqsOffset, file: file)
        guard freqsOffset < postings.count else { throw r.damaged("unexpected end of data") }
        let width = BitPacking.maxWidth(token: postings[freqsOffset])
        try blockFreqs.withUnsafeMutableBufferPointer { (freqs) throws(IndexError) in
            guard let f = freqs.baseAddress else { return }
            try BitPacking.unpack(&r, into: f)
            for i in 0..<BitPacking.blockSize { f[i] &+= 1 }
            if width > Self.maxFreqWidth {
                for i in 0..<BitPacking.blockSize where f[i] == 0 || f[i] > Self.maxFreq {
                    throw .damaged(file: file, reason: "frequency \(f[i]) out of range")
                }
            }
        }
        freqsBlock = block
    }

    /// The widest packing of frequency − 1 whose every value is within `maxFreq`.
    private static let maxFreqWidth = 18

    /// No paragraph holds more occurrences of a term than characters, and a
    /// paragraph is cut at 4,000 (`ParagraphSplitter.hard`), which NFKC can
    /// lengthen up to 18 times: a bound well above any real frequency.
    private static let maxFreq: UInt32 = 1 << 18

    /// Moves to the next document; false when there is none. The step within
    /// a block is inlined at the caller (every posting of a query passes
    /// through it); moving to the next block is not.
    @inlinable
    public mutating func next() throws(IndexError) -> Bool {
        if !exhausted && block >= 0 && index + 1 < blockLength {
            index += 1
            current = blockDocs[index]
            return true
        }
        return try nextBlock()
    }

    @usableFromInline mutating func nextBlock() throws(IndexError) -> Bool {
        if exhausted { return false }
        if block >= 0 && index + 1 < blockLength {
            index += 1
        } else {
            let b = block + 1
            guard b < blockCount else {
                exhausted = true
                return false
            }
            try load(block: b)
        }
        current = blockDocs[index]
        return true
    }

    /// Moves past the rest of the current block (or to the next block when it
    /// is used up), putting its documents and frequencies in `docs` and `freqs`;
    /// false when there are no more. The cursor is left on the last of them.
    /// For consumers that visit every posting: one call per block, not per document.
    public mutating func nextBatch(docs: inout [UInt32], freqs: inout [UInt32]) throws(IndexError) -> Bool {
        if isExhausted { return false }
        var start = index + 1
        if block < 0 || start >= blockLength {
            let b = block + 1
            guard b < blockCount else {
                exhausted = true
                return false
            }
            try load(block: b)
            start = 0
        }
        if freqsBlock != block { try loadFrequencies() }
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        docs.append(contentsOf: blockDocs[start..<blockLength])
        freqs.append(contentsOf: blockFreqs[start..<blockLength])
        index = blockLength - 1
        current = blockDocs[index]
        return true
    }

    /// Moves to the first document at or after `target`; false when there is none.
    /// Within the current block it is inlined at the caller, a scan that stops
    /// inside the block (its last document is at or past the target), without
    /// a bounds check per step: an intersection calls it for every document the
    /// other terms propose, a few documents apart.
    @inlinable
    public mutating func advance(to target: UInt32) throws(IndexError) -> Bool {
        if !exhausted && block >= 0 && blockDocs[blockLength - 1] >= target {
            if current >= target { return true }
            let found = blockDocs.withUnsafeBufferPointer { docs in
                var i = index
                while docs[i] < target { i += 1 }
                return i
            }
            index = found
            current = blockDocs[found]
            return true
        }
        return try advanceAcrossBlocks(to: target)
    }

    /// `advance(to:)` when the target is past the current block, or before the first.
    @usableFromInline mutating func advanceAcrossBlocks(to target: UInt32) throws(IndexError) -> Bool {
        if exhausted { return false }
        if block >= 0 && current >= target { return true }
        // Skip whole blocks whose last document is before the target.
        var b = block + 1
        if skipStart >= 0 {
            while b < blockCount, lastDoc(ofBlock: b) < target { b += 1 }
        }
        while true {
            guard b < blockCount else {
                exhausted = true
                return false
            }
            try load(block: b)
            if blockDocs[blockLength - 1] >= target { break }
            b += 1
        }
        let found = blockDocs.withUnsafeBufferPointer { docs in
            var i = 0
            while docs[i] < target { i += 1 }
            return i
        }
        index = found
        current = blockDocs[found]
        return true
    }

    /// Whether the term occurs in `target`, moving forward to it: for probing
    /// documents in ascending order in one in-place call.
    public mutating func contains(_ target: UInt32) throws(IndexError) -> Bool {
        try advance(to: target) && doc == target
    }

    /// Positions of the term in the current document, ascending.
    public mutating func positions() throws(IndexError) -> ArraySlice<UInt32> {
        guard hasPositions else { return [] }
        let range = try positionsOfCurrentDoc()
        return positionValues[range]
    }

    /// Appends `position - shift` for every position of the term in the current
    /// document at or above `shift`, ascending: where a phrase would start if
    /// this term sits `shift` characters into it. No slice is kept alive, so the
    /// next block decodes in place.
    public mutating func appendPositions(to out: inout [UInt32], minus shift: UInt32) throws(IndexError) {
        guard hasPositions else { return }
        let range = try positionsOfCurrentDoc()
        for j in range {
            let p = positionValues[j]
            if p >= shift { out.append(p - shift) }
        }
    }

    /// Whether the term occurs at `position` in the current document.
    public mutating func hasPosition(_ position: UInt32) throws(IndexError) -> Bool {
        guard hasPositions else { return false }
        for j in try positionsOfCurrentDoc() {
            let p = positionValues[j]
            if p >= position { return p == position }
        }
        return false
    }

    /// Where the current document's absolute positions are in `positionValues`.
    ///
    /// A block's positions are one run of gaps packed 128 to a group, across its
    /// documents; a phrase query usually needs the positions of a few documents
    /// of a common term's block, so only the groups holding this document's
    /// gaps are unpacked, and only its gaps are summed into positions.
    private mutating func positionsOfCurrentDoc() throws(IndexError) -> Range<Int> {
        if positionsBlock != block { try prepareBlockPositions() }
        let a = positionStarts[index]
        let b = positionStarts[index + 1]
        guard docReady[index] != stamp else { return a..<b }
        if b > a {
            for g in (a / BitPacking.blockSize)...((b - 1) / BitPacking.blockSize) where groupReady[g] != stamp {
                try decodeGroup(g)
            }
            // Gaps to absolute positions; they restart at each document.
            positionValues.withUnsafeMutableBufferPointer { values in
                var previous: UInt32 = 0 &- 1
                for j in a..<b {
                    previous = previous &+ values[j] &+ 1
                    values[j] = previous
                }
            }
        }
        docReady[index] = stamp
        return a..<b
    }

    /// Lays out the current block's positions chunk: where each document's
    /// positions start, and the byte offset of each packed group.
    private mutating func prepareBlockPositions() throws(IndexError) {
        if freqsBlock != block { try loadFrequencies() }
        if positionStarts.isEmpty {
            positionStarts = [Int](repeating: 0, count: BitPacking.blockSize + 1)
            docReady = [Int](repeating: 0, count: BitPacking.blockSize)
        }
        stamp &+= 1
        var chunk = positionsStart
        if skipStart >= 0 { chunk += chunkOffset(block) }
        guard chunk >= 0, chunk <= positionsBody.count else {
            throw .damaged(file: file, reason: "positions offset \(chunk) past the end")
        }
        var total = 0
        for i in 0..<blockLength {
            positionStarts[i] = total
            total += Int(blockFreqs[i])
        }
        positionStarts[blockLength] = total
        // Every packed group of 128 gaps takes at least its token byte: more
        // positions than that are damage, not something to allocate room for.
        guard total / BitPacking.blockSize <= positionsBody.count - chunk else {
            throw .damaged(file: file, reason: "\(total) positions cannot fit the bytes left at \(chunk)")
        }
        positionCount = total
        fullGroups = total / BitPacking.blockSize
        if positionValues.count < total + BitPacking.blockSize {
            positionValues = [UInt32](repeating: 0, count: total + BitPacking.blockSize)
        }
        if groupOffsets.count < fullGroups + 1 {
            groupOffsets = [Int](repeating: 0, count: fullGroups + 1)
            groupReady = [Int](repeating: 0, count: fullGroups + 1)
        }
        // Each packed group is a `BitPacking` block; the varint tail follows.
        var offset = chunk
        for g in 0..<fullGroups {
            groupOffsets[g] = offset
            guard let length = BitPacking.blockLength(positionsBody, at: offset) else {
                throw .damaged(file: file, reason: "positions chunk damaged or past the end at byte \(offset)")
            }
            offset += length
        }
        groupOffsets[fullGroups] = offset
        positionsBlock = block
    }

    /// Unpacks group `g` of the current block's position gaps (the last, partial
    /// group is the varint tail).
    private mutating func decodeGroup(_ g: Int) throws(IndexError) {
        var r = ByteReader(positionsBody, offset: groupOffsets[g], file: file)
        let first = g * BitPacking.blockSize
        let end = min(positionCount, first + BitPacking.blockSize)
        try positionValues.withUnsafeMutableBufferPointer { (values) throws(IndexError) in
            guard let out = values.baseAddress else { return }
            if g < fullGroups {
                try BitPacking.unpack(&r, into: out + first)
            } else {
                for k in first..<end { out[k] = UInt32(truncatingIfNeeded: try r.readVarint()) }
            }
        }
        groupReady[g] = stamp
    }
}

/// The start of item `b` of a run whose lengths a skip table lists (format 13),
/// summed forward from the last item asked for: a cursor never goes back.
private struct LengthSums {
    private var item = 0
    private var start = 0

    /// `init` checked that the skip table lies inside the file. `width` is 2 or 4 bytes, little-endian.
    mutating func start(of b: Int, lengths bytes: UnsafeRawBufferPointer, at table: Int, width: Int) -> Int {
        while item < b {
            let at = table + item * width
            start +=
                width == 2
                ? Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                : Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            item += 1
        }
        return start
    }
}
