#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the head of a manifest's JSON (`ManifestHead`) in one pass, stepping
/// over the report and skipped-file records — most of the bytes — without
/// decoding them. Foundation's `JSONDecoder` builds a value for every element it
/// scans, whatever the type asks for: 35 M instructions of a one-shot search's
/// 281 M on the 200 MiB benchmark index, for a head of a few hundred bytes.
///
/// Plain JSON (RFC 8259): any whitespace, any key order, unknown keys skipped,
/// strings with every escape. As with the whole manifest, the version is judged
/// first: a value of another shape elsewhere is remembered and reported only
/// once `format` is known, so that a newer manifest is reported as newer.
struct ManifestScanner {
    /// Bytes that are not JSON, or a field of another type than the head's.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private let bytes: [UInt8]
    private var at = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The format (nil when absent or not a number) and the rest of the head,
    /// or why it is not one. Throws only for bytes that are not JSON at all.
    static func scan(_ json: [UInt8]) throws(Malformed) -> (format: UInt32?, rest: Result<Rest, Malformed>) {
        var s = ManifestScanner(json)
        var format: UInt32?
        var generation: Int?
        var analyzer: String?
        var segments: [SegmentHead]?
        var shapeError: Malformed?
        try s.object { (s, key) throws(Malformed) in
            switch key {
            case "format": format = try s.field(&shapeError) { (s) throws(Malformed) in try s.uint32() }
            case "generation": generation = try s.field(&shapeError) { (s) throws(Malformed) in try s.int() }
            case "analyzer": analyzer = try s.field(&shapeError) { (s) throws(Malformed) in try s.string() }
            case "segments": segments = try s.field(&shapeError) { (s) throws(Malformed) in try s.segments() }
            default: try s.skipValue()
            }
        }
        s.skipSpace()
        guard s.at == s.bytes.count else { throw Malformed(description: "bytes after the JSON object") }
        if let shapeError { return (format, .failure(shapeError)) }
        guard let generation, let analyzer, let segments else {
            return (format, .failure(Malformed(description: "generation, analyzer or segments missing")))
        }
        return (format, .success(Rest(generation: generation, analyzer: analyzer, segments: segments)))
    }

    struct Rest {
        var generation: Int
        var analyzer: String
        var segments: [SegmentHead]
    }

    // MARK: The manifest's shapes

    private mutating func segments() throws(Malformed) -> [SegmentHead] {
        var out: [SegmentHead] = []
        try array { (s) throws(Malformed) in out.append(try s.segment()) }
        return out
    }

    private mutating func segment() throws(Malformed) -> SegmentHead {
        var name: String?
        var docs: Int?
        var reportCount: Int?
        var deleted: [Int]?
        var files: [String: FileEntry]?
        try object { (s, key) throws(Malformed) in
            switch key {
            case "name": name = try s.string()
            case "docs": docs = try s.int()
            case "deleted":
                var list: [Int] = []
                try s.array { (s) throws(Malformed) in list.append(try s.int()) }
                deleted = list
            case "files":
                var map: [String: FileEntry] = [:]
                try s.object { (s, ext) throws(Malformed) in map[ext] = try s.fileEntry() }
                files = map
            case "reports":
                // Counted, not decoded: they are most of the manifest.
                var n = 0
                try s.array { (s) throws(Malformed) in
                    try s.skipValue()
                    n += 1
                }
                reportCount = n
            default: try s.skipValue()
            }
        }
        guard let name, let docs, let reportCount, let deleted, let files else {
            throw Malformed(description: "a segment without its name, docs, reports, deleted or files")
        }
        return SegmentHead(name: name, docs: docs, reportCount: reportCount, deleted: deleted, files: files)
    }

    private mutating func fileEntry() throws(Malformed) -> FileEntry {
        var bytes: Int?
        var crc: UInt32?
        try object { (s, key) throws(Malformed) in
            switch key {
            case "bytes": bytes = try s.int()
            case "crc": crc = try s.uint32()
            default: try s.skipValue()
            }
        }
        guard let bytes, let crc else { throw Malformed(description: "a file without its bytes or crc") }
        return FileEntry(bytes: bytes, crc: crc)
    }

    /// A head field: decoded by `read`, or, when it has another shape, stepped
    /// over with the shape error kept in `error` (bytes that are not JSON still throw).
    private mutating func field<T>(
        _ error: inout Malformed?, _ read: (inout ManifestScanner) throws(Malformed) -> T
    ) throws(Malformed) -> T? {
        let start = at
        do throws(Malformed) {
            return try read(&self)
        } catch let shape {
            at = start
            try skipValue()
            if error == nil { error = shape }
            return nil
        }
    }

    // MARK: JSON

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 {
            at += 1
        }
    }

    private func malformed(_ what: String) -> Malformed {
        Malformed(description: "\(what) at byte \(at)")
    }

    /// Skips whitespace and consumes `byte`, or throws.
    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { throw malformed("expected '\(Character(Unicode.Scalar(byte)))'") }
        at += 1
    }

    /// Skips whitespace and consumes `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// An object: `member` reads each member's value, given its key.
    private mutating func object(_ member: (inout ManifestScanner, String) throws(Malformed) -> Void) throws(Malformed) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            skipSpace()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// An array: `element` reads each element.
    private mutating func array(_ element: (inout ManifestScanner) throws(Malformed) -> Void) throws(Malformed) {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat { try element(&self) } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    private mutating func int() throws(Malformed) -> Int {
        skipSpace()
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        var value = 0
        let start = at
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(bytes[at] - 0x30))
            guard !o1, !o2 else { throw malformed("a number past Int") }
            value = sum
            at += 1
        }
        guard at > start else { throw malformed("expected an integer") }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] | 0x20 == UInt8(ascii: "e") {
            throw malformed("expected an integer")
        }
        return negative ? -value : value
    }

    private mutating func uint32() throws(Malformed) -> UInt32 {
        let v = try int()
        guard let u = UInt32(exactly: v) else { throw malformed("\(v) is no UInt32") }
        return u
    }

    /// A string, its escapes decoded.
    private mutating func string() throws(Malformed) -> String {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw malformed("expected a string") }
        at += 1
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") {
            guard bytes[at] >= 0x20 else { throw malformed("a control character in a string") }
            at += 1
        }
        guard at < bytes.count else { throw malformed("an unterminated string") }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return String(decoding: bytes[start..<at - 1], as: UTF8.self)
        }
        var out = Array(bytes[start..<at])
        while true {
            guard at < bytes.count else { throw malformed("an unterminated string") }
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &out)
            case ..<0x20: throw malformed("a control character in a string")
            default: out.append(b)
            }
        }
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(Malformed) {
        guard at < bytes.count else { throw malformed("an unterminated escape") }
        let e = bytes[at]
        at += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09
        ]
        if let s = simple[e] {
            out.append(s)
            return
        }
        guard e == UInt8(ascii: "u") else { throw malformed("an unknown escape") }
        var unit = try hex4()
        if (0xD800..<0xDC00).contains(unit) {
            // A high surrogate needs its low one.
            guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                throw malformed("a lone surrogate")
            }
            at += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw malformed("a lone surrogate") }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(unit) else { throw malformed("a lone surrogate") }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard at + 4 <= bytes.count,
            let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
        else { throw malformed("a bad \\u escape") }
        at += 4
        return v
    }

    /// Steps over any value, making nothing of it.
    private mutating func skipValue() throws(Malformed) {
        skipSpace()
        guard at < bytes.count else { throw malformed("expected a value") }
        switch bytes[at] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipNested()
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    /// Steps over an object or array by counting its brackets outside strings,
    /// in one flat pass (a recursive descent that read every key was as slow as
    /// Foundation's). Its inside is checked no further: the manifest's CRC vouched
    /// for its bytes, and whatever decodes them (the whole `Manifest`) checks them.
    private mutating func skipNested() throws(Malformed) {
        let end: Int? = bytes.withUnsafeBufferPointer { b in
            var i = at
            var depth = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    // A string (most of the bytes): to its closing quote.
                    guard let close = Self.closingQuote(b, after: i) else { return nil }
                    i = close
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        }
        guard let end else { throw malformed("an unterminated object or array") }
        at = end
    }

    /// Where the string opened by the quote at `open` closes: the next quote
    /// (found with memchr) with an even run of backslashes before it.
    private static func closingQuote(_ b: UnsafeBufferPointer<UInt8>, after open: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        var from = open + 1
        while from < b.count {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), b.count - from) else { return nil }
            let q = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            var backslashes = 0
            while q - backslashes - 1 > open, b[q - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return q }
            from = q + 1
        }
        return nil
    }

    /// A string's bytes up to its closing quote, escapes stepped over whole.
    private mutating func skipString() throws(Malformed) {
        at += 1
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                at += 1
                return
            case UInt8(ascii: "\\"): at += 2
            case ..<0x20: throw malformed("a control character in a string")
            default: at += 1
            }
        }
        throw malformed("an unterminated string")
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count,
            bytes[at..<at + n].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: n))
        else { throw malformed("expected \(word)") }
        at += n
    }

    private mutating func skipNumber() throws(Malformed) {
        let start = at
        while at < bytes.count, Self.numberBytes.contains(bytes[at]) { at += 1 }
        guard at > start else { throw malformed("expected a value") }
    }

    private static let numberBytes = Set("0123456789+-.eE".utf8)
}
