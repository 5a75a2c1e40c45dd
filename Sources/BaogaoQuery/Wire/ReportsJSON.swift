/// `reports --json`, the REPL's `:reports` in `:json` mode and REPORTS.

extension ReportsResult: Encodable {
    enum Keys: String, CodingKey { case query, total, took_ms, reports }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(query, forKey: .query)
        try c.encode(reports.count, forKey: .total)
        try c.encodeTookMs(tookMs)
        try c.encode(reports, forKey: .reports)
    }
}

extension ReportListing: Encodable {
    enum Keys: String, CodingKey {
        case doc, title, region, region_code, region_chain, level, kind, years, period, date, source,
            paragraphs, facts, sources
    }

    struct SourcesJSON: Encodable {
        var region, level, kind, years, period, date: String
    }

    public func encode(to encoder: any Encoder) throws {
        let m = metadata
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(m.title, forKey: .title)
        try c.encodeOrNull(m.region, forKey: .region)
        try c.encodeOrNull(m.regionCode, forKey: .region_code)
        try c.encode(m.regionChain, forKey: .region_chain)
        try c.encodeOrNull(m.level?.rawValue, forKey: .level)
        try c.encodeOrNull(m.kind?.rawValue, forKey: .kind)
        try c.encode(ReportYears(execution: m.executionYear, budget: m.budgetYear), forKey: .years)
        try c.encodeOrNull(m.period, forKey: .period)
        try c.encodeOrNull(m.date, forKey: .date)
        try c.encodeOrNull(m.source, forKey: .source)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(facts, forKey: .facts)
        let s = m.sources
        try c.encode(
            SourcesJSON(
                region: s.region.rawValue, level: s.level.rawValue, kind: s.kind.rawValue,
                years: s.years.rawValue, period: s.period.rawValue, date: s.date.rawValue),
            forKey: .sources)
    }
}
