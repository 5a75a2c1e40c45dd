extension KeyedEncodingContainer {
    /// `took_ms`, to the microsecond: finer digits are noise, and every result
    /// rounds the same way so clients can compare them.
    mutating func encodeTookMs(_ milliseconds: Double) throws {
        guard let key = Key(stringValue: "took_ms") else { preconditionFailure("a result shape without took_ms") }
        try encode((milliseconds * 1000).rounded() / 1000, forKey: key)
    }

    /// The value, or `null`: every object of a shape has the same keys, so a
    /// client never has to tell an absent key from an unknown value.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
