import Foundation

/// Writes an `Encodable` value as compact JSON bytes in one pass, straight into
/// the caller's buffer. It produces what Foundation's `JSONEncoder` produces with
/// `.withoutEscapingSlashes` (and `.sortedKeys` when asked): the same escapes, the
/// same numbers, the same `{}` for a value that encodes nothing, the same error
/// for NaN and infinity; only the order of the keys differs where Foundation's is
/// its dictionary's (a new order each run): here it is the order the shape writes
/// them in, which PROTOCOL.md allows ("key order is not significant").
///
/// Why not Foundation's: on Linux it builds a tree of dictionaries and strings
/// for every value before writing a byte, and that was a fifth to a third of the
/// server's CPU per SEARCH (BENCHMARKS.md, "The server"). Here a container is
/// only a position in the output, so a result costs little more than its bytes.
///
/// Streaming needs the usual discipline of `encode(to:)`: a nested container is
/// finished before its parent writes its next member (anything else has no
/// single-pass output). The wire shapes (`Wire/`) all write that way;
/// `StreamingJSONEncoderTests` compares every command's result with Foundation's.
public struct StreamingJSONEncoder {
    /// Keys in sorted order (by `String` comparison, as Foundation sorts them).
    public var sortedKeys = false

    public init(sortedKeys: Bool = false) {
        self.sortedKeys = sortedKeys
    }

    /// Appends `value`'s JSON to `bytes`. On a throw, what was appended is partial.
    public func encode<T: Encodable>(_ value: T, into bytes: inout [UInt8]) throws {
        let sink = JSONSink(sortedKeys: sortedKeys)
        swap(&sink.bytes, &bytes)
        defer { swap(&sink.bytes, &bytes) }
        try sink.encodeValue(value)
    }

    /// `s` as a JSON string literal, escaped as `encode` escapes strings: for
    /// the few strings written outside any shape (the server's envelope: error
    /// messages, request ids), with no encoding to set up.
    public static func quoted(_ s: String) -> String {
        let sink = JSONSink(sortedKeys: false)
        sink.write(string: s)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        try encode(value, into: &bytes)
        return bytes
    }
}

/// The output and the containers open in it, innermost last. A container handle
/// is an index into `frames`, so handles are plain values and one sink serves the
/// whole encoding.
final class JSONSink {
    // Unchecked: one encoding owns its sink and runs on one thread, and the
    // runtime's check of every append showed in the server's profile.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    let sortedKeys: Bool
    @exclusivity(unchecked) var frames: [Frame] = []

    struct Frame {
        enum Kind { case object, array, slot }
        var kind: Kind
        /// Members or elements written; for a slot, 1 once its value is begun.
        var count = 0
        /// With sorted keys: each member's key and where it starts in `bytes`.
        var members: [(key: String, start: Int)] = []
    }

    init(sortedKeys: Bool) {
        self.sortedKeys = sortedKeys
        frames.reserveCapacity(16)
    }

    // MARK: Values

    /// A nested value: in a slot of its own, so that one that asks for no
    /// container still writes something (`{}`, as Foundation does).
    func encodeValue<T: Encodable>(_ value: T) throws {
        // The common leaves, without a trip through `encode(to:)` (a generic
        // caller such as `encodeOrNull` reaches here, not the typed overloads).
        // Metatypes compare in a few instructions where a cast is a runtime
        // call; once they are equal, the value is reinterpreted as it is.
        if T.self == String.self { return write(string: unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return write(integer: unsafeBitCast(value, to: Int.self)) }
        if T.self == Double.self { return try write(float: unsafeBitCast(value, to: Double.self)) }
        if T.self == Bool.self { return write(literal: unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        // And the lists every citation holds (`section`, `lines`).
        if T.self == [String].self { return writeArray(unsafeBitCast(value, to: [String].self)) { write(string: $0) } }
        if T.self == [Int].self { return writeArray(unsafeBitCast(value, to: [Int].self)) { write(integer: $0) } }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            return try writeAsFoundation(value)
        }
        let slot = frames.count
        frames.append(Frame(kind: .slot))
        try value.encode(to: StreamingEncoder(sink: self, slot: slot))
        if slot == 0 && frames.count == 1 && frames[0].count == 0 {
            // Foundation refuses an empty top level, where a nested one is `{}`.
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        close(downTo: slot - 1)
    }

    private func writeArray<Element>(_ elements: [Element], _ write: (Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Foundation's encoder writes these its own way (dates, data and addresses
    /// by its strategies, decimals as numbers), not as their `encode(to:)` does;
    /// no wire shape holds one, but if one ever does it is written as Foundation
    /// would write it.
    private func writeAsFoundation<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        // Wrapped in an array: a bare fragment is refused by older encoders.
        bytes.append(contentsOf: try encoder.encode([value]).dropFirst().dropLast())
    }

    func write(literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func write(integer: some FixedWidthInteger) {
        guard integer != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if integer < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits backwards into a small buffer; magnitude avoids overflow at .min.
        var magnitude = integer.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var i = digits.count
            while magnitude != 0 {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }

    /// Swift's shortest round-trip form less a trailing `.0` (`1`, not `1.0`),
    /// exactly as Foundation writes a float; NaN and infinity are refused, as there.
    func write<F: BinaryFloatingPoint & CustomStringConvertible>(float: F) throws {
        guard float.isFinite else {
            throw EncodingError.invalidValue(
                float,
                EncodingError.Context(codingPath: [], debugDescription: "Unable to encode \(F.self).\(float) directly in JSON."))
        }
        var text = float.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string literal: UTF-8 as is; `"`, `\` and the control characters
    /// escaped (`\b \f \n \r \t` by name, the rest as `\u00xx`), slashes not.
    func write(string: String) {
        var string = string
        string.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Runs of bytes that need no escape are copied whole; in Chinese text
            // that is nearly all of it, so eight bytes are checked at a time.
            var runStart = 0
            var i = 0
            while i < utf8.count {
                if i + 8 <= utf8.count {
                    let word = UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if !Self.mayNeedEscape(word) {
                        i += 8
                        continue
                    }
                }
                let byte = utf8[i]
                i += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                runStart = i
                writeEscape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether any of the eight bytes of `word` is a control character, `"` or
    /// `\` (the bit tricks of "Bit Twiddling Hacks": a byte below n, a zero byte).
    /// Never false for a word that holds one; a true is checked byte by byte.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeros = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
        return control | zeros != 0
    }

    private func writeEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    // MARK: Containers

    /// Opens an object or an array in the value of `slot`, or returns the one
    /// already open there (a shape may ask for its container more than once).
    func open(_ kind: Frame.Kind, inSlot slot: Int) -> Int {
        if frames.count > slot + 1 {
            close(downTo: slot + 1)
            precondition(frames[slot + 1].kind == kind, "a value asked for two different containers")
            return slot + 1
        }
        begin(slot: slot)
        return push(kind)
    }

    /// Opens an object, an array or a slot (a value to come, written by its
    /// own encoder) where a member or an element was just begun.
    func push(_ kind: Frame.Kind) -> Int {
        switch kind {
        case .object: bytes.append(UInt8(ascii: "{"))
        case .array: bytes.append(UInt8(ascii: "["))
        case .slot: break
        }
        frames.append(Frame(kind: kind))
        return frames.count - 1
    }

    /// Marks the value of `slot` written; a value is written once.
    func begin(slot: Int) {
        close(downTo: slot)
        precondition(frames[slot].count == 0, "a value was encoded twice")
        frames[slot].count = 1
    }

    /// Starts the next element of the array `frame`.
    func beginElement(in frame: Int) {
        close(downTo: frame)
        if frames[frame].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[frame].count += 1
    }

    /// Starts the next member of the object `frame`: its key and the colon.
    func beginMember(_ key: String, in frame: Int) {
        close(downTo: frame)
        if frames[frame].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[frame].count += 1
        if sortedKeys { frames[frame].members.append((key, bytes.count)) }
        write(string: key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Finishes every container above `frame`, innermost first.
    func close(downTo frame: Int) {
        while frames.count > frame + 1 { closeTop() }
    }

    private func closeTop() {
        let top = frames.removeLast()
        switch top.kind {
        case .object:
            if sortedKeys && top.members.count > 1 { sortMembers(top.members) }
            bytes.append(UInt8(ascii: "}"))
        case .array:
            bytes.append(UInt8(ascii: "]"))
        case .slot:
            // A value that asked for no container: Foundation writes an empty object.
            if top.count == 0 { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
        }
    }

    /// Rewrites the members of the object just finished (from the first
    /// member's start to the end of `bytes`) in the order of their keys.
    private func sortMembers(_ members: [(key: String, start: Int)]) {
        let end = bytes.count
        var spans: [(key: String, range: Range<Int>)] = []
        for (i, member) in members.enumerated() {
            // Each member but the last ends just before the comma of the next.
            let memberEnd = i + 1 < members.count ? members[i + 1].start - 1 : end
            spans.append((member.key, member.start..<memberEnd))
        }
        spans.sort { $0.key < $1.key }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(end - members[0].start)
        for (i, span) in spans.enumerated() {
            if i > 0 { sorted.append(UInt8(ascii: ",")) }
            sorted.append(contentsOf: bytes[span.range])
        }
        bytes.replaceSubrange(members[0].start..<end, with: sorted)
    }
}

/// The `Encoder` a value's `encode(to:)` is given: which slot its value goes in.
/// Two words, so passing it as `any Encoder` allocates nothing.
struct StreamingEncoder: Encoder {
    let sink: JSONSink
    let slot: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ObjectContainer(sink: sink, frame: sink.open(.object, inSlot: slot)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ArrayContainer(sink: sink, frame: sink.open(.array, inSlot: slot))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ValueContainer(sink: sink, slot: slot)
    }
}

/// The members of one JSON object.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let frame: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        sink.write(literal: "null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        sink.write(literal: value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        sink.write(string: value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        try sink.write(float: value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        try sink.write(float: value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        sink.write(integer: value)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }

    private func encodeInteger(_ value: some FixedWidthInteger, _ key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        sink.write(integer: value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.beginMember(key.stringValue, in: frame)
        try sink.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        sink.beginMember(key.stringValue, in: frame)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(sink: sink, frame: sink.push(.object)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.beginMember(key.stringValue, in: frame)
        return ArrayContainer(sink: sink, frame: sink.push(.array))
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named name: String) -> any Encoder {
        sink.beginMember(name, in: frame)
        return StreamingEncoder(sink: sink, slot: sink.push(.slot))
    }
}

/// The leaf values an array's elements and a slot's one value share: each
/// begins its value (`beginValue`: a comma between elements, or filling the
/// slot), then writes it the same way.
protocol LeafWriting {
    var sink: JSONSink { get }
    func beginValue()
}

extension LeafWriting {
    mutating func encodeNil() throws {
        beginValue()
        sink.write(literal: "null")
    }

    mutating func encode(_ value: Bool) throws {
        beginValue()
        sink.write(literal: value ? "true" : "false")
    }

    mutating func encode(_ value: String) throws {
        beginValue()
        sink.write(string: value)
    }

    mutating func encode(_ value: Double) throws {
        beginValue()
        try sink.write(float: value)
    }

    mutating func encode(_ value: Float) throws {
        beginValue()
        try sink.write(float: value)
    }

    mutating func encode(_ value: Int) throws { encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { encodeInteger(value) }

    private func encodeInteger(_ value: some FixedWidthInteger) {
        beginValue()
        sink.write(integer: value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        beginValue()
        try sink.encodeValue(value)
    }
}

/// The elements of one JSON array.
struct ArrayContainer: UnkeyedEncodingContainer, LeafWriting {
    let sink: JSONSink
    let frame: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { sink.frames.indices.contains(frame) ? sink.frames[frame].count : 0 }

    func beginValue() { sink.beginElement(in: frame) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.beginElement(in: frame)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(sink: sink, frame: sink.push(.object)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginElement(in: frame)
        return ArrayContainer(sink: sink, frame: sink.push(.array))
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginElement(in: frame)
        return StreamingEncoder(sink: sink, slot: sink.push(.slot))
    }
}

/// The one value of a slot.
struct ValueContainer: SingleValueEncodingContainer, LeafWriting {
    let sink: JSONSink
    let slot: Int

    var codingPath: [any CodingKey] { [] }

    func beginValue() { sink.begin(slot: slot) }
}
