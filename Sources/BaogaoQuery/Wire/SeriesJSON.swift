/// `series --json`, the REPL's `:series` in `:json` mode and SERIES.
extension SeriesResult: Encodable {
    enum Keys: String, CodingKey { case label, filters, took_ms, regions }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(label, forKey: .label)
        try c.encode(filters, forKey: .filters)
        try c.encodeTookMs(tookMs)
        try c.encode(regions, forKey: .regions)
    }
}

extension RegionSeries: Encodable {
    enum Keys: String, CodingKey { case region, years }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(region, forKey: .region)
        try c.encode(years, forKey: .years)
    }
}

extension SeriesYear: Encodable {
    enum Keys: String, CodingKey { case year, figures, stated_growth, computed_growth }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(year, forKey: .year)
        try c.encode(figures, forKey: .figures)
        try c.encodeOrNull(statedGrowth, forKey: .stated_growth)
        try c.encodeOrNull(computedGrowth.map(SeriesFigure.rounded), forKey: .computed_growth)
    }
}

extension SeriesFigure: Encodable {
    enum Keys: String, CodingKey {
        case stage, label, value, unit, text, relation, scope, id, doc, title, paragraph, lines, section, source,
            superseded
    }

    /// The citation: the sentence's lines, and the report's title beside its file.
    var citationFields: CitationFields {
        var fields = CitationFields(citation)
        fields.title = title
        return fields
    }

    static let citationOrder: [CitationField] = [.id, .doc, .title, .paragraph, .lines, .section, .source]

    /// A computed change to a hundredth of a percent, as reports state them.
    static func rounded(_ percent: Double) -> Double { (percent * 100).rounded() / 100 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(stage.rawValue, forKey: .stage)
        try c.encode(label, forKey: .label)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(text, forKey: .text)
        try c.encodeOrNull(relation, forKey: .relation)
        try c.encodeOrNull(scope, forKey: .scope)
        try c.encode(citationFields, fields: Self.citationOrder)
        try c.encode(superseded, forKey: .superseded)
    }
}
