/// Every term's postings while a segment is built, as parallel arrays indexed by
/// term id (no object per term: that cost a retain, a release and an exclusivity
/// check per posting). Each term's `bytes` is a run of varints: per document
/// `docGap, freq - 1`, then, for kinds with positions, `freq` position gaps.
/// `encode` turns them into the on-disk blocks when the segment is written.
///
/// Postings grow a batch of paragraphs at a time (`OccurrenceBatch`): a term's
/// bytes for the whole batch are encoded in a scratch buffer and appended at once.
struct TermPostings {
    var bytes: [[UInt8]] = []
    var lastDoc: [Int32] = []
    var docFreq: [UInt32] = []
    /// Occurrences in all documents: the number of positions, for kinds with positions.
    var occurrences: [UInt32] = []
    var hasPositions: [Bool] = []
    /// Bytes held, by capacity: what decides when a segment is flushed.
    var heldBytes = 0
    private var scratch: [UInt8] = []

    var count: Int { bytes.count }

    mutating func add(hasPositions p: Bool) {
        bytes.append([])
        lastDoc.append(-1)
        docFreq.append(0)
        occurrences.append(0)
        hasPositions.append(p)
    }

    /// Appends every term's occurrences in `batch`, which is sorted by term.
    mutating func append(_ batch: OccurrenceBatch) {
        batch.forEachTerm { term, occurrences in append(term, occurrences, batch) }
    }

    /// Appends one term's occurrences in `batch`: its documents in order, each
    /// with its frequency and position gaps.
    private mutating func append(_ term: Int, _ occurrences: UnsafeBufferPointer<UInt64>, _ batch: OccurrenceBatch) {
        // At most two 5-byte varints per document and one per position.
        let bound = occurrences.count * 15
        if scratch.count < bound { scratch = [UInt8](repeating: 0, count: max(bound, 2 * scratch.count)) }
        let positions = hasPositions[term]
        var previousDoc = lastDoc[term]
        var documents: UInt32 = 0
        let written = scratch.withUnsafeMutableBufferPointer { out -> Int in
            var w = VarintWriter(out)
            var i = 0
            var p = 0
            while i < occurrences.count {
                p = batch.paragraph(holding: UInt32(truncatingIfNeeded: occurrences[i]), from: p)
                let start = batch.starts[p]
                let end = batch.starts[p + 1]
                var j = i + 1
                while j < occurrences.count, UInt32(truncatingIfNeeded: occurrences[j]) < end { j += 1 }
                let doc = batch.firstDoc + Int32(p)
                w.write(UInt32(doc - previousDoc - 1))
                if positions {
                    w.write(UInt32(j - i - 1))
                    var previous: UInt32 = 0  // position + 1 of the previous occurrence
                    for k in i..<j {
                        let position = UInt32(truncatingIfNeeded: occurrences[k]) - start
                        w.write(position - previous)
                        previous = position + 1
                    }
                } else {
                    // One occurrence per paragraph, holding the frequency less one.
                    w.write(UInt32(truncatingIfNeeded: occurrences[i]) - start)
                }
                previousDoc = doc
                documents += 1
                i = j
            }
            return w.count
        }
        lastDoc[term] = previousDoc
        docFreq[term] += documents
        self.occurrences[term] += UInt32(occurrences.count)
        let before = bytes[term].capacity
        scratch.withUnsafeBufferPointer { bytes[term].append(contentsOf: $0[0..<written]) }
        heldBytes += bytes[term].capacity - before
    }

    /// Encodes a term's postings with `encoder` and frees them.
    mutating func encode(
        _ term: Int, with encoder: inout PostingsEncoder,
        decoded: inout DecodedPostings
    ) -> TermInfo {
        defer { release(term) }
        if let info = encodeShort(term, with: &encoder) { return info }
        decode(term, into: &decoded)
        return encoder.encode(decoded)
    }

    /// Most terms have fewer than 128 documents and 128 positions: on disk they
    /// are one varint tail (`PostingsFormat`) and a positions chunk of plain
    /// varints. Those are transcoded here straight from the in-memory varints
    /// (the position gaps are the very same bytes) rather than decoded into
    /// arrays and encoded again; nil for any other term.
    private mutating func encodeShort(_ term: Int, with encoder: inout PostingsEncoder) -> TermInfo? {
        let documents = Int(docFreq[term])
        let positions = hasPositions[term]
        guard documents < BitPacking.blockSize, !positions || occurrences[term] < BitPacking.blockSize else { return nil }
        // The tail and the chunk go to the two halves of the scratch buffer. A
        // tail entry takes at most 10 bytes, the in-memory header it comes from
        // at least 2; the chunk's bytes are copied as they are.
        let n = bytes[term].count
        if scratch.count < 6 * n + 16 { scratch = [UInt8](repeating: 0, count: max(6 * n + 16, 2 * scratch.count)) }
        return bytes[term].withUnsafeBufferPointer { b in
            scratch.withUnsafeMutableBufferPointer { out in
                var r = VarintReader(b)
                var tail = VarintWriter(UnsafeMutableBufferPointer(rebasing: out[0..<5 * n + 16]))
                let chunk = UnsafeMutableBufferPointer(rebasing: out[(5 * n + 16)...])
                var chunkCount = 0
                for _ in 0..<documents {
                    let gap = UInt64(r.read())
                    let freq = r.read() + 1
                    if freq == 1 {
                        tail.write(gap << 1 | 1)
                    } else {
                        tail.write(gap << 1)
                        tail.write(UInt64(freq - 1))
                    }
                    if positions {
                        // The document's position gaps, as they are.
                        let (start, end) = r.skip(Int(freq))
                        for k in start..<end {
                            chunk[chunkCount] = b[k]
                            chunkCount += 1
                        }
                    }
                }
                return encoder.encodeShort(
                    documents: documents,
                    tail: UnsafeBufferPointer(rebasing: out[0..<tail.count]),
                    positions: UnsafeBufferPointer(rebasing: chunk[0..<chunkCount]))
            }
        }
    }

    /// A term's postings as arrays. The bytes were written by `append` in this
    /// process, so they are trusted: no bounds checks per varint (decoding
    /// through `ByteReader` was a twentieth of all indexing time), and the
    /// arrays are sized from the counts kept beside the bytes.
    func decode(_ term: Int, into out: inout DecodedPostings) {
        let n = Int(docFreq[term])
        let positions = hasPositions[term]
        let positionCount = positions ? Int(occurrences[term]) : 0
        out.hasPositions = positions
        out.resize(documents: n, positions: positionCount)
        bytes[term].withUnsafeBufferPointer { b in
            out.docs.withUnsafeMutableBufferPointer { docs in
                out.freqs.withUnsafeMutableBufferPointer { freqs in
                    out.positionGaps.withUnsafeMutableBufferPointer { gaps in
                        var r = VarintReader(b)
                        var doc: UInt32 = 0 &- 1
                        var g = 0
                        for i in 0..<n {
                            doc = doc &+ r.read() &+ 1
                            let freq = r.read() + 1
                            docs[i] = doc
                            freqs[i] = freq
                            if positions {
                                for _ in 0..<freq {
                                    gaps[g] = r.read()
                                    g += 1
                                }
                            }
                        }
                        assert(r.isAtEnd && g == positionCount, "document and occurrence counts disagree with the bytes")
                    }
                }
            }
        }
    }

    /// A term's documents alone, ascending: what a word's flags are made from
    /// (`WordFlags`), read before the term is encoded and released.
    func documents(_ term: Int) -> [UInt32] {
        let n = Int(docFreq[term])
        let positions = hasPositions[term]
        var out = [UInt32](repeating: 0, count: n)
        bytes[term].withUnsafeBufferPointer { b in
            var r = VarintReader(b)
            var doc: UInt32 = 0 &- 1
            for i in 0..<n {
                doc = doc &+ r.read() &+ 1
                let freq = r.read() + 1
                out[i] = doc
                if positions { _ = r.skip(Int(freq)) }
            }
        }
        return out
    }

    /// Releases a term's bytes once they are written out.
    mutating func release(_ term: Int) {
        heldBytes -= bytes[term].capacity
        bytes[term] = []
    }
}

/// Reads varints written by `VarintWriter`.
private struct VarintReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { i >= bytes.count }

    /// Skips `count` varints; returns the range of bytes they occupy.
    @inline(__always)
    mutating func skip(_ count: Int) -> (start: Int, end: Int) {
        let start = i
        for _ in 0..<count {
            while bytes[i] >= 0x80 { i += 1 }
            i += 1
        }
        return (start, i)
    }

    @inline(__always)
    mutating func read() -> UInt32 {
        var b = bytes[i]
        i += 1
        if b < 0x80 { return UInt32(b) }
        var v = UInt32(b & 0x7F)
        var shift: UInt32 = 7
        repeat {
            b = bytes[i]
            i += 1
            v |= UInt32(b & 0x7F) << shift
            shift += 7
        } while b >= 0x80
        return v
    }
}

/// Writes varints into a buffer the caller sized for them.
private struct VarintWriter {
    private let out: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

    @inline(__always)
    mutating func write(_ value: UInt32) {
        write(UInt64(value))
    }

    @inline(__always)
    mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            out[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        out[count] = UInt8(v)
        count += 1
    }
}
