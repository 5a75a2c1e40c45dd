/// Compares a client's token with the server's in time that depends only on
/// their lengths, not on where they first differ, so the token cannot be
/// guessed byte by byte from response times.
enum TokenComparison {
    static func equal(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: given.count ^ expected.count)
        if given.count != expected.count { difference |= 1 }
        // Always walk the expected token in full, whatever was given.
        for i in 0..<expected.count {
            let g = i < given.count ? given[i] : 0
            difference |= g ^ expected[i]
        }
        return difference == 0
    }
}
