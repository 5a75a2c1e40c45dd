import Foundation
import XCTest

@testable import BaogaoQuery

/// The streaming encoder against Foundation's `JSONEncoder`, the writer it
/// replaced: with sorted keys on both sides the bytes must be identical (without,
/// Foundation's key order is its dictionary's, a new one each run, so there the
/// two are compared as parsed values). The wire shapes themselves are compared
/// in `WireSnapshotTests.testStreamingEncoderMatchesFoundation`.
final class StreamingJSONEncoderTests: XCTestCase {
    func testStringsEscapeAsFoundationDoes() throws {
        var strings = [
            "", "三保", "a\"b", "back\\slash", "a/b", "line\nbreak", "cr\r\ttab", "\u{8}\u{c}", "\u{7f}\u{80}\u{9b}",
            "\u{2028}\u{2029}", "😀 non-BMP 𠀋", "e\u{301}", "\u{feff}\u{fffe}", "\u{1b}[2J"
        ]
        strings.append(String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self))
        // Each escape at every place of a longer text: bytes are checked eight at a time.
        let long = Array("预算收入abcdefgh乡村振兴 12345678".unicodeScalars)
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "😀"] {
            for at in 0...long.count {
                var view = String.UnicodeScalarView(long)
                view.insert(contentsOf: special.unicodeScalars, at: view.index(view.startIndex, offsetBy: at))
                strings.append(String(view))
            }
        }
        for s in strings {
            try assertSameBytes(s)
            try assertSameBytes([s])
            try assertSameBytes(["k\n\"\(s)": s])
        }
    }

    /// `quoted`, for the server's envelope, escapes as values are escaped, and
    /// what it writes reads back as written and never breaks a line.
    func testQuotedStringsAreTheEncodersOwn() throws {
        for s in ["", "三保", "a\"b\\c", "line\nbreak\r\t", "\u{0}\u{1f}\u{7f}", "\u{2028}\u{2029}", "😀 𠀋", "/path"] {
            let quoted = StreamingJSONEncoder.quoted(s)
            XCTAssertEqual(Array(quoted.utf8), try StreamingJSONEncoder().encode(s), s)
            XCTAssertFalse(quoted.utf8.contains(0x0A), quoted)
            let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed)
            XCTAssertEqual(back as? String, s)
        }
        XCTAssertEqual(StreamingJSONEncoder.quoted("unknown op \"X\"\n"), #""unknown op \"X\"\n""#)
    }

    func testNumbersAsFoundationDoes() throws {
        try assertSameBytes([0, 1, -1, 42, Int.max, Int.min])
        try assertSameBytes([Int8.min, Int8.max])
        try assertSameBytes([UInt64.max, 0])
        try assertSameBytes([Int32.min, Int32.max])
        var doubles: [Double] = [
            0, -0.0, 1, 0.1, 2.5, 1e15, 1e16, 1e21, 1e22, 1.5e-7, 0.0001, 0.00001, 123_456_789.125, .ulpOfOne,
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, -3.25e-5, 0.4109
        ]
        var generator = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let d = Double(bitPattern: generator.next())
            if d.isFinite { doubles.append(d) }
            doubles.append((Double(generator.next() % 10_000_000) / 10_000).rounded() / 1000)
        }
        try assertSameBytes(doubles)
        try assertSameBytes([Float(0.1), 16_777_216, .greatestFiniteMagnitude, 1e-10, -0.0])
        try assertSameBytes([true, false])
    }

    func testNonFiniteFloatsAreRefusedAsBefore() {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try foundation([value], sorted: true))
            XCTAssertThrowsError(try StreamingJSONEncoder().encode([value])) { error in
                guard case EncodingError.invalidValue(_, let context) = error else {
                    return XCTFail("not an invalid value: \(error)")
                }
                XCTAssertTrue(context.debugDescription.contains("directly in JSON"), context.debugDescription)
            }
        }
        XCTAssertThrowsError(try StreamingJSONEncoder().encode([Float.nan]))
    }

    func testShapesAsFoundationDoes() throws {
        try assertSameBytes(Synthesised())
        try assertSameBytes(Synthesised(name: "x", note: nil, tags: [], nested: [Synthesised(name: "y", tags: ["z"])]))
        XCTAssertThrowsError(try foundation(Empty(), sorted: true))
        XCTAssertThrowsError(try StreamingJSONEncoder().encode(Empty()))
        try assertSameBytes([Empty(), Empty()])
        try assertSameBytes(Optional<Int>.none)
        try assertSameBytes([Optional<String>.none, "a"])
        try assertSameBytes([[1, 2], [], [3]])
        try assertSameBytes(["b": ["y": 2, "x": 1], "a": [:]])
        try assertSameBytes([1: "one", 20: "twenty", 3: "three"])
        try assertSameBytes(Nesting())
        try assertSameBytes(TwiceAsked())
        try assertSameBytes("top level")
        try assertSameBytes(3.5)
    }

    /// Key order is the order the shape writes its keys in, every run.
    func testUnsortedKeysKeepTheShapesOrder() throws {
        let text = String(decoding: try StreamingJSONEncoder().encode(Synthesised(name: "x")), as: UTF8.self)
        XCTAssertEqual(text, #"{"name":"x","note":"n","tags":["a","b"],"nested":[]}"#)
    }

    func testAppendsAfterWhatIsThere() throws {
        var bytes = Array("head:".utf8)
        try StreamingJSONEncoder().encode(["a"], into: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"head:["a"]"#)
    }

    // MARK: Helpers

    private func foundation<T: Encodable>(_ value: T, sorted: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sorted ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Identical bytes with sorted keys; the same parsed value without.
    private func assertSameBytes<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try foundation(value, sorted: true)
        let streamed = try StreamingJSONEncoder(sortedKeys: true).encode(value)
        XCTAssertEqual(
            String(decoding: streamed, as: UTF8.self), String(decoding: expected, as: UTF8.self), file: file, line: line)
        let unsorted = try StreamingJSONEncoder().encode(value)
        let a = try JSONSerialization.jsonObject(with: Data(unsorted), options: .fragmentsAllowed) as? NSObject
        let b = try JSONSerialization.jsonObject(with: Data(try foundation(value, sorted: false)), options: .fragmentsAllowed)
        XCTAssertEqual(a, b as? NSObject, file: file, line: line)
    }
}

private struct Synthesised: Encodable {
    var name = "s"
    var note: String? = "n"
    var tags = ["a", "b"]
    var nested: [Synthesised] = []
}

/// Asks for no container: Foundation writes `{}`.
private struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Nested containers and super encoders, each finished before its parent goes on.
private struct Nesting: Encodable {
    enum Keys: String, CodingKey { case a, b, c, d, e }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(1, forKey: .e)
        var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .a)
        try inner.encode("x", forKey: .b)
        var list = inner.nestedUnkeyedContainer(forKey: .c)
        try list.encode(1)
        try list.encodeNil()
        var deeper = list.nestedContainer(keyedBy: Keys.self)
        try deeper.encode(true, forKey: .d)
        try c.encode(Synthesised(), forKey: .b)
        try "via super".encode(to: c.superEncoder(forKey: .c))
        try Empty().encode(to: c.superEncoder(forKey: .d))
    }
}

/// Asks for its keyed container twice, as a shape that extends another's may.
private struct TwiceAsked: Encodable {
    enum Keys: String, CodingKey { case a, b }

    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode(1, forKey: .a)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode([2], forKey: .b)
    }
}
