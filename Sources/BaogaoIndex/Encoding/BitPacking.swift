/// Frame-of-reference bit packing of blocks of 128 unsigned integers, the
/// compression of full postings blocks (as in Lucene's ForUtil and tantivy's
/// bitpacker): one byte with the bit width `w` of the largest value, then the
/// 128 values in `16 * w` bytes, least significant bits first.
///
///     values [3, 0, 2, 1, …] with w = 2 → 0x02, then bits 11 00 01 10 … packed
///     from bit 0 of the first byte upwards: 0b10_01_00_11 = 0x93, …
enum BitPacking {
    static let blockSize = 128

    /// Bytes a packed block of width `w` occupies after its width byte.
    @inline(__always)
    static func packedBytes(width w: Int) -> Int { 16 * w }

    static func pack(_ values: UnsafeBufferPointer<UInt32>, into out: inout ByteWriter) {
        precondition(values.count == blockSize)
        var maxValue: UInt32 = 0
        for v in values { maxValue |= v }
        let w = maxValue == 0 ? 0 : 32 - maxValue.leadingZeroBitCount
        out.write(UInt8(w))
        guard w > 0 else { return }
        // 128 values of w bits are exactly 2w little-endian 64-bit words: fill
        // one word at a time rather than appending byte by byte.
        out.write(count: packedBytes(width: w)) { block in
            var acc: UInt64 = 0
            var bits = 0
            var word = 0
            for v in values {
                acc |= UInt64(v) << UInt64(bits)
                bits += w
                if bits >= 64 {
                    block.storeBytes(of: acc.littleEndian, toByteOffset: word * 8, as: UInt64.self)
                    word += 1
                    bits -= 64
                    // The bits of v that did not fit in the word just stored.
                    acc = bits == 0 ? 0 : UInt64(v) >> UInt64(w - bits)
                }
            }
        }
    }

    /// Unpacks a block of 128 values written by `pack` from `reader` into `out`.
    static func unpack(_ reader: inout ByteReader, into out: UnsafeMutablePointer<UInt32>) throws(IndexError) {
        let w = Int(try reader.readByte())
        guard w <= 32 else { throw reader.damaged("bit width \(w) out of range") }
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
