/// Patched frame-of-reference bit packing of blocks of 128 unsigned integers,
/// the compression of full postings blocks (as in Lucene's PForUtil; format 12):
/// the values are packed at a width `w` in `16 * w` bytes, least significant
/// bits first, and the few values wider than `w` (at most 8 bits wider) keep
/// their high bits apart, as exceptions.
///
///     Block      = token u8 · [count u8 · count × (index u8 · high u8)] · Packed
///     token      = w (bits 0–5, 0…32) | 0x80 when exceptions follow; bit 6 is 0
///     Packed     = 16 × w bytes: value i's low w bits at bit i·w
///     exception  = value[index] = packed value | high << w
///
/// `pack` chooses the `w` of the fewest bytes, counting two bytes an exception
/// and one for their count: one wide value no longer widens the other 127. In
/// the postings and positions of a 40 MiB corpus that saved 6.6–10.6 % of
/// each kind's blocks.
///
///     values [3, 0, 2, 1, …] all below 4 → token 0x02, then bits 11 00 01 10 …
///     packed from bit 0 of the first byte upwards: 0b10_01_00_11 = 0x93, …
///     values [1, 0, 300, 1, 0, …] → token 0x81 (w = 1, exceptions), count 01,
///     exception 02 96 (index 2, 300 >> 1 = 150), then the low bits 1 0 0 1 0 …
enum BitPacking {
    static let blockSize = 128
    static let exceptionsFlag: UInt8 = 0x80
    /// Exceptions keep at most this many high bits, one byte.
    static let maxExceptionBits = 8

    /// Bytes the packed values of width `w` occupy.
    @inline(__always)
    static func packedBytes(width w: Int) -> Int { 16 * w }

    static func pack(_ values: UnsafeBufferPointer<UInt32>, into out: inout ByteWriter) {
        precondition(values.count == blockSize)
        let (w, exceptions) = patchedWidth(values)
        out.write(UInt8(w) | (exceptions > 0 ? exceptionsFlag : 0))
        if exceptions > 0 {
            out.write(UInt8(exceptions))
            for (i, v) in values.enumerated() where v >> UInt32(w) != 0 {
                out.write(UInt8(i))
                out.write(UInt8(v >> UInt32(w)))
            }
        }
        guard w > 0 else { return }
        let mask: UInt64 = (1 << UInt64(w)) - 1
        // 128 values of w bits are exactly 2w little-endian 64-bit words: fill
        // one word at a time rather than appending byte by byte.
        out.write(count: packedBytes(width: w)) { block in
            var acc: UInt64 = 0
            var bits = 0
            var word = 0
            for value in values {
                let v = UInt64(value) & mask
                acc |= v << UInt64(bits)
                bits += w
                if bits >= 64 {
                    block.storeBytes(of: acc.littleEndian, toByteOffset: word * 8, as: UInt64.self)
                    word += 1
                    bits -= 64
                    // The bits of v that did not fit in the word just stored.
                    acc = bits == 0 ? 0 : v >> UInt64(w - bits)
                }
            }
        }
    }

    /// The width of the fewest bytes: that of the widest value, or up to
    /// `maxExceptionBits` less with the values wider than it as exceptions.
    /// On a tie, the wider (fewer exceptions to patch). Also how many values are
    /// wider than it.
    static func patchedWidth(_ values: UnsafeBufferPointer<UInt32>) -> (width: Int, exceptions: Int) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 33) { byWidth in
            byWidth.initialize(repeating: 0)
            var full = 0
            for v in values {
                let width = 32 - v.leadingZeroBitCount
                byWidth[width] += 1
                full = max(full, width)
            }
            var best = (width: full, exceptions: 0)
            var bestBytes = packedBytes(width: full)
            var wider = 0  // values wider than w
            var w = full - 1
            while w >= max(0, full - maxExceptionBits) {
                wider += byWidth[w + 1]
                let bytes = packedBytes(width: w) + 1 + 2 * wider
                if bytes < bestBytes {
                    best = (w, wider)
                    bestBytes = bytes
                }
                w -= 1
            }
            return best
        }
    }

    /// The length of the block at `offset` (token, exceptions and packed values),
    /// for stepping over it; nil when its token is not one `pack` writes.
    static func blockLength(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        guard offset >= 0, offset < bytes.count else { return nil }
        let token = bytes[offset]
        let w = Int(token & 0x3F)
        guard w <= 32, token & 0x40 == 0 else { return nil }
        guard token & exceptionsFlag != 0 else { return 1 + packedBytes(width: w) }
        guard offset + 1 < bytes.count else { return nil }
        return 2 + 2 * Int(bytes[offset + 1]) + packedBytes(width: w)
    }

    /// The widest a value of the block whose token is `token` can be.
    static func maxWidth(token: UInt8) -> Int {
        Int(token & 0x3F) + (token & exceptionsFlag != 0 ? maxExceptionBits : 0)
    }

    /// Unpacks a block of 128 values written by `pack` from `reader` into `out`.
    static func unpack(_ reader: inout ByteReader, into out: UnsafeMutablePointer<UInt32>) throws(IndexError) {
        let token = try reader.readByte()
        let w = Int(token & 0x3F)
        guard w <= 32, token & 0x40 == 0 else { throw reader.damaged("bit width \(w) out of range") }
        var exceptions = UnsafeRawBufferPointer(start: nil, count: 0)
        if token & exceptionsFlag != 0 {
            let count = Int(try reader.readByte())
            // A block of width 32 has no bits left for exceptions.
            guard count > 0, w < 32 else {
                throw reader.damaged("exceptions of a block of width \(w) out of range")
            }
            exceptions = try reader.readBytes(2 * count)
        }
        try unpackValues(&reader, width: w, into: out)
        guard let ex = exceptions.baseAddress else { return }
        // High bits of 8 above a width of at most 24 always fit in 32 bits.
        let highLimit: UInt32 = w <= 32 - maxExceptionBits ? 0xFF : UInt32.max >> UInt32(w)
        for k in stride(from: 0, to: exceptions.count, by: 2) {
            let index = Int(ex.load(fromByteOffset: k, as: UInt8.self))
            let high = UInt32(ex.load(fromByteOffset: k + 1, as: UInt8.self))
            guard index < blockSize, high <= highLimit else {
                throw reader.damaged("exception \(k / 2) of a packed block out of range")
            }
            out[index] |= high << UInt32(w)
        }
    }

    /// The packed values of width `w` from `reader` into `out`.
    @inline(__always)
    private static func unpackValues(
        _ reader: inout ByteReader, width w: Int, into out: UnsafeMutablePointer<UInt32>
    ) throws(IndexError) {
        if w == 0 {
            out.update(repeating: 0, count: blockSize)
            return
        }
        let n = packedBytes(width: w)
        let bytes = try reader.readBytes(n)
        guard let base = bytes.baseAddress else { throw reader.damaged("empty packed block") }
        // When the buffer holds 8 more bytes after the block (nearly always: the
        // next block, the next term), every value is read with one unaligned
        // 8-byte load, through a copy of the loop specialised for its width.
        if reader.remaining >= 8 {
            unpackWide(base, into: out, width: w)
            return
        }
        let mask: UInt64 = (1 << UInt64(w)) - 1
        // Value i starts at bit i·w. While its byte is at least 8 bytes before the
        // end of the block, one unaligned 8-byte load holds all of it (shift ≤ 7,
        // w ≤ 32); the last few values are assembled byte by byte, so decoding
        // never touches memory past the block.
        let wide = min(blockSize, (8 * (n - 8)) / w + 1)
        var bitOffset = 0
        for i in 0..<wide {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bitOffset &>> 3, as: UInt64.self))
            out[i] = UInt32(truncatingIfNeeded: (word &>> UInt64(bitOffset & 7)) & mask)
            bitOffset &+= w
        }
        for i in wide..<blockSize {
            let byteIndex = bitOffset >> 3
            var word: UInt64 = 0
            var k = 0
            while byteIndex + k < n, k < 8 {
                word |= UInt64(base.load(fromByteOffset: byteIndex + k, as: UInt8.self)) << UInt64(8 * k)
                k += 1
            }
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bitOffset & 7)) & mask)
            bitOffset += w
        }
    }

    /// Unpacks 128 values of width `w` (1…32) with 8-byte loads that may read up
    /// to 7 bytes past the block. This is the innermost loop of every query:
    /// the switch gives each width its own copy of `unpackEights`, where the
    /// width is a constant, so that every load offset, shift and mask is too
    /// (Lucene's ForUtil and tantivy's bitpacker are generated per width for
    /// the same reason). A copy decodes a value in about four instructions;
    /// the general loop took about nine.
    private static func unpackWide(_ base: UnsafeRawPointer, into out: UnsafeMutablePointer<UInt32>, width w: Int) {
        switch w {
        case 1: unpackEights(base, out, 1)
        case 2: unpackEights(base, out, 2)
        case 3: unpackEights(base, out, 3)
        case 4: unpackEights(base, out, 4)
        case 5: unpackEights(base, out, 5)
        case 6: unpackEights(base, out, 6)
        case 7: unpackEights(base, out, 7)
        case 8: unpackEights(base, out, 8)
        case 9: unpackEights(base, out, 9)
        case 10: unpackEights(base, out, 10)
        case 11: unpackEights(base, out, 11)
        case 12: unpackEights(base, out, 12)
        case 13: unpackEights(base, out, 13)
        case 14: unpackEights(base, out, 14)
        case 15: unpackEights(base, out, 15)
        case 16: unpackEights(base, out, 16)
        case 17: unpackEights(base, out, 17)
        case 18: unpackEights(base, out, 18)
        case 19: unpackEights(base, out, 19)
        case 20: unpackEights(base, out, 20)
        case 21: unpackEights(base, out, 21)
        case 22: unpackEights(base, out, 22)
        case 23: unpackEights(base, out, 23)
        case 24: unpackEights(base, out, 24)
        case 25: unpackEights(base, out, 25)
        case 26: unpackEights(base, out, 26)
        case 27: unpackEights(base, out, 27)
        case 28: unpackEights(base, out, 28)
        case 29: unpackEights(base, out, 29)
        case 30: unpackEights(base, out, 30)
        case 31: unpackEights(base, out, 31)
        default: unpackEights(base, out, 32)
        }
    }

    /// Eight values of width `w` take exactly `w` bytes: the 128 values are 16
    /// runs of eight, each starting on a byte, so within a run the load offsets
    /// and shifts depend on `w` alone.
    @inline(__always)
    private static func unpackEights(_ base: UnsafeRawPointer, _ out: UnsafeMutablePointer<UInt32>, _ w: Int) {
        let mask: UInt64 = (1 << UInt64(w)) - 1
        for run in 0..<(blockSize / 8) {
            let bytes = base + run * w
            let values = out + run * 8
            for k in 0..<8 {
                let bit = k * w
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                values[k] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        }
    }
}
