import XCTest

@testable import BaogaoIndex

/// The batch inverter and the writer's short path against plain arrays: random
/// paragraphs of a few terms, inverted in small batches, must give every term
/// the documents, frequencies and positions a direct count gives, and a short
/// term's transcoded bytes must equal what the general encoder makes of them.
final class InverterTests: XCTestCase {
    private struct Expected {
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var gaps: [UInt32] = []
    }

    func testBatchedPostingsMatchADirectCount() {
        var rng = SystemRandomNumberGenerator()
        let termCount = 300
        var postings = TermPostings()
        // Term 0 keeps no positions (a unigram); the others do.
        for t in 0..<termCount { postings.add(hasPositions: t != 0) }
        var expected = [Expected](repeating: Expected(), count: termCount)
        var batch = OccurrenceBatch(capacity: 64)
        batch.reset(firstDoc: 0)
        for doc in 0..<2000 {
            var positionsOf: [Int: [Int]] = [:]
            let length = Int.random(in: 0..<40, using: &rng)
            for position in 0..<length {
                // Skewed: low term ids are frequent, so some terms pass 128 documents.
                let term = Int.random(in: 0..<termCount, using: &rng) % Int.random(in: 1...termCount, using: &rng)
                if term == 0 {
                    positionsOf[0, default: []].append(0)
                    continue
                }
                positionsOf[term, default: []].append(position)
                batch.append(term: Int32(term), position: position)
            }
            if let zero = positionsOf[0] { batch.append(term: 0, frequency: zero.count) }
            batch.endParagraph(span: length + 1)
            for (term, positions) in positionsOf {
                expected[term].docs.append(UInt32(doc))
                expected[term].freqs.append(UInt32(positions.count))
                guard term != 0 else { continue }
                var previous = -1
                for p in positions {
                    expected[term].gaps.append(UInt32(p - previous - 1))
                    previous = p
                }
            }
            if batch.isFull {
                batch.sortByTerm()
                postings.append(batch)
                batch.reset(firstDoc: Int32(doc + 1))
            }
        }
        batch.sortByTerm()
        postings.append(batch)

        var decoded = DecodedPostings()
        var viaShortPath = PostingsEncoder()
        var viaArrays = PostingsEncoder()
        for t in 0..<termCount {
            postings.decode(t, into: &decoded)
            XCTAssertEqual(decoded.docs, expected[t].docs, "term \(t)")
            XCTAssertEqual(decoded.freqs, expected[t].freqs, "term \(t)")
            XCTAssertEqual(decoded.positionGaps, expected[t].gaps, "term \(t)")
            let a = viaArrays.encode(decoded)
            var scratch = DecodedPostings()
            let b = postings.encode(t, with: &viaShortPath, decoded: &scratch)
            XCTAssertEqual(a, b, "term \(t)")
        }
        XCTAssertEqual(viaShortPath.postings.bytes, viaArrays.postings.bytes)
        XCTAssertEqual(viaShortPath.positions.bytes, viaArrays.positions.bytes)
        XCTAssertTrue(expected.contains { $0.docs.count > BitPacking.blockSize }, "no term reached a full block")
    }
}
