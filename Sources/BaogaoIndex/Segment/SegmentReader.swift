import BaogaoIngest

/// One committed segment, mapped read-only and shared by all threads.
public final class SegmentReader: @unchecked Sendable {
    public let name: String
    /// The segment's manifest entry, without its report records.
    let entry: SegmentHead
    private let files: [IndexFormat.Kind: MappedFile]
    let dictionary: TermDictionary
    let docs: DocsTable
    let store: StoreReader
    /// The `.facts` body, decoded on first use (`facts`): a search never reads it.
    private let factsBody: UnsafeRawBufferPointer
    private let factsTable = OnFirstUse<FactsTable>()
    private let postingsBody: UnsafeRawBufferPointer
    private let positionsBody: UnsafeRawBufferPointer
    /// `deleted[d]` is true for documents of replaced or removed reports; empty when none are.
    private let deleted: [Bool]
    public let liveDocCount: Int

    convenience init(folder: IndexFolder, entry: SegmentEntry, verifyChecksums: Bool) throws(IndexError) {
        try self.init(folder: folder, entry: SegmentHead(entry), verifyChecksums: verifyChecksums)
    }

    init(folder: IndexFolder, entry: SegmentHead, verifyChecksums: Bool) throws(IndexError) {
        name = entry.name
        self.entry = entry
        var files: [IndexFormat.Kind: MappedFile] = [:]
        var bodies: [IndexFormat.Kind: UnsafeRawBufferPointer] = [:]
        for kind in IndexFormat.Kind.allCases {
            let fileName = entry.name + "." + kind.fileExtension
            guard let expected = entry.files[kind.fileExtension] else {
                throw .damaged(file: fileName, reason: "not listed in the manifest")
            }
            let mapped: MappedFile
            do { mapped = try MappedFile(path: folder.file(fileName)) } catch {
                throw .damaged(file: fileName, reason: "missing or unreadable")
            }
            guard mapped.bytes.count == expected.bytes else {
                throw .damaged(
                    file: fileName, reason: "\(mapped.bytes.count) bytes, the manifest says \(expected.bytes) (truncated?)")
            }
            let body = try IndexFormat.checkFrame(
                mapped.bytes, kind: kind, file: fileName,
                verifyChecksum: verifyChecksums)
            var footer = ByteReader(mapped.bytes, offset: mapped.bytes.count - IndexFormat.footerSize, file: fileName)
            guard try footer.readU32() == expected.crc else {
                throw .damaged(file: fileName, reason: "checksum differs from the manifest's")
            }
            files[kind] = mapped
            bodies[kind] = body
        }
        self.files = files
        let body = { (k: IndexFormat.Kind) in bodies[k] ?? UnsafeRawBufferPointer(start: nil, count: 0) }
        dictionary = try TermDictionary(body: body(.terms), file: entry.name + ".terms")
        docs = try DocsTable(body: body(.docs), file: entry.name + ".docs")
        store = try StoreReader(body: body(.store), file: entry.name + ".store")
        factsBody = body(.facts)
        postingsBody = body(.postings)
        positionsBody = body(.positions)
        guard docs.docCount == entry.docs, store.docCount == entry.docs, docs.reportCount == entry.reportCount else {
            throw .damaged(file: entry.name + ".docs", reason: "document count differs from the manifest's")
        }
        if entry.deleted.isEmpty {
            deleted = []
            liveDocCount = docs.docCount
        } else {
            // Only a segment with deleted reports reads where reports are at open.
            let reports = try docs.reportDirectory().docs
            var mask = [Bool](repeating: false, count: docs.docCount)
            var live = docs.docCount
            for r in entry.deleted where r >= 0 && r < reports.count {
                for d in reports[r] where !mask[d] {
                    mask[d] = true
                    live -= 1
                }
            }
            deleted = mask
            liveDocCount = live
        }
        if verifyChecksums {
            // A verified reader (check, merge, the segments an update builds on)
            // reads every table now, as every open once did.
            try docs.decodeAll()
            _ = try facts
        }
    }

    /// The segment's number facts, decoded and checked (every fact's paragraph
    /// and attribute, where each paragraph's facts start) the first time they
    /// are read: `IndexError.damaged` naming the `.facts` file, to every reader,
    /// when they are not whole.
    public var facts: FactsTable {
        get throws(IndexError) {
            try factsTable.value { () throws(IndexError) in
                try FactsTable(body: factsBody, file: name + ".facts", docCount: docs.docCount)
            }
        }
    }

    /// Whether the facts were decoded yet: what a test of a lazy open asks.
    var factsDecoded: Bool { factsTable.isDecoded }

    public var docCount: Int { docs.docCount }
    public var totalLength: UInt64 { docs.totalLength }

    @inline(__always)
    public func isDeleted(_ doc: Int) -> Bool { !deleted.isEmpty && deleted[doc] }

    func termInfo(_ key: [UInt8]) throws(IndexError) -> TermInfo? {
        try dictionary.lookup(key)
    }

    /// A cursor over the postings of `key`, or nil when the segment lacks the term.
    /// Words are read with `wordDocs`: some are stored as flags, not postings.
    public func postings(_ key: [UInt8]) throws(IndexError) -> PostingsCursor? {
        let kind = TermKind(rawValue: key.first ?? 0) ?? .word
        precondition(kind != .word, "words are read with wordDocs")
        guard let info = try dictionary.lookup(key) else { return nil }
        return try cursor(info, kind: kind)
    }

    /// The documents holding word `key` (`TermKey` of kind `.word`), or nil when
    /// the segment lacks it: from its postings, or from its gram's postings and
    /// its flags (`WordFlags`).
    public func wordDocs(_ key: [UInt8]) throws(IndexError) -> WordDocs? {
        guard let info = try dictionary.lookup(key) else { return nil }
        guard let gramKey = WordFlags.gramKey(ofWord: key) else {
            return WordDocs(postings: try cursor(info, kind: .word))
        }
        guard let gram = try dictionary.lookup(gramKey) else {
            throw .damaged(
                file: name + ".terms", reason: "the word \(String(decoding: key.dropFirst(), as: UTF8.self)) has no gram")
        }
        let kind: TermKind = gramKey.first == TermKind.unigram.rawValue ? .unigram : .bigram
        return try WordDocs(
            gram: try cursor(gram, kind: kind), postings: postingsBody, offset: info.postingsOffset, file: name + ".post")
    }

    func cursor(_ info: TermInfo, kind: TermKind) throws(IndexError) -> PostingsCursor {
        try PostingsCursor(
            postings: postingsBody, positions: positionsBody, file: name + ".post",
            info: info, hasPositions: kind.hasPositions, docCount: docs.docCount)
    }

    public func docFreq(_ key: [UInt8]) throws(IndexError) -> Int {
        let n = try dictionary.lookup(key)?.docFreq ?? 0
        // Ranking divides by it and sizes arrays from it: a damaged count is refused here.
        guard n <= docs.docCount else {
            throw .damaged(file: name + ".terms", reason: "document frequency \(n) above the segment's \(docs.docCount)")
        }
        return n
    }

    /// Terms of the segment starting with `prefix`, with their document frequencies.
    public func terms(withPrefix prefix: [UInt8], limit: Int = .max) throws(IndexError) -> [([UInt8], Int)] {
        try dictionary.terms(withPrefix: prefix, limit: limit).map { ($0.0, $0.1.docFreq) }
    }

    func file(_ kind: IndexFormat.Kind) -> MappedFile? { files[kind] }
}
