/// The deep structural check of one segment, what `baogao check` adds to the
/// CRCs: every byte a query could decode is decoded once, with the bounds checks
/// the readers already make, so damage that a CRC cannot see (a writer's bug)
/// or that a lazy open does not reach is named before a query meets it.
extension SegmentReader {
    /// What the walk saw, for the report.
    public struct Census: Sendable, Equatable {
        public var terms = 0
        public var postings = 0
        public var positions = 0
        public var storedParagraphs = 0

        public init() {}
    }

    /// Walks the term dictionary in order, every term's postings and positions,
    /// and every block of the store. Throws the first damage found.
    public func checkStructure() throws(IndexError) -> Census {
        var census = Census()
        try checkTerms(&census)
        try checkStore(&census)
        return census
    }

    /// Keys strictly ascending, counts matching the trailer, every posting
    /// decodable and below the document count (the cursor checks that).
    private func checkTerms(_ census: inout Census) throws(IndexError) {
        var previous: [UInt8]?
        var kinds: [TermKind: Int] = [:]
        try dictionary.scan { (key, info) throws(IndexError) in
            if let previous, compare(previous, key) >= 0 {
                throw .damaged(file: name + ".terms", reason: "terms out of order at term \(census.terms)")
            }
            previous = Array(key)
            let kind = try Self.kind(of: key, file: name + ".terms")
            kinds[kind == .joinedBigram ? .bigram : kind, default: 0] += 1
            census.terms += 1
            if WordFlags.gramKey(ofWord: key) != nil {
                try walkFlags(Array(key), info, census: &census)
            } else {
                try walkPostings(info, kind: kind, census: &census)
            }
            return true
        }
        guard census.terms == dictionary.termCount, kinds == dictionary.kindCounts.filter({ $0.value > 0 }) else {
            throw .damaged(file: name + ".terms", reason: "term counts differ from the trailer's")
        }
    }

    private static func kind(of key: UnsafeRawBufferPointer, file: String) throws(IndexError) -> TermKind {
        guard let first = key.first, let kind = TermKind(rawValue: first) else {
            throw .damaged(file: file, reason: "a term of unknown kind")
        }
        return kind
    }

    private func walkPostings(_ info: TermInfo, kind: TermKind, census: inout Census) throws(IndexError) {
        var cursor = try cursor(info, kind: kind)
        var count = 0
        while try cursor.next() {
            count += 1
            // Frequencies are decoded (and bounded) only when read: read each one.
            _ = try cursor.frequency()
            census.positions += try cursor.positions().count
        }
        guard count == info.docFreq else {
            throw .damaged(file: name + ".post", reason: "a term holds \(count) documents, the dictionary says \(info.docFreq)")
        }
        census.postings += count
    }

    /// A word stored as flags: its gram is there, the flags are whole, and as
    /// many documents hold the word as the dictionary says.
    private func walkFlags(_ key: [UInt8], _ info: TermInfo, census: inout Census) throws(IndexError) {
        guard var docs = try wordDocs(key) else { return }
        let count = try docs.countAll()
        guard count == info.docFreq else {
            throw .damaged(
                file: name + ".post", reason: "a word's flags hold \(count) documents, the dictionary says \(info.docFreq)")
        }
        census.postings += count
    }

    /// Every block decompresses and decodes, and they hold every document once.
    private func checkStore(_ census: inout Census) throws(IndexError) {
        var doc = 0
        while doc < docs.docCount {
            let (first, paragraphs) = try store.block(containing: doc)
            guard first == doc, !paragraphs.isEmpty else {
                throw .damaged(file: name + ".store", reason: "document \(doc) is not where its block says")
            }
            doc += paragraphs.count
        }
        guard doc == docs.docCount else {
            throw .damaged(file: name + ".store", reason: "\(doc) paragraphs stored for \(docs.docCount) documents")
        }
        census.storedParagraphs = doc
    }
}
