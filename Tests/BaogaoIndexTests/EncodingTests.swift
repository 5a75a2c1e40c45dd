import XCTest

@testable import BaogaoIndex

final class EncodingTests: XCTestCase {
    func testVarintsRoundTripAtEveryLength() throws {
        let values: [UInt64] = [0, 1, 127, 128, 16383, 16384, 1 << 32, UInt64.max]
        var w = ByteWriter()
        for v in values { w.writeVarint(v) }
        for v in [-1, 0, 5, -300, Int.min / 2] { w.writeSignedVarint(v) }
        try withBytes(of: w.bytes) { raw throws(IndexError) in
            var r = ByteReader(raw, file: "t")
            for v in values { XCTAssertEqual(try r.readVarint(), v) }
            for v in [-1, 0, 5, -300, Int.min / 2] { XCTAssertEqual(try r.readSignedVarint(), v) }
            XCTAssertTrue(r.isAtEnd)
        }
    }

    func testTruncatedVarintIsDamageNotACrash() {
        XCTAssertThrowsError(
            try withBytes(of: [0x80, 0x80]) { raw throws(IndexError) in
                var r = ByteReader(raw, file: "t.post")
                _ = try r.readVarint()
            }
        ) { error in
            guard case IndexError.damaged(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "t.post")
        }
    }

    func testBitPackingRoundTripsEveryWidth() throws {
        var rng = SystemRandomNumberGenerator()
        for width in 0...32 {
            let limit: UInt64 = width == 0 ? 0 : (1 << UInt64(width)) - 1
            var values = (0..<128).map { _ in UInt32(truncatingIfNeeded: UInt64.random(in: 0...limit, using: &rng)) }
            values[0] = UInt32(truncatingIfNeeded: limit)  // the width is exactly `width`
            var w = ByteWriter()
            values.withUnsafeBufferPointer { BitPacking.pack($0, into: &w) }
            // Never longer than the values at the widest one's width.
            XCTAssertLessThanOrEqual(w.count, 1 + 16 * width)
            var out = [UInt32](repeating: 7, count: 128)
            try withBytes(of: w.bytes) { raw throws(IndexError) in
                var r = ByteReader(raw, file: "t")
                try out.withUnsafeMutableBufferPointer { (p) throws(IndexError) in
                    try BitPacking.unpack(&r, into: p.baseAddress!)
                }
            }
            XCTAssertEqual(out, values, "width \(width)")
            // With bytes after the block (the next block's), the 8-byte loads may
            // read into them: the values are the same, and the reader stops at the block's end.
            try withBytes(of: w.bytes + [UInt8](repeating: 0xFF, count: 9)) { raw throws(IndexError) in
                var r = ByteReader(raw, file: "t")
                try out.withUnsafeMutableBufferPointer { (p) throws(IndexError) in
                    try BitPacking.unpack(&r, into: p.baseAddress!)
                }
                XCTAssertEqual(r.remaining, 9)
            }
            XCTAssertEqual(out, values, "width \(width), bytes after the block")
        }
    }

    /// A few wide values among narrow ones are kept apart (format 12): the block
    /// is packed at the narrow width, and reads back exactly.
    func testAFewWideValuesAreExceptionsAndReadBackExactly() throws {
        var rng = SystemRandomNumberGenerator()
        for wide in [1, 3, 7, 20] {
            var values = (0..<128).map { _ in UInt32.random(in: 0...5, using: &rng) }
            for i in (0..<wide).map({ _ in Int.random(in: 0..<128, using: &rng) }) {
                values[i] = UInt32.random(in: 200...1000, using: &rng)
            }
            var w = ByteWriter()
            values.withUnsafeBufferPointer { BitPacking.pack($0, into: &w) }
            XCTAssertLessThan(w.count, 1 + 16 * 10, "\(wide) wide values")
            XCTAssertEqual(w.bytes[0] & BitPacking.exceptionsFlag, BitPacking.exceptionsFlag)
            XCTAssertEqual(try unpacked(w.bytes), values)
            XCTAssertEqual(BitPacking.blockLength(UnsafeRawBufferPointer(start: nil, count: 0), at: 0), nil)
            try withBytes(of: w.bytes) { raw throws(IndexError) in XCTAssertEqual(BitPacking.blockLength(raw, at: 0), w.count) }
        }
        // The example of BitPacking's documentation.
        var example = [UInt32](repeating: 0, count: 128)
        example[0] = 1
        example[2] = 300
        example[3] = 1
        var w = ByteWriter()
        example.withUnsafeBufferPointer { BitPacking.pack($0, into: &w) }
        XCTAssertEqual(Array(w.bytes.prefix(5)), [0x81, 0x01, 0x02, 0x96, 0b1001])
        XCTAssertEqual(try unpacked(w.bytes), example)
    }

    /// Damaged tokens and exceptions are refused, never read past the block or
    /// shifted past 32 bits.
    func testDamagedExceptionsAreRefused() {
        let packed16 = [UInt8](repeating: 0, count: 16)
        for bytes in [
            [0x41] + packed16,  // bit 6 set
            [0x81, 0x00] + packed16,  // the flag with no exceptions
            [0x81, 0x01, 0x80, 0x01] + packed16,  // index 128
            [0x80 | 32, 0x01, 0x00, 0x01] + [UInt8](repeating: 0, count: 16 * 32),  // width 32 with exceptions
            [0x80 | 30, 0x01, 0x00, 0xFF] + [UInt8](repeating: 0, count: 16 * 30),  // 255 << 30 past 32 bits
            [0x81, 0x05, 0x00, 0x01]  // exceptions past the end
        ] {
            XCTAssertThrowsError(try unpacked(bytes), "\(bytes.prefix(4))")
        }
    }

    private func unpacked(_ bytes: [UInt8]) throws -> [UInt32] {
        var out = [UInt32](repeating: 7, count: 128)
        try withBytes(of: bytes) { raw throws(IndexError) in
            var r = ByteReader(raw, file: "t")
            try out.withUnsafeMutableBufferPointer { (p) throws(IndexError) in try BitPacking.unpack(&r, into: p.baseAddress!) }
        }
        return out
    }

    func testPostingsRoundTripThroughBlocksAndSkips() throws {
        // 300 docs: two packed blocks and a varint tail, with positions.
        var decoded = DecodedPostings()
        decoded.hasPositions = true
        var expected: [(UInt32, [UInt32])] = []
        var doc: UInt32 = 0
        for i in 0..<300 {
            doc += UInt32(i % 7) + (i == 0 ? 0 : 1)
            let positions = (0...(i % 4)).map { UInt32($0 * 3 + i % 5) }
            decoded.docs.append(doc)
            decoded.freqs.append(UInt32(positions.count))
            var previous: Int64 = -1
            for p in positions {
                decoded.positionGaps.append(UInt32(Int64(p) - previous - 1))
                previous = Int64(p)
            }
            expected.append((doc, positions))
        }
        var encoder = PostingsEncoder()
        let info = encoder.encode(decoded)
        XCTAssertEqual(info.docFreq, 300)
        let post = encoder.postings.bytes
        let pos = encoder.positions.bytes
        try withBytes(of: post) { p throws(IndexError) in
            try withBytes(of: pos) { q throws(IndexError) in
                var cursor = try PostingsCursor(
                    postings: p, positions: q, file: "t", info: info, hasPositions: true, docCount: Int(UInt32.max))
                var i = 0
                while try cursor.next() {
                    XCTAssertEqual(cursor.doc, expected[i].0)
                    XCTAssertEqual(Array(try cursor.positions()), expected[i].1)
                    i += 1
                }
                XCTAssertEqual(i, 300)
                // advance(to:) lands on the first doc at or after the target, across blocks.
                var jump = try PostingsCursor(
                    postings: p, positions: q, file: "t", info: info, hasPositions: true, docCount: Int(UInt32.max))
                for target in [0, 5, 400, 401, 900, 1000] as [UInt32] {
                    let want = expected.first { $0.0 >= target }
                    XCTAssertEqual(try jump.advance(to: target), want != nil, "target \(target)")
                    if let want {
                        XCTAssertEqual(jump.doc, want.0)
                        XCTAssertEqual(Array(try jump.positions()), want.1)
                    }
                }
            }
        }
    }

    /// A long term read by jumps (format 13: the skip table's lengths are summed
    /// as the cursor moves forward), its positions asked in some blocks only,
    /// after several terms before it in the same files: what every jump finds
    /// is what a walk finds.
    func testJumpsThroughALongTermFindWhatAWalkFinds() throws {
        var rng = SystemRandomNumberGenerator()
        var encoder = PostingsEncoder()
        var terms: [(info: TermInfo, docs: [UInt32], positions: [[UInt32]], hasPositions: Bool)] = []
        for t in 0..<4 {
            var decoded = DecodedPostings()
            decoded.hasPositions = t != 2
            var positions: [[UInt32]] = []
            var doc: UInt32 = 0
            for _ in 0..<Int.random(in: 129...3000, using: &rng) {
                doc += UInt32.random(in: 1...(t == 3 ? 400 : 9), using: &rng)
                // Mostly small, now and then very wide: blocks with exceptions.
                let count = Int.random(in: 1...3, using: &rng) + (Int.random(in: 0..<50, using: &rng) == 0 ? 300 : 0)
                var p: UInt32 = 0
                let here = (0..<count).map { _ in
                    p += UInt32.random(in: 1...(Int.random(in: 0..<40, using: &rng) == 0 ? 5000 : 20), using: &rng)
                    return p
                }
                decoded.docs.append(doc)
                decoded.freqs.append(UInt32(count))
                if decoded.hasPositions {
                    var previous: Int64 = -1
                    for x in here {
                        decoded.positionGaps.append(UInt32(Int64(x) - previous - 1))
                        previous = Int64(x)
                    }
                }
                positions.append(here)
            }
            terms.append((encoder.encode(decoded), decoded.docs, positions, decoded.hasPositions))
        }
        try withBytes(of: encoder.postings.bytes) { p throws(IndexError) in
            try withBytes(of: encoder.positions.bytes) { q throws(IndexError) in
                for term in terms {
                    for _ in 0..<20 {
                        var cursor = try PostingsCursor(
                            postings: p, positions: q, file: "t", info: term.info, hasPositions: term.hasPositions,
                            docCount: Int(UInt32.max))
                        var target: UInt32 = 0
                        while true {
                            target += UInt32.random(in: 0...UInt32(term.docs.last! / 8 + 1), using: &rng)
                            let i = term.docs.firstIndex { $0 >= target }
                            XCTAssertEqual(try cursor.advance(to: target), i != nil)
                            guard let i else { break }
                            XCTAssertEqual(cursor.doc, term.docs[i])
                            XCTAssertEqual(try cursor.frequency(), UInt32(term.positions[i].count))
                            if term.hasPositions, Bool.random(using: &rng) {
                                XCTAssertEqual(Array(try cursor.positions()), term.positions[i], "doc \(term.docs[i])")
                            }
                        }
                    }
                }
            }
        }
    }
}
