extension KeyedEncodingContainer {
    /// The head of a paged result (`search`, `facts`): what was asked, how much
    /// matched, how long it took and which page this is. One place, so the two
    /// pages cannot come to disagree on a key or its rounding.
    mutating func encodePage(query: String, total: Int, tookMs: Double, offset: Int, limit: Int) throws {
        func key(_ name: String) -> Key {
            guard let key = Key(stringValue: name) else { preconditionFailure("a paged shape without \(name)") }
            return key
        }
        try encode(query, forKey: key("query"))
        try encode(total, forKey: key("total"))
        try encodeTookMs(tookMs)
        try encode(offset, forKey: key("offset"))
        try encode(limit, forKey: key("limit"))
    }
}
