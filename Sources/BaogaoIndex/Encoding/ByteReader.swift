/// A bounds-checked cursor over bytes of an index file. Every read checks its
/// bounds and throws `IndexError.damaged` rather than reading past the end, so
/// that a damaged file gives an error naming the file and offset, never a crash.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var offset: Int
    /// For error messages.
    let file: String

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0, file: String) {
        self.base = base
        self.offset = offset
        self.file = file
    }

    var remaining: Int { base.count - offset }
    var isAtEnd: Bool { offset >= base.count }

    func damaged(_ what: String) -> IndexError {
        .damaged(file: file, reason: "\(what) at byte \(offset)")
    }

    @inline(__always)
    mutating func readByte() throws(IndexError) -> UInt8 {
        guard offset < base.count else { throw damaged("unexpected end of data") }
        let b = base[offset]
        offset += 1
        return b
    }

    mutating func readU16() throws(IndexError) -> UInt16 {
        guard offset + 2 <= base.count else { throw damaged("unexpected end of data") }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        offset += 2
        return UInt16(littleEndian: v)
    }

    mutating func readU32() throws(IndexError) -> UInt32 {
        guard offset + 4 <= base.count else { throw damaged("unexpected end of data") }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return UInt32(littleEndian: v)
    }

    mutating func readU64() throws(IndexError) -> UInt64 {
        guard offset + 8 <= base.count else { throw damaged("unexpected end of data") }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }

    @inline(__always)
    mutating func readVarint() throws(IndexError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count else { throw damaged("unexpected end of data in varint") }
            let b = base[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw damaged("varint too long") }
        }
    }

    /// A varint that must fit an `Int` no larger than `limit` (a count or an offset
    /// into something of known size): damaged data cannot make us allocate wildly.
    @inline(__always)
    mutating func readCount(max limit: Int) throws(IndexError) -> Int {
        let v = try readVarint()
        guard v <= UInt64(limit) else { throw damaged("value \(v) out of range (max \(limit))") }
        return Int(v)
    }

    mutating func readSignedVarint() throws(IndexError) -> Int {
        let v = try readVarint()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func readBytes(_ n: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw damaged("length \(n) past the end") }
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
        offset += n
        return slice
    }

    mutating func readString() throws(IndexError) -> String {
        let n = try readCount(max: remaining)
        let bytes = try readBytes(n)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `withUnsafeBytes` for typed-throwing bodies: the standard library's version
/// rethrows untyped errors, which would lose `IndexError`'s type.
func withBytes<R>(
    of array: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R
) throws(IndexError) -> R {
    let result: Result<R, IndexError> = array.withUnsafeBytes { raw in
        do throws(IndexError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}
