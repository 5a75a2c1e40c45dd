import XCTest

@testable import BaogaoIndex

/// The leapfrog intersection of `PostingsIntersection` over hand-made postings:
/// lists that cross block boundaries, lists with and without a skip table, the
/// last documents of blocks, empty lists; and the frequencies a full block
/// decodes only when asked for.
final class PostingsIntersectionTests: XCTestCase {
    /// Terms encoded one after another into one postings buffer, as a segment holds them.
    private struct Postings {
        var bytes: [UInt8] = []
        var infos: [TermInfo] = []
        var lists: [[(doc: UInt32, freq: UInt32)]] = []

        init(_ lists: [[(doc: UInt32, freq: UInt32)]]) {
            var encoder = PostingsEncoder()
            for list in lists {
                var decoded = DecodedPostings()
                decoded.docs = list.map(\.doc)
                decoded.freqs = list.map(\.freq)
                infos.append(encoder.encode(decoded))
            }
            bytes = encoder.postings.bytes
            self.lists = lists
        }

        /// Every document all of `terms` hold, with each term's frequency there,
        /// as the intersection visits them.
        func intersect(_ terms: [Int]) throws -> [[UInt32]] {
            try withBytes(of: bytes) { raw throws(IndexError) in
                var cursors = try terms.map { (t) throws(IndexError) in
                    try PostingsCursor(
                        postings: raw, positions: UnsafeRawBufferPointer(start: nil, count: 0), file: "t",
                        info: infos[t], hasPositions: false, docCount: 1 << 20)
                }
                var out: [[UInt32]] = []
                try PostingsIntersection.forEach(&cursors) { (doc, cs) throws(IndexError) in
                    var row = [doc]
                    for i in 0..<cs.count {
                        XCTAssertEqual(cs[i].doc, doc)
                        row.append(try cs[i].frequency())
                    }
                    out.append(row)
                }
                return out
            }
        }

        /// What `intersect` must give, from the plain lists.
        func expected(_ terms: [Int]) -> [[UInt32]] {
            guard let first = terms.first else { return [] }
            let maps = terms.map { t in Dictionary(uniqueKeysWithValues: lists[t].map { ($0.doc, $0.freq) }) }
            var out: [[UInt32]] = []
            for (doc, _) in lists[first] {
                let freqs = maps.compactMap { $0[doc] }
                if freqs.count == terms.count { out.append([doc] + freqs) }
            }
            return out
        }
    }

    private static func list(_ docs: [UInt32]) -> [(doc: UInt32, freq: UInt32)] {
        docs.map { ($0, $0 % 5 + 1) }
    }

    // 0 even documents below 1000: three full blocks (last docs 254, 510, 766) and a tail of 116.
    // 1 multiples of 3 below 1200: three full blocks and a tail.
    // 2 the last and first documents of term 0's blocks, and its last document.
    // 3 exactly 128 documents: one full block, no skip table.
    // 4 129 documents: a full block and a tail of one, with a skip table.
    // 5 no documents at all.
    // 6 odd documents: none in common with term 0.
    // 7 one document, far past the others.
    // 8 frequencies too large for a narrow packing (a width of 20 bits).
    private let postings = Postings([
        list(stride(from: 0, to: 1000, by: 2).map { $0 }),
        list(stride(from: 0, to: 1200, by: 3).map { $0 }),
        list([0, 254, 256, 510, 512, 766, 768, 998]),
        list((0..<128).map { $0 * 4 }),
        list((0..<129).map { $0 * 6 }),
        [],
        list(stride(from: 1, to: 1000, by: 2).map { $0 }),
        list([5000]),
        (0..<200).map { (UInt32($0) * 5, UInt32($0) * 1000 + 1) }
    ])

    func testEveryPairAndTripleMatchesThePlainIntersection() throws {
        let terms = Array(0..<postings.lists.count)
        for a in terms {
            for b in terms {
                XCTAssertEqual(try postings.intersect([a, b]), postings.expected([a, b]), "terms \(a), \(b)")
                for c in [0, 2, 4] {
                    XCTAssertEqual(try postings.intersect([a, b, c]), postings.expected([a, b, c]), "terms \(a), \(b), \(c)")
                }
            }
        }
    }

    func testBlockBoundariesAndSkipTableEdges() throws {
        // Term 2 lands on the last document of each of term 0's blocks and on
        // the first of the next: each must be found whichever term leads.
        let boundaries: [UInt32] = [0, 254, 256, 510, 512, 766, 768, 998]
        XCTAssertEqual(try postings.intersect([2, 0]).map { $0[0] }, boundaries)
        XCTAssertEqual(try postings.intersect([0, 2]).map { $0[0] }, boundaries)
        // One full block without a skip table, against a list with one.
        XCTAssertEqual(try postings.intersect([3, 1]), postings.expected([3, 1]))
        XCTAssertEqual(try postings.intersect([1, 3]), postings.expected([1, 3]))
        // A one-document tail after a full block: the last document of term 4 (768) is in term 0's tail.
        XCTAssertEqual(try postings.intersect([4, 0]).last?[0], 768)
    }

    func testEmptyListsAndNoCursorsGiveNothing() throws {
        XCTAssertEqual(try postings.intersect([]), [])
        XCTAssertEqual(try postings.intersect([5]), [])
        XCTAssertEqual(try postings.intersect([0, 5]), [])
        XCTAssertEqual(try postings.intersect([5, 0]), [])
        XCTAssertEqual(try postings.intersect([0, 6]), [], "disjoint lists")
        XCTAssertEqual(try postings.intersect([0, 7]), [], "a list past the other's end")
    }

    func testOneCursorVisitsEveryDocumentWithItsFrequency() throws {
        XCTAssertEqual(try postings.intersect([0]), postings.expected([0]))
        XCTAssertEqual(try postings.intersect([4]).count, 129)
    }

    func testWideFrequenciesAreDecodedWhenAskedFor() throws {
        let rows = try postings.intersect([8, 1])
        XCTAssertEqual(rows, postings.expected([8, 1]))
        XCTAssertTrue(rows.contains { $0[1] > 1 << 17 }, "frequencies above 2^17 survive the lazy decoding")
    }

    /// A full block's frequencies are unpacked only when read: a damaged
    /// frequency is found then, and documents before it still decode.
    func testADamagedFrequencyIsFoundWhenRead() throws {
        var decoded = DecodedPostings()
        decoded.docs = (0..<128).map { UInt32($0) }
        decoded.freqs = (0..<128).map { _ in 1 }
        var encoder = PostingsEncoder()
        let info = encoder.encode(decoded)
        var bytes = encoder.postings.bytes
        // Docs: width byte 0 (every gap 0); then the frequencies' width byte,
        // made 32 with 32 × 16 bytes of 0xFF: frequency − 1 = 2^32 − 1 wraps to 0.
        XCTAssertEqual(bytes, [0, 0])
        bytes[1] = 32
        bytes += [UInt8](repeating: 0xFF, count: 16 * 32)
        try withBytes(of: bytes) { raw throws(IndexError) in
            var cursor = try PostingsCursor(
                postings: raw, positions: UnsafeRawBufferPointer(start: nil, count: 0), file: "t.post",
                info: info, hasPositions: false, docCount: 1000)
            XCTAssertTrue(try cursor.next())
            XCTAssertTrue(try cursor.advance(to: 127))
            XCTAssertThrowsError(try cursor.frequency())
        }
    }
}
