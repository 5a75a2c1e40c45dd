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
        let mask: UInt64 = (1 << UInt64(w)) - 1
        // Value i starts at bit i·w. While its byte is at least 8 bytes before the
        // end of the block, one unaligned 8-byte load holds all of it (shift ≤ 7,
        // w ≤ 32); the last few values are assembled byte by byte, so decoding
        // never touches memory past the block. Two loops, not a branch per value:
        // this is the innermost loop of every query. When the buffer holds 8 more
        // bytes after the block (nearly always: the next block, the next term),
        // the 8-byte loads may read into them and every value takes the first loop
        // (the byte-by-byte tail was a third of a block's decoding).
        let wide = reader.remaining >= 8 ? blockSize : min(blockSize, (8 * (n - 8)) / w + 1)
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
}
