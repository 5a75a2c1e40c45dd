/// `mentions --json`, the REPL's mentions in `:json` mode and MENTIONS.

extension MentionsResult: Encodable {
    enum Keys: String, CodingKey { case term, total, by_year, took_ms }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(term, forKey: .term)
        try c.encode(total, forKey: .total)
        try c.encode(byYear, forKey: .by_year)
        try c.encodeTookMs(tookMs)
    }
}

extension YearMentions: Encodable {
    enum Keys: String, CodingKey { case year, count, reports }

    /// `year` is always present (null when unknown), like every key of the schema.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(year, forKey: .year)
        try c.encode(count, forKey: .count)
        try c.encode(reports, forKey: .reports)
    }
}

extension ReportMentions: Encodable {
    enum Keys: String, CodingKey { case doc, region, title, count, paragraphs }

    /// `region` is `null` when unknown, as in every other citation (it was left out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(doc, forKey: .doc)
        try c.encodeOrNull(region, forKey: .region)
        try c.encode(title, forKey: .title)
        try c.encode(count, forKey: .count)
        try c.encode(paragraphs, forKey: .paragraphs)
    }
}

extension Mention: Encodable {
    enum Keys: String, CodingKey { case paragraph, lines, section, snippet }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CitationFields(paragraph: paragraph, lines: lines, section: section), fields: [.paragraph, .lines, .section])
        try c.encode(snippet.text, forKey: .snippet)
    }
}
