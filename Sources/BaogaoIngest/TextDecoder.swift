import CICU

/// The encodings a report file can arrive in.
enum SourceEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
}

/// Turns the bytes of a report file into validated UTF-8, whatever encoding they came in.
///
/// The encoding is read from the bytes, never from the file name: a byte-order mark
/// decides first; then bytes that are valid UTF-8 are UTF-8 (GB18030 text of any length
/// is almost never valid UTF-8, so this order is safe); then GB18030 (a superset of GBK
/// and GB2312) through ICU; UTF-16 without a mark is recognised by its NUL bytes.
///
/// A file damaged here and there — one bad byte at the end of 200 MB, a stray NUL —
/// is read with those bytes replaced by U+FFFD and their offsets reported
/// (`Decoded.replaced`); only a file of which more than one byte in twenty cannot be
/// decoded (binary data, an encoding we do not read) is refused.
enum TextDecoder {
    struct Decoded {
        /// Valid UTF-8, without a byte-order mark.
        var utf8: [UInt8]
        var encoding: SourceEncoding
        /// Bytes that could not be decoded and were replaced: how many, and the
        /// offsets of the first few.
        var replaced = Replaced()
    }

    struct Replaced: Equatable {
        var count = 0
        var firstOffsets: [Int] = []

        mutating func add(_ offset: Int) {
            count += 1
            if firstOffsets.count < 5 { firstOffsets.append(offset) }
        }
    }

    /// More than one bad byte in this many, and the file is not text we can read.
    static let toleratedRatio = 20

    static func decode(_ bytes: [UInt8], file: String) throws(IngestError) -> Decoded {
        if bytes.isEmpty { throw .empty(file: file) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = Array(bytes[3...])
            try rejectBinary(body, file: file, base: 3)
            let scan = body.withUnsafeBufferPointer { scanUTF8($0) }
            if scan.invalid == nil && scan.nul == nil { return Decoded(utf8: body, encoding: .utf8) }
            guard let repaired = repairedUTF8(body, base: 3) else {
                throw .undecodable(file: file, encoding: "UTF-8", byteOffset: (scan.invalid ?? scan.nul ?? 0) + 3)
            }
            return repaired
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return try utf16(bytes, from: 2, bigEndian: false, file: file)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return try utf16(bytes, from: 2, bigEndian: true, file: file)
        }
        if let bigEndian = looksLikeBOMlessUTF16(bytes) {
            return try utf16(bytes, from: 0, bigEndian: bigEndian, file: file)
        }
        // One pass validates UTF-8 and counts control bytes (the common case ends here).
        let scan = bytes.withUnsafeBufferPointer { scanUTF8($0) }
        guard let utf8Error = scan.invalid else {
            if scan.nul == nil && !(scan.controls > 8 && scan.controls * 200 > bytes.count) {
                return Decoded(utf8: bytes, encoding: .utf8)
            }
            try rejectBinary(bytes, file: file, base: 0)
            guard let repaired = repairedUTF8(bytes, base: 0) else {
                throw .binary(file: file, byteOffset: scan.nul ?? 0)
            }
            return repaired
        }
        try rejectBinary(bytes, file: file, base: 0)
        switch gb18030(bytes) {
        case .success(let text):
            return Decoded(utf8: text, encoding: .gb18030)
        case .failure(let gbError):
            // UTF-8 with a few bad bytes is read, those bytes replaced.
            if let repaired = repairedUTF8(bytes, base: 0) { return repaired }
            // Report the encoding that read furthest: that is the one the file most
            // likely meant to be in.
            if gbError > utf8Error {
                throw .undecodable(file: file, encoding: "GB18030", byteOffset: gbError)
            }
            throw .undecodable(file: file, encoding: "UTF-8", byteOffset: utf8Error)
        }
    }

    /// The bytes as UTF-8 with every byte that breaks it, and every NUL, replaced by
    /// U+FFFD; nil when more than one byte in `toleratedRatio` had to be. `base` is
    /// the offset of `bytes` in the file, for the reported offsets. Linear: each
    /// scan resumes where the last stopped.
    static func repairedUTF8(_ bytes: [UInt8], base: Int) -> Decoded? {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var replaced = Replaced()
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let scan = scanUTF8(UnsafeBufferPointer(rebasing: p[i...]))
                let end = scan.invalid.map { i + $0 } ?? p.count
                if scan.nul == nil {
                    out.append(contentsOf: p[i..<end])
                } else {
                    for k in i..<end {
                        if p[k] == 0 {
                            out.append(contentsOf: replacement)
                            replaced.add(base + k)
                        } else {
                            out.append(p[k])
                        }
                    }
                }
                guard end < p.count else { break }
                out.append(contentsOf: replacement)
                replaced.add(base + end)
                i = end + 1
            }
        }
        guard replaced.count * toleratedRatio <= bytes.count else { return nil }
        return Decoded(utf8: out, encoding: .utf8, replaced: replaced)
    }

    /// NUL bytes never occur in text, and other C0 controls only as stray artefacts:
    /// a few are tolerated (NULs are replaced later), many mean binary data.
    private static func rejectBinary(_ bytes: [UInt8], file: String, base: Int) throws(IngestError) {
        // Raw buffer loops here and in `scanUTF8`: they touch every byte of the file, and
        // must stay fast in debug builds too (a 20 MB line is a test case).
        let (nuls, firstNUL, controls, firstControl) = bytes.withUnsafeBufferPointer { p -> (Int, Int, Int, Int) in
            var nuls = 0
            var firstNUL = -1
            var controls = 0
            var firstControl = -1
            for i in 0..<p.count {
                let b = p[i]
                if b >= 0x20 { continue }
                if b == 0 {
                    nuls += 1
                    if firstNUL < 0 { firstNUL = i }
                    continue
                }
                if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B || b == 0x1B { continue }
                controls += 1
                if firstControl < 0 { firstControl = i }
            }
            return (nuls, firstNUL, controls, firstControl)
        }
        if nuls * toleratedRatio > bytes.count { throw .binary(file: file, byteOffset: base + firstNUL) }
        if controls > 8 && controls * 200 > bytes.count {
            throw .binary(file: file, byteOffset: base + firstControl)
        }
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    /// A hand-written validator: it is linear and returns the position, which the
    /// standard library's validating initialisers do not.
    static func firstInvalidUTF8(_ array: [UInt8]) -> Int? {
        array.withUnsafeBufferPointer { scanUTF8($0).invalid }
    }

    private struct Scan {
        /// First byte that breaks UTF-8; the scan stops there.
        var invalid: Int?
        /// First NUL before that point.
        var nul: Int?
        /// C0 control bytes other than tab, line ends, form feed, vertical tab and escape.
        var controls = 0
        var firstControl = -1
    }

    private static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan()
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 < 0x20 {
                    if b0 == 0 {
                        if scan.nul == nil { scan.nul = i }
                    } else if !(b0 == 0x09 || b0 == 0x0A || b0 == 0x0D || b0 == 0x0C || b0 == 0x0B || b0 == 0x1B) {
                        scan.controls += 1
                        if scan.firstControl < 0 { scan.firstControl = i }
                    }
                }
                i += 1
                continue
            }
            // Fast path for the common character, a three-byte sequence without the
            // special cases of E0 and ED.
            if b0 >= 0xE1 && b0 <= 0xEC && i + 2 < n && bytes[i + 1] & 0xC0 == 0x80 && bytes[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default:
                scan.invalid = i
                return scan
            }
            if i + length > n {
                scan.invalid = i
                return scan
            }
            let b1 = bytes[i + 1]
            if b1 < lower || b1 > upper {
                scan.invalid = i
                return scan
            }
            var k = 2
            while k < length {
                if bytes[i + k] & 0xC0 != 0x80 {
                    scan.invalid = i
                    return scan
                }
                k += 1
            }
            i += length
        }
        return scan
    }

    /// UTF-16 text without a mark has a NUL in every other byte of its ASCII
    /// characters (line ends at least). Returns the byte order, or nil.
    private static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenNUL = 0
        var oddNUL = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { evenNUL += 1 }
            if bytes[i + 1] == 0 { oddNUL += 1 }
            i += 2
        }
        let pairs = n / 2
        // Chinese text in UTF-16 has NULs only in its ASCII characters (and in a few
        // CJK units such as 一 U+4E00): demand many on one side and few on the other.
        if oddNUL >= 4 && oddNUL * 10 >= pairs && evenNUL * 4 < oddNUL { return false }
        if evenNUL >= 4 && evenNUL * 10 >= pairs && oddNUL * 4 < evenNUL { return true }
        return nil
    }

    private static func utf16(
        _ bytes: [UInt8], from start: Int, bigEndian: Bool,
        file: String
    ) throws(IngestError) -> Decoded {
        let count = (bytes.count - start) / 2
        var units = [UInt16]()
        units.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        let encoding: SourceEncoding = bigEndian ? .utf16BE : .utf16LE
        // Validate surrogates ourselves: String(decoding:) would silently repair them.
        var k = 0
        while k < units.count {
            let u = units[k]
            if u == 0 { throw .binary(file: file, byteOffset: start + 2 * k) }
            if u >= 0xD800 && u <= 0xDBFF {
                guard k + 1 < units.count, units[k + 1] >= 0xDC00, units[k + 1] <= 0xDFFF else {
                    throw .undecodable(file: file, encoding: encoding.rawValue, byteOffset: start + 2 * k)
                }
                k += 2
                continue
            }
            if u >= 0xDC00 && u <= 0xDFFF {
                throw .undecodable(file: file, encoding: encoding.rawValue, byteOffset: start + 2 * k)
            }
            k += 1
        }
        if (bytes.count - start) % 2 != 0 {
            throw .undecodable(file: file, encoding: encoding.rawValue, byteOffset: bytes.count - 1)
        }
        let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
        try rejectBinary(utf8, file: file, base: 0)
        return Decoded(utf8: utf8, encoding: encoding)
    }

    private enum GBResult {
        case success([UInt8])
        case failure(Int)
    }

    /// GB18030 through ICU. Every GB18030 byte yields at most one UTF-16 unit, so a
    /// buffer as long as the input always suffices.
    private static func gb18030(_ bytes: [UInt8]) -> GBResult {
        guard bytes.count < Int(Int32.max) else { return .failure(0) }
        var units = [UInt16](repeating: 0, count: bytes.count + 1)
        var errorOffset: Int32 = 0
        let written: Int32 = bytes.withUnsafeBufferPointer { src in
            units.withUnsafeMutableBufferPointer { dst in
                bg_decode(
                    "GB18030", src.baseAddress, Int32(src.count),
                    dst.baseAddress, Int32(dst.count), &errorOffset)
            }
        }
        if written == -2 { return .failure(Int(errorOffset)) }
        guard written >= 0, Int(written) <= units.count else { return .failure(0) }
        return .success(Array(String(decoding: units[0..<Int(written)], as: UTF16.self).utf8))
    }
}
