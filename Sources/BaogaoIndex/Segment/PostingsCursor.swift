/// Walks one term's postings in one segment, a block of 128 documents at a
/// time, with `advance(to:)` jumping blocks through the skip table. Positions
/// are decoded only for blocks where they are asked for.
public struct PostingsCursor {
    private let postings: UnsafeRawBufferPointer
    private let positionsBody: UnsafeRawBufferPointer
    private let file: String
    public let docFreq: Int
    private let hasPositions: Bool
    private let positionsStart: Int
    private let blockCount: Int
    private let skipStart: Int
    private let blocksStart: Int

    private var block = -1
    private var blockDocs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var blockFreqs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var blockLength = 0
    private var index = 0
    private var decodedPositionsBlock = -1
    private var blockPositions: [UInt32] = []
    private var positionStarts = [Int](repeating: 0, count: BitPacking.blockSize + 1)

    /// The current document, valid after `next()` or `advance(to:)` returned true.
    public private(set) var doc: UInt32 = 0
    public private(set) var isExhausted = false

    init(postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer, file: String,
         info: TermInfo, hasPositions: Bool) throws(IndexError) {
        self.postings = postings
        self.positionsBody = positions
        self.file = file
        self.docFreq = info.docFreq
        self.hasPositions = hasPositions
        self.positionsStart = info.positionsOffset
        blockCount = (info.docFreq + BitPacking.blockSize - 1) / BitPacking.blockSize
        if info.docFreq > BitPacking.blockSize {
            skipStart = info.postingsOffset
            blocksStart = info.postingsOffset + blockCount * 12
        } else {
            skipStart = -1
            blocksStart = info.postingsOffset
        }
        guard blocksStart <= postings.count, info.postingsOffset >= 0 else {
            throw .damaged(file: file, reason: "postings offset \(info.postingsOffset) past the end")
        }
    }

    /// Frequency of the term in the current document.
    public var freq: UInt32 { blockFreqs[index] }

    private func skipEntry(_ b: Int) throws(IndexError) -> (lastDoc: UInt32, offset: Int, positions: Int) {
        var r = ByteReader(postings, offset: skipStart + b * 12, file: file)
        return (try r.readU32(), Int(try r.readU32()), Int(try r.readU32()))
    }

    private mutating func load(block b: Int) throws(IndexError) {
        var previousDoc: Int64 = -1
        var offset = blocksStart
        if skipStart >= 0 {
            offset = blocksStart + (try skipEntry(b)).offset
            if b > 0 { previousDoc = Int64((try skipEntry(b - 1)).lastDoc) }
        }
        var r = ByteReader(postings, offset: offset, file: file)
        let n = min(BitPacking.blockSize, docFreq - b * BitPacking.blockSize)
        if n == BitPacking.blockSize {
            try blockDocs.withUnsafeMutableBufferPointer { (p) throws(IndexError) in
                if let base = p.baseAddress { try BitPacking.unpack(&r, into: base) }
            }
            try blockFreqs.withUnsafeMutableBufferPointer { (p) throws(IndexError) in
                if let base = p.baseAddress { try BitPacking.unpack(&r, into: base) }
            }
            for i in 0..<n {
                previousDoc += Int64(blockDocs[i]) + 1
                blockDocs[i] = UInt32(truncatingIfNeeded: previousDoc)
                blockFreqs[i] += 1
            }
        } else {
            for i in 0..<n {
                let v = try r.readVarint()
                previousDoc += Int64(v >> 1) + 1
                blockDocs[i] = UInt32(truncatingIfNeeded: previousDoc)
                blockFreqs[i] = v & 1 == 1 ? 1 : UInt32(truncatingIfNeeded: try r.readVarint()) &+ 1
            }
        }
        block = b
        blockLength = n
        index = 0
    }

    /// Moves to the next document; false when there is none.
    public mutating func next() throws(IndexError) -> Bool {
        if isExhausted { return false }
        if block >= 0 && index + 1 < blockLength {
            index += 1
        } else {
            let b = block + 1
            guard b < blockCount else { isExhausted = true; return false }
            try load(block: b)
        }
        doc = blockDocs[index]
        return true
    }

    /// Moves to the first document at or after `target`; false when there is none.
    public mutating func advance(to target: UInt32) throws(IndexError) -> Bool {
        if isExhausted { return false }
        if block >= 0 && doc >= target { return true }
        // Skip whole blocks whose last document is before the target.
        if skipStart >= 0 {
            var b = max(block, 0)
            if block < 0 || blockDocs[blockLength - 1] < target {
                if block >= 0 { b = block + 1 }
                while b < blockCount, (try skipEntry(b)).lastDoc < target { b += 1 }
                guard b < blockCount else { isExhausted = true; return false }
                if b != block { try load(block: b); index = 0 }
            }
        } else if block < 0 {
            try load(block: 0)
        }
        while true {
            while index < blockLength {
                if blockDocs[index] >= target { doc = blockDocs[index]; return true }
                index += 1
            }
            let b = block + 1
            guard b < blockCount else { isExhausted = true; return false }
            try load(block: b)
        }
    }

    /// Whether the term occurs in `target`, moving forward to it: for probing
    /// documents in ascending order in one in-place call.
    public mutating func contains(_ target: UInt32) throws(IndexError) -> Bool {
        try advance(to: target) && doc == target
    }

    /// Positions of the term in the current document, ascending.
    public mutating func positions() throws(IndexError) -> ArraySlice<UInt32> {
        guard hasPositions else { return [] }
        if decodedPositionsBlock != block { try decodePositions() }
        return blockPositions[positionStarts[index]..<positionStarts[index + 1]]
    }

    private mutating func decodePositions() throws(IndexError) {
        var chunk = positionsStart
        if skipStart >= 0 { chunk += (try skipEntry(block)).positions }
        var total = 0
        for i in 0..<blockLength {
            positionStarts[i] = total
            total += Int(blockFreqs[i])
        }
        positionStarts[blockLength] = total
        if blockPositions.count < total + BitPacking.blockSize {
            blockPositions = [UInt32](repeating: 0, count: total + BitPacking.blockSize)
        }
        var r = ByteReader(positionsBody, offset: chunk, file: file)
        var k = 0
        while total - k >= BitPacking.blockSize {
            let start = k
            try blockPositions.withUnsafeMutableBufferPointer { (p) throws(IndexError) in
                if let base = p.baseAddress { try BitPacking.unpack(&r, into: base + start) }
            }
            k += BitPacking.blockSize
        }
        while k < total {
            blockPositions[k] = UInt32(truncatingIfNeeded: try r.readVarint())
            k += 1
        }
        // Gaps to absolute positions, restarting at each document.
        for i in 0..<blockLength {
            var previous: Int64 = -1
            for j in positionStarts[i]..<positionStarts[i + 1] {
                previous += Int64(blockPositions[j]) + 1
                blockPositions[j] = UInt32(truncatingIfNeeded: previous)
            }
        }
        decodedPositionsBlock = block
    }
}
