/// `facts --json`, a search's `facts` when it has a number range, and FACTS.

extension FactsResult: Encodable {
    enum Keys: String, CodingKey { case query, total, took_ms, offset, limit, facts, hint }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodePage(query: query, total: total, tookMs: tookMs, offset: offset, limit: limit)
        try c.encode(facts, forKey: .facts)
        try c.encodeIfPresent(hint, forKey: .hint)
    }
}

extension FactHit: Encodable {
    enum Keys: String, CodingKey {
        case label, value, unit, kind, text, relation, scope, year, approximate, qualifier, column,
            doc, id, title, region, source, paragraph, lines, pages, page_lines, section
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(fact.label, forKey: .label)
        try c.encode(fact.value, forKey: .value)
        try c.encode(fact.unit, forKey: .unit)
        try c.encode(fact.kind.rawValue, forKey: .kind)
        try c.encode(fact.text, forKey: .text)
        try c.encode(fact.relation, forKey: .relation)
        try c.encode(fact.scope, forKey: .scope)
        // `year` is the fact's own year (the one it speaks of), not the paragraph's.
        try c.encode(fact.year, forKey: .year)
        try c.encode(fact.approximate, forKey: .approximate)
        try c.encode(fact.qualifier, forKey: .qualifier)
        try c.encode(fact.column, forKey: .column)
        try c.encode(
            CitationFields(paragraph),
            fields: [.doc, .id, .title, .region, .source, .paragraph, .lines, .pages, .pageLines, .section])
    }
}
