import XCTest

@testable import BaogaoQuery

/// The bigrams a run of CJK characters is matched through: always a cover of
/// every character, and the cheapest one by document frequency.
final class BigramCoverTests: XCTestCase {
    func testEvenFrequenciesTakeEveryOtherBigramAndTheLast() {
        XCTAssertEqual(BigramCover.cheapest(docFreqs: [5, 5]), [0, 1])
        XCTAssertEqual(BigramCover.cheapest(docFreqs: [5, 5, 5]), [0, 2])
        XCTAssertEqual(BigramCover.cheapest(docFreqs: [5, 5, 5, 5, 5, 5, 5]), [0, 2, 4, 6])
    }

    func testCommonBigramsAreWalkedAroundThroughRarerNeighbours() {
        // 一般 公共 预算 收入 are common; 般公 共预 算收 are not.
        // offsets:      一般  般公  公共  共预  预算  算收  收入
        let freqs = [40, 900, 50, 30, 345, 20, 155]
        XCTAssertEqual(BigramCover.cheapest(docFreqs: freqs), [0, 2, 3, 5, 6])
    }

    func testEveryCheapestSetCoversEveryCharacter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let m = Int.random(in: 1...12, using: &generator)
            let freqs = (0..<m).map { _ in Int.random(in: 1...1_000, using: &generator) }
            let chosen = BigramCover.cheapest(docFreqs: freqs)
            XCTAssertEqual(chosen.first, 0)
            XCTAssertEqual(chosen.last, m - 1)
            XCTAssertEqual(chosen, chosen.sorted())
            for (a, b) in zip(chosen, chosen.dropFirst()) { XCTAssertLessThanOrEqual(b - a, 2, "\(freqs) → \(chosen)") }
            XCTAssertLessThanOrEqual(chosen.map { freqs[$0] }.reduce(0, +), bruteForceCost(freqs), "\(freqs)")
        }
    }

    /// The cheapest cover by trying every subset (m ≤ 12).
    private func bruteForceCost(_ freqs: [Int]) -> Int {
        let m = freqs.count
        var best = Int.max
        for mask in 0..<(1 << m) {
            let chosen = (0..<m).filter { mask & (1 << $0) != 0 }
            guard chosen.first == 0, chosen.last == m - 1,
                zip(chosen, chosen.dropFirst()).allSatisfy({ $1 - $0 <= 2 })
            else { continue }
            best = min(best, chosen.map { freqs[$0] }.reduce(0, +))
        }
        return best
    }
}
