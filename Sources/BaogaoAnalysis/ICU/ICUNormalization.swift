import CICU

/// ICU's NFKC with case folding (`nfkc_cf`), called on UTF-16.
///
/// The `Normalizer` calls this only for scalars it has not seen yet and for the
/// rare pieces of text in which scalars compose with each other, so these calls
/// are not on the hot path.
enum ICUNormalization {
    /// Appends nfkc_cf(`input`) to `output`; on an ICU error the input is
    /// appended unchanged, so that normalisation degrades to the identity
    /// instead of losing text.
    static func nfkcCasefold(_ input: [UInt16], into output: inout [UInt16]) {
        guard !input.isEmpty else { return }
        var buffer = [UInt16](repeating: 0, count: input.count * 3 + 8)
        var n = input.withUnsafeBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { dst in
                bg_nfkc_casefold(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
            }
        }
        if n > Int32(buffer.count) {
            // Preflighted: the output did not fit (an unusually long expansion).
            buffer = [UInt16](repeating: 0, count: Int(n))
            n = input.withUnsafeBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { dst in
                    bg_nfkc_casefold(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
                }
            }
        }
        guard n >= 0, n <= Int32(buffer.count) else {
            output.append(contentsOf: input)
            return
        }
        output.append(contentsOf: buffer[0..<Int(n)])
    }

    /// True if nothing before `scalar` can combine with it under nfkc_cf, so that
    /// text can be normalised in independent pieces starting there.
    static func hasBoundaryBefore(_ scalar: UInt32) -> Bool {
        bg_nfkc_casefold_boundary_before(Int32(bitPattern: scalar)) != 0
    }
}

/// UTF-16 ⇄ scalars for the short strings that cross the ICU bridge.
enum UTF16Scalars {
    @inline(__always)
    static func append(_ scalar: UInt32, to units: inout [UInt16]) {
        if scalar < 0x10000 {
            units.append(UInt16(truncatingIfNeeded: scalar))
        } else {
            let v = scalar - 0x10000
            units.append(UInt16(truncatingIfNeeded: 0xD800 + (v >> 10)))
            units.append(UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF)))
        }
    }

    /// Decodes UTF-16 to scalar values; an unpaired surrogate (ICU never
    /// produces one from valid input) becomes U+FFFD.
    static func decode(_ units: ArraySlice<UInt16>, into scalars: inout [UInt32]) {
        var i = units.startIndex
        while i < units.endIndex {
            let u = UInt32(units[i])
            if u & 0xFC00 == 0xD800, i + 1 < units.endIndex, units[i + 1] & 0xFC00 == 0xDC00 {
                scalars.append(0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00))
                i += 2
            } else {
                scalars.append(u & 0xF800 == 0xD800 ? 0xFFFD : u)
                i += 1
            }
        }
    }
}
