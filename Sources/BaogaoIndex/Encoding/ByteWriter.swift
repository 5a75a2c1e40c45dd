/// An append-only byte buffer with the integer encodings the index files use:
/// little-endian fixed-width integers and LEB128 variable-length integers.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func write<C: Collection>(_ data: C) where C.Element == UInt8 {
        bytes.append(contentsOf: data)
    }

    /// Appends `count` bytes that `body` writes in place.
    mutating func write(count: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBytes { body(UnsafeMutableRawBufferPointer(rebasing: $0[start...])) }
    }

    mutating func writeU16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func writeU32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    mutating func writeU64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    /// LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte.
    @inline(__always)
    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    mutating func writeVarint(_ value: Int) {
        writeVarint(UInt64(value))
    }

    /// Signed values as zig-zag varints (0, -1, 1, -2, … → 0, 1, 2, 3, …).
    mutating func writeSignedVarint(_ value: Int) {
        let v = Int64(value)
        writeVarint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    /// A string as its UTF-8 byte count (varint) followed by the bytes.
    mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            writeVarint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
    }
}
