import BaogaoIngest

/// Character classes used by the scanner and the finders.
enum ScalarClass {
    /// 0–9 for ASCII and full-width digits.
    @inline(__always)
    static func digit(_ c: Unicode.Scalar) -> UInt32? {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return v - 0x30 }
        if v >= 0xFF10 && v <= 0xFF19 { return v - 0xFF10 }
        return nil
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool { digit(c) != nil }

    @inline(__always)
    static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// Punctuation that ends a clause: a label never reaches across it.
    @inline(__always)
    static func isClauseStop(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "。", "；", ";", "：", ":", "！", "!", "？", "?", "、", "（", "(", "）", ")",
            "\n", "【", "】", "《", "》", "|":
            return true
        default:
            return false
        }
    }

    /// Punctuation that ends a sentence: labels are inherited only inside one.
    @inline(__always)
    static func isSentenceStop(_ c: Unicode.Scalar) -> Bool {
        SentenceBoundaries.endsStatement(c) || c == "\n"
    }

    /// Scalars to a String, encoded straight into the string's own storage (labels,
    /// scopes and figures of every fact: a byte array between cost an allocation each).
    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: s.count * 4) { buffer in
            var n = 0
            for c in s {
                let v = c.value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | (v >> 6))
                    buffer[n + 1] = UInt8(0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | (v >> 12))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F))
                    n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | (v >> 18))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 3] = UInt8(0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return n
        }
    }

    /// The paragraph's scalars, or nil when it holds no digit (ASCII 30–39 or
    /// full-width EF BC 90–99): one pass over the UTF-8 bytes, and paragraphs without a
    /// number cost nothing more.
    static func scalarsIfDigits(_ text: String) -> [Unicode.Scalar]? {
        var text = text
        return text.withUTF8 { bytes -> [Unicode.Scalar]? in
            var found = false
            var k = 0
            let n = bytes.count
            while k < n {
                let b = bytes[k]
                if b >= 0x30 && b <= 0x39 {
                    found = true
                    break
                }
                if b == 0xEF && k + 2 < n && bytes[k + 1] == 0xBC && bytes[k + 2] >= 0x90 && bytes[k + 2] <= 0x99 {
                    found = true
                    break
                }
                k += 1
            }
            guard found else { return nil }
            // A String is valid UTF-8, so a plain decoder suffices; it writes straight
            // into the array's storage (at most one scalar per byte).
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
                var k = 0
                var written = 0
                while k < n {
                    let len = UTF8Decoding.length(lead: bytes[k])
                    guard k + len <= n else { break }
                    let v = UTF8Decoding.scalar(bytes, at: k, length: len)
                    buffer.initializeElement(at: written, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                    written += 1
                    k += len
                }
                count = written
            }
        }
    }
}
