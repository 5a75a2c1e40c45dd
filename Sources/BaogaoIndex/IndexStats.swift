/// What `baogao stats` reports about an open index.
public struct IndexStats: Codable, Sendable, Equatable {
    public var formatVersion: UInt32
    public var analyzer: String
    public var generation: Int
    public var segments: Int
    public var reports: Int
    public var deletedReports: Int
    public var paragraphs: Int
    /// Distinct terms per kind, summed over segments (a term in two segments counts twice).
    public var terms: [String: Int]
    /// (term, paragraph) pairs: the number of postings.
    public var postings: Int
    /// Number facts (amounts, percentages, counts) extracted at indexing time.
    public var facts: Int
    /// Bytes of postings and of positions per term kind (`unigram`, `bigram`, `word`).
    public var postingBytesByKind: [String: Int]
    public var positionBytesByKind: [String: Int]
    /// Index bytes per file kind (`terms`, `post`, `pos`, `docs`, `store`, `manifest`).
    public var bytes: [String: Int]
    public var indexBytes: Int
    /// Bytes of the corpus files the live reports were read from.
    public var corpusBytes: Int
    public var indexToCorpus: Double
    public var skippedFiles: [SkippedFile]
}

extension IndexReader {
    public func stats() throws(IndexError) -> IndexStats {
        var terms: [String: Int] = [:]
        var postings = 0
        var bytes: [String: Int] = [:]
        var reports = 0
        var deleted = 0
        var corpus = 0
        var facts = 0
        var postBytes: [String: Int] = [:]
        var posBytes: [String: Int] = [:]
        for segment in segments {
            for kind in TermKind.allCases { terms[kind.name, default: 0] += segment.dictionary.kindCounts[kind] ?? 0 }
            // A term's bytes run to where the next term's start (or to the end of the body).
            var previous: (kind: String, post: Int, pos: Int?, hasPositions: Bool)?
            try segment.dictionary.scan { (key, info) in
                postings += info.docFreq
                let kind = TermKind(rawValue: key.first ?? 0) ?? .word
                if let p = previous {
                    postBytes[p.kind, default: 0] += info.postingsOffset - p.post
                    if let pos = p.pos, p.hasPositions, kind.hasPositions {
                        posBytes[p.kind, default: 0] += info.positionsOffset - pos
                    }
                }
                previous = (
                    kind.name, info.postingsOffset, kind.hasPositions ? info.positionsOffset : previous?.pos, kind.hasPositions
                )
                return true
            }
            facts += try segment.facts.count
            for (ext, file) in segment.entry.files { bytes[ext, default: 0] += file.bytes }
            let dead = Set(segment.entry.deleted)
            reports += segment.entry.reportCount - dead.count
            deleted += dead.count
        }
        // The report records' sizes are in the whole manifest, decoded only here.
        for entry in manifest.segments {
            let dead = Set(entry.deleted)
            for (r, source) in entry.reports.enumerated() where !dead.contains(r) { corpus += source.bytes }
        }
        bytes["manifest"] = IndexFolder(path: path).size(Manifest.fileName)
        let total = bytes.values.reduce(0, +)
        return IndexStats(
            formatVersion: manifest.format, analyzer: manifest.analyzer, generation: manifest.generation,
            segments: segments.count, reports: reports, deletedReports: deleted,
            paragraphs: liveDocCount, terms: terms, postings: postings, facts: facts,
            postingBytesByKind: postBytes, positionBytesByKind: posBytes, bytes: bytes,
            indexBytes: total, corpusBytes: corpus,
            indexToCorpus: corpus == 0 ? 0 : Double(total) / Double(corpus),
            skippedFiles: manifest.skipped)
    }
}
