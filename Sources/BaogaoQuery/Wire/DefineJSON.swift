/// `define --json`, the REPL's definitions in `:json` mode and DEFINE.

extension DefineResult: Encodable {
    enum Keys: String, CodingKey { case term, definitions, took_ms }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(term, forKey: .term)
        try c.encode(definitions, forKey: .definitions)
        try c.encodeTookMs(tookMs)
    }
}

extension Definition: Encodable {
    enum Keys: String, CodingKey { case term, text, region, year, citation }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(term, forKey: .term)
        try c.encode(text, forKey: .text)
        try c.encode(region, forKey: .region)
        try c.encode(year, forKey: .year)
        try c.encode(citation, forKey: .citation)
    }
}
