import BaogaoIndex

/// The answer to a search: how many paragraphs matched, and a page of hits.
public struct SearchResult: Sendable {
    public var query: String
    public var total: Int
    public var tookMs: Double
    public var offset: Int
    public var limit: Int
    public var hits: [SearchHit]
    /// When the query has a number range: the matching facts (see `Searcher.facts`).
    public var facts: FactsResult?
}

/// One matching paragraph with its citation, score and snippet.
public struct SearchHit: Sendable {
    public var paragraph: IndexedParagraph
    public var score: Double
    /// A window of the original text around the best match.
    public var snippet: Snippet
    /// Every match in the paragraph's original text, in Unicode scalar offsets.
    public var highlights: [Range<Int>]
}

extension SearchResult: Encodable {
    enum Keys: String, CodingKey { case query, total, took_ms, offset, limit, hits, facts }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode((tookMs * 1000).rounded() / 1000, forKey: .took_ms)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
        try c.encode(hits, forKey: .hits)
        try c.encodeIfPresent(facts, forKey: .facts)
    }
}

extension SearchHit: Encodable {
    enum Keys: String, CodingKey {
        case id, doc, title, region, years, source, section, paragraph, lines, year, text, snippet,
             snippet_highlights, highlights, score
    }

    public func encode(to encoder: any Encoder) throws {
        let p = paragraph
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(p.id, forKey: .id)
        try c.encode(p.report.doc, forKey: .doc)
        try c.encode(p.report.title, forKey: .title)
        try c.encode(p.report.region, forKey: .region)
        try c.encode(ReportYears(execution: p.report.executionYear, budget: p.report.budgetYear), forKey: .years)
        try c.encode(p.report.metadata.source, forKey: .source)
        try c.encode(p.section, forKey: .section)
        try c.encode(p.number, forKey: .paragraph)
        try c.encode([p.firstLine, p.lastLine], forKey: .lines)
        try c.encode(p.year, forKey: .year)
        try c.encode(p.text, forKey: .text)
        try c.encode(snippet.text, forKey: .snippet)
        try c.encode(snippet.highlights.map { [$0.lowerBound, $0.upperBound] }, forKey: .snippet_highlights)
        try c.encode(highlights.map { [$0.lowerBound, $0.upperBound] }, forKey: .highlights)
        try c.encode((score * 10000).rounded() / 10000, forKey: .score)
    }
}

/// `{"execution": 2023, "budget": 2024}`, as `baogao paragraphs --json` writes them.
public struct ReportYears: Encodable, Sendable, Equatable {
    public var execution: Int?
    public var budget: Int?
}

/// Where a paragraph is in the open index (not stable across commits: use
/// `IndexedParagraph.id` for that).
public struct IndexedParagraphRef: Sendable, Hashable {
    public var segment: Int
    public var doc: Int
}
