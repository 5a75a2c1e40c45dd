import BaogaoIngest

/// Reads paragraphs back from a `.store` body (format in StoreFile.swift).
/// Safe to share between threads: each read decompresses the paragraph's block
/// (or finds it in the cache) with the segment's one digested dictionary.
struct StoreReader: @unchecked Sendable {
    private let body: UnsafeRawBufferPointer
    private let file: String
    private let blockCount: Int
    let docCount: Int
    /// Where blocks may start: after the dictionary.
    private let blocksStart: Int
    private let indexStart: Int
    private let decompressor: ZstdDecompressor
    private let cache = BlockCache()

    init(body: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        self.body = body
        self.file = file
        guard body.count >= 12 else { throw .damaged(file: file, reason: "store too short") }
        var t = ByteReader(body, offset: body.count - 8, file: file)
        blockCount = Int(try t.readU32())
        docCount = Int(try t.readU32())
        indexStart = body.count - 8 - blockCount * 20
        var h = ByteReader(body, file: file)
        let dictionaryLength = Int(try h.readU32())
        blocksStart = 4 + dictionaryLength
        guard indexStart >= blocksStart else { throw .damaged(file: file, reason: "bad store trailer") }
        let dictionary = try h.readBytes(dictionaryLength)
        guard dictionary.isEmpty || ZstdDictionary.isValid(dictionary) else {
            throw .damaged(file: file, reason: "store dictionary is not a zstd dictionary")
        }
        do { decompressor = try ZstdDecompressor(dictionary: dictionary) } catch {
            throw .damaged(file: file, reason: "store dictionary unusable (\(error))")
        }
    }

    private func entry(_ b: Int) throws(IndexError) -> (firstDoc: Int, offset: Int, compressed: Int, raw: Int) {
        var r = ByteReader(body, offset: indexStart + b * 20, file: file)
        let first = Int(try r.readU32())
        let offset = try r.readU64()
        let compressed = Int(try r.readU32())
        let raw = Int(try r.readU32())
        guard offset >= UInt64(blocksStart), offset + UInt64(compressed) <= UInt64(indexStart) else {
            throw .damaged(file: file, reason: "store block \(b) past the end")
        }
        return (first, Int(offset), compressed, raw)
    }

    /// Every paragraph of the block holding `doc`, decoded: `(firstDoc, paragraphs)`.
    func block(containing doc: Int) throws(IndexError) -> (Int, [StoredParagraph]) {
        let b = try blockIndex(containing: doc)
        return (try entry(b).firstDoc, try decode(block: b))
    }

    /// One paragraph: decompresses its block and skips the records before it
    /// without decoding them (decoding a whole block's strings costs more than
    /// decompressing it).
    func paragraph(_ doc: Int) throws(IndexError) -> StoredParagraph {
        let b = try blockIndex(containing: doc)
        let first = try entry(b).firstDoc
        let raw = try decompressed(block: b)
        return try withBytes(of: raw) { (bytes) throws(IndexError) in
            var r = ByteReader(bytes, file: file)
            for _ in first..<doc {
                guard !r.isAtEnd else { throw .damaged(file: file, reason: "document \(doc) missing from its store block") }
                try Self.skipRecord(&r)
            }
            guard !r.isAtEnd else { throw .damaged(file: file, reason: "document \(doc) missing from its store block") }
            return try Self.record(&r)
        }
    }

    private func blockIndex(containing doc: Int) throws(IndexError) -> Int {
        guard doc >= 0, doc < docCount, blockCount > 0 else {
            throw .damaged(file: file, reason: "no stored paragraph for document \(doc)")
        }
        var lo = 0
        var hi = blockCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if try entry(mid).firstDoc <= doc { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private func decompressed(block b: Int) throws(IndexError) -> [UInt8] {
        if let cached = cache.bytes(ofBlock: b) { return cached }
        let e = try entry(b)
        guard e.raw <= 64 << 20 else { throw .damaged(file: file, reason: "store block \(b) too large") }
        let frame = UnsafeRawBufferPointer(rebasing: body[e.offset..<(e.offset + e.compressed)])
        let raw: [UInt8]
        do { raw = try decompressor.decompress(frame, rawLength: e.raw) } catch {
            throw .damaged(file: file, reason: "store block \(b) does not decompress (\(error))")
        }
        cache.insert(raw, forBlock: b)
        return raw
    }

    func decode(block b: Int) throws(IndexError) -> [StoredParagraph] {
        let raw = try decompressed(block: b)
        return try withBytes(of: raw) { (bytes) throws(IndexError) in
            var r = ByteReader(bytes, file: file)
            var out: [StoredParagraph] = []
            while !r.isAtEnd { out.append(try Self.record(&r)) }
            return out
        }
    }

    /// Moves past one record, reading only its lengths.
    private static func skipRecord(_ r: inout ByteReader) throws(IndexError) {
        func skipString() throws(IndexError) { _ = try r.readBytes(try r.readCount(max: r.remaining)) }
        try skipString()
        _ = try r.readVarint()
        _ = try r.readVarint()
        for _ in 0..<(try r.readCount(max: r.remaining)) {
            _ = try r.readVarint()
            _ = try r.readVarint()
        }
        _ = try r.readByte()
        if try r.readByte() == 1 {
            try skipString()
            try skipString()
            for _ in 0..<(try r.readCount(max: r.remaining)) { try skipString() }
        }
        for _ in 0..<(try r.readCount(max: r.remaining)) { _ = try r.readVarint() }
    }

    private static func record(_ r: inout ByteReader) throws(IndexError) -> StoredParagraph {
        let text = try r.readString()
        let first = try r.readCount(max: Int(Int32.max))
        let span = try r.readCount(max: Int(Int32.max))
        let lineStarts = try Self.lineStarts(&r, firstLine: first)
        let kind = ParagraphKindCode.kind(try r.readByte())
        var table: TableContext?
        if try r.readByte() == 1 {
            let caption = try r.readString()
            let unit = try r.readString()
            let n = try r.readCount(max: r.remaining)
            var columns: [String] = []
            for _ in 0..<n { columns.append(try r.readString()) }
            table = TableContext(
                caption: caption.isEmpty ? nil : caption, unit: unit.isEmpty ? nil : unit,
                columns: columns)
        }
        var offsets: [Int32]?
        let n = try r.readCount(max: r.remaining)
        if n > 0 {
            var map: [Int32] = []
            map.reserveCapacity(n)
            var o: Int32 = 0
            for _ in 0..<n {
                o += Int32(try r.readCount(max: Int(Int32.max) - Int(o)))
                map.append(o)
            }
            offsets = map
        }
        return StoredParagraph(
            text: text, firstLine: first, lastLine: first + span, lineStarts: lineStarts, kind: kind,
            table: table, originalOffsets: offsets)
    }

    /// A record's line starts, their gaps summed back (format in StoreFile.swift).
    /// Each gap is bounded so that no sum passes Int32: damaged bytes cannot make
    /// an offset or line number overflow.
    private static func lineStarts(_ r: inout ByteReader, firstLine: Int) throws(IndexError) -> [LineStart] {
        let n = try r.readCount(max: r.remaining / 2)
        guard n > 0 else { return [] }
        var out: [LineStart] = []
        out.reserveCapacity(n)
        var previous = LineStart(offset: 0, line: firstLine)
        for _ in 0..<n {
            let offset = previous.offset + (try r.readCount(max: Int(Int32.max) - previous.offset))
            let line = previous.line + (try r.readCount(max: Int(Int32.max) - previous.line))
            previous = LineStart(offset: offset, line: line)
            out.append(previous)
        }
        return out
    }
}
