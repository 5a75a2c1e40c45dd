/// `compare --json`, the REPL's `:compare` in `:json` mode and COMPARE.
extension CompareResult: Encodable {
    enum Keys: String, CodingKey { case label, year, filters, total, took_ms, rows }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(label, forKey: .label)
        try c.encode(year, forKey: .year)
        try c.encode(filters, forKey: .filters)
        try c.encode(rows.count, forKey: .total)
        try c.encodeTookMs(tookMs)
        try c.encode(rows, forKey: .rows)
    }
}

extension CompareRow: Encodable {
    enum Keys: String, CodingKey { case rank, region, figure, stated_growth }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(region, forKey: .region)
        try c.encode(figure, forKey: .figure)
        try c.encodeOrNull(statedGrowth, forKey: .stated_growth)
    }
}
