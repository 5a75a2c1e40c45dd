/// `search --json`, the REPL's search in `:json` mode and the server's SEARCH.

extension SearchResult: Encodable {
    enum Keys: String, CodingKey { case query, total, took_ms, offset, limit, hits, facts }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodePage(query: query, total: total, tookMs: tookMs, offset: offset, limit: limit)
        try c.encode(hits, forKey: .hits)
        try c.encodeIfPresent(facts, forKey: .facts)
    }
}

extension SearchHit: Encodable {
    enum Keys: String, CodingKey {
        case id, doc, title, region, years, source, section, paragraph, lines, pages, page_lines, year, text, snippet,
            snippet_highlights, highlights, score
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CitationFields(paragraph), fields: ParagraphJSON.citation)
        try c.encode(paragraph.text, forKey: .text)
        try c.encode(snippet.text, forKey: .snippet)
        try c.encode(snippet.highlights.map { [$0.lowerBound, $0.upperBound] }, forKey: .snippet_highlights)
        try c.encode(highlights.map { [$0.lowerBound, $0.upperBound] }, forKey: .highlights)
        try c.encode((score * 10000).rounded() / 10000, forKey: .score)
    }
}
