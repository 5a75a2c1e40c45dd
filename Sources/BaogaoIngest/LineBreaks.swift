#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the lines of decoded text are: LF, CRLF and CR all end a line. The
/// one definition of a line number — the cleaner numbers the lines it keeps by
/// it, and `ReportReader.sourceLines` shows a paragraph's lines by it, so a
/// citation's `L12–14` is the same twelve to fourteen for both.
enum LineBreaks {
    /// The byte ranges of the lines of `utf8`, without their line ends; line n is `[n - 1]`.
    static func ranges(of utf8: [UInt8]) -> [Range<Int>] {
        utf8.withUnsafeBufferPointer { p -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(p.count / 40 + 1)
            let n = p.count
            guard let base = p.baseAddress, n > 0 else { return ranges }
            var start = 0
            // Most files have no CR at all; for them memchr finds the line feeds at memory speed.
            if memchr(base, 0x0D, n) == nil {
                while start < n, let hit = memchr(base + start, 0x0A, n - start) {
                    let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    ranges.append(start..<i)
                    start = i + 1
                }
            } else {
                var i = 0
                while i < n {
                    let c = p[i]
                    if c == 0x0A || c == 0x0D {
                        ranges.append(start..<i)
                        if c == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                        start = i + 1
                    }
                    i += 1
                }
            }
            if start < n { ranges.append(start..<n) }
            return ranges
        }
    }
}
