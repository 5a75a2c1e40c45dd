/// The term dictionary (`.terms`): every term of a segment in key order
/// (`TermKey`), front-coded in blocks of 32, with an index of block offsets for
/// binary search. Exact lookup costs one binary search over the blocks' first
/// keys and a scan of at most 32 entries; prefix enumeration starts the same way.
///
///     Body     = Block* · BlockIndex · Trailer
///     Block    = First · Entry{0,31}
///     First    = keyLength varint · key · TermData
///     Entry    = shared varint · suffixLength varint · suffix · TermData
///                -- offsets are gaps from the previous term of the block (from 0 for
///                   the first); the positions gap from the previous term that has positions
///     TermData = docFreq varint · postingsOffset varint · [positionsOffset varint]
///                                                         -- positions only for kinds that keep them:
///                                                            every kind but `u` (format 7: `j` too)
///     BlockIndex = blockCount × u64 offset of the block in the body
///     Trailer  = blockCount u32 · termCount u32 · unigrams u32 · bigrams u32 · words u32 ·
///                phrases u32
///                -- joined bigrams (`j`) are counted with the bigrams; phrases (`p`,
///                   format 14) have their own count, 0 in a segment that chose none
///
/// Example: `b财政` then `b财务` in one block: `07 62 E8 B4 A2 E6 94 BF …` then
/// `04 03 E5 8A A1 …` (4 shared bytes, 3-byte suffix 务).
struct TermDictionaryWriter {
    static let blockSize = 32
    private var body = ByteWriter()
    private var blockOffsets: [UInt64] = []
    private var previousKey: [UInt8] = []
    private var previousPostings = 0
    private var previousPositions = 0
    private var inBlock = 0
    private(set) var termCount = 0
    private(set) var kindCounts: [TermKind: Int] = [:]

    mutating func add(_ key: [UInt8], _ info: TermInfo) {
        let kind = TermKind(rawValue: key.first ?? 0) ?? .word
        let positions = kind.hasPositions
        if inBlock == 0 {
            // Offsets restart at each block, so any block decodes on its own.
            blockOffsets.append(UInt64(body.count))
            previousKey = []
            previousPostings = 0
            previousPositions = 0
        }
        var shared = 0
        let limit = min(key.count, previousKey.count)
        while shared < limit, key[shared] == previousKey[shared] { shared += 1 }
        if inBlock == 0 {
            body.writeVarint(key.count)
            body.write(key)
        } else {
            body.writeVarint(shared)
            body.writeVarint(key.count - shared)
            body.write(key[shared...])
        }
        body.writeVarint(info.docFreq)
        body.writeVarint(info.postingsOffset - previousPostings)
        if positions { body.writeVarint(info.positionsOffset - previousPositions) }
        previousKey = key
        previousPostings = info.postingsOffset
        if positions { previousPositions = info.positionsOffset }
        inBlock = (inBlock + 1) % Self.blockSize
        termCount += 1
        kindCounts[kind == .joinedBigram ? .bigram : kind, default: 0] += 1
    }

    mutating func finish() -> [UInt8] {
        var w = ByteWriter(capacity: body.count + blockOffsets.count * 8 + 64)
        IndexFormat.writeHeader(.terms, into: &w)
        w.write(body.bytes)
        for o in blockOffsets { w.writeU64(o) }
        w.writeU32(UInt32(blockOffsets.count))
        w.writeU32(UInt32(termCount))
        w.writeU32(UInt32(kindCounts[.unigram] ?? 0))
        w.writeU32(UInt32(kindCounts[.bigram] ?? 0))
        w.writeU32(UInt32(kindCounts[.word] ?? 0))
        w.writeU32(UInt32(kindCounts[.phrase] ?? 0))
        IndexFormat.writeFooter(.terms, into: &w)
        return w.bytes
    }
}

/// Reads a term dictionary body in place.
struct TermDictionary: @unchecked Sendable {
    private let body: UnsafeRawBufferPointer
    private let file: String
    let blockCount: Int
    let termCount: Int
    let kindCounts: [TermKind: Int]
    private let indexStart: Int
    private static let trailerSize = 24

    init(body: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        self.body = body
        self.file = file
        guard body.count >= Self.trailerSize else { throw .damaged(file: file, reason: "term dictionary too short") }
        var t = ByteReader(body, offset: body.count - Self.trailerSize, file: file)
        blockCount = Int(try t.readU32())
        termCount = Int(try t.readU32())
        kindCounts = [
            .unigram: Int(try t.readU32()), .bigram: Int(try t.readU32()), .word: Int(try t.readU32()),
            .phrase: Int(try t.readU32())
        ]
        indexStart = body.count - Self.trailerSize - blockCount * 8
        guard indexStart >= 0, blockCount <= termCount, termCount <= blockCount * TermDictionaryWriter.blockSize else {
            throw .damaged(file: file, reason: "bad term dictionary trailer")
        }
    }

    private func blockOffset(_ b: Int) throws(IndexError) -> Int {
        var r = ByteReader(body, offset: indexStart + b * 8, file: file)
        let o = try r.readU64()
        guard o < UInt64(indexStart) else { throw .damaged(file: file, reason: "block offset out of range") }
        return Int(o)
    }

    private func firstKey(ofBlock b: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        var r = ByteReader(body, offset: try blockOffset(b), file: file)
        let n = try r.readCount(max: 1 << 20)
        return try r.readBytes(n)
    }

    /// The last block whose first key is <= key (0 if none).
    private func block(for key: [UInt8]) throws(IndexError) -> Int {
        var lo = 0
        var hi = blockCount - 1
        var found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if compare(try firstKey(ofBlock: mid), key) <= 0 {
                found = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        return found
    }

    /// The entry of `key`, nil when the segment lacks it. Every query term
    /// starts here, so its block is walked without building the entries' keys:
    /// with front coding, how many bytes an entry shares with the one before
    /// tells how it compares with `key`, once it is known how many bytes the one
    /// before shares with `key` (`matched`).
    func lookup(_ key: [UInt8]) throws(IndexError) -> TermInfo? {
        guard blockCount > 0 else { return nil }
        let b = try block(for: key)
        var r = ByteReader(body, offset: try blockOffset(b), file: file)
        let count = min(TermDictionaryWriter.blockSize, termCount - b * TermDictionaryWriter.blockSize)
        var matched = 0
        var kindByte: UInt8 = 0
        var postings = 0
        var positions = 0
        for i in 0..<count {
            let shared = i == 0 ? 0 : try r.readCount(max: 1 << 20)
            let n = try r.readCount(max: 1 << 20)
            let suffix = try r.readBytes(n)
            if shared == 0 {
                guard n > 0 else { throw r.damaged("an empty term") }
                kindByte = suffix[0]
            }
            // The entry against `key`: -1 below, 0 equal, 1 above.
            let order: Int
            if shared < matched {
                // It leaves the previous key where that key still equalled `key`,
                // at a larger byte (keys ascend): it and all after it are above.
                return nil
            } else if shared > matched {
                // It keeps the previous key's byte where that key went below `key`.
                order = -1
            } else {
                let more = Self.commonPrefix(suffix, key, from: shared)
                matched = shared + more
                if more < n {
                    order = matched == key.count || suffix[more] > key[matched] ? 1 : -1
                } else {
                    order = matched == key.count ? 0 : -1
                }
            }
            let docFreq = try r.readCount(max: Int(UInt32.max))
            postings += try r.readCount(max: Int(Int32.max))
            if TermKind(rawValue: kindByte)?.hasPositions == true { positions += try r.readCount(max: Int(Int32.max)) }
            if order == 0 { return TermInfo(docFreq: docFreq, postingsOffset: postings, positionsOffset: positions) }
            if order > 0 { return nil }
        }
        return nil
    }

    /// How many bytes from the start of `bytes` equal `key`'s from `start` on.
    @inline(__always)
    private static func commonPrefix(_ bytes: UnsafeRawBufferPointer, _ key: [UInt8], from start: Int) -> Int {
        var j = 0
        while j < bytes.count, start + j < key.count, bytes[j] == key[start + j] { j += 1 }
        return j
    }

    /// Every term whose key starts with `prefix`, in key order.
    func terms(withPrefix prefix: [UInt8], limit: Int = .max) throws(IndexError) -> [([UInt8], TermInfo)] {
        guard blockCount > 0 else { return [] }
        var out: [([UInt8], TermInfo)] = []
        try scan(fromBlock: try block(for: prefix)) { (k, info) in
            if compare(k, prefix) < 0 { return true }
            guard k.count >= prefix.count, k.starts(with: prefix), out.count < limit else { return false }
            out.append((Array(k), info))
            return true
        }
        return out
    }

    /// Calls `visit` for every term from the start of block `first`; stops when it returns false.
    func scan(
        fromBlock first: Int = 0,
        _ visit: (UnsafeRawBufferPointer, TermInfo) throws(IndexError) -> Bool
    ) throws(IndexError) {
        var key: [UInt8] = []
        var remaining = termCount - first * TermDictionaryWriter.blockSize
        var b = first
        while b < blockCount, remaining > 0 {
            var r = ByteReader(body, offset: try blockOffset(b), file: file)
            var postings = 0
            var positions = 0
            for i in 0..<min(TermDictionaryWriter.blockSize, remaining) {
                if i == 0 {
                    let n = try r.readCount(max: 1 << 20)
                    key = Array(try r.readBytes(n))
                } else {
                    let shared = try r.readCount(max: key.count)
                    let n = try r.readCount(max: 1 << 20)
                    key.removeSubrange(shared...)
                    key.append(contentsOf: try r.readBytes(n))
                }
                let kind = TermKind(rawValue: key.first ?? 0) ?? .word
                let docFreq = try r.readCount(max: Int(UInt32.max))
                postings += try r.readCount(max: Int(Int32.max))
                if kind.hasPositions { positions += try r.readCount(max: Int(Int32.max)) }
                let info = TermInfo(docFreq: docFreq, postingsOffset: postings, positionsOffset: positions)
                let keepGoing = try withBytes(of: key) { (k) throws(IndexError) in try visit(k, info) }
                if !keepGoing { return }
            }
            remaining -= TermDictionaryWriter.blockSize
            b += 1
        }
    }
}

/// Bytewise comparison, as the dictionary is sorted.
@inline(__always)
func compare<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Int {
    var i = a.startIndex
    var j = b.startIndex
    while i != a.endIndex, j != b.endIndex {
        let x = a[i]
        let y = b[j]
        if x != y { return x < y ? -1 : 1 }
        i = a.index(after: i)
        j = b.index(after: j)
    }
    if i == a.endIndex { return j == b.endIndex ? 0 : -1 }
    return 1
}
