import XCTest

@testable import BaogaoAnalysis

final class WordCacheTests: XCTestCase {
    private func key(_ i: Int) -> [UInt32] { [0x4E00 + UInt32(i % 20000), UInt32(0x4E00 + i / 20000)] }

    func testRemembersAndForgetsWhenFull() {
        var cache = WordCache()
        let words = [WordCache.Word(start: 0, end: 2, kind: .cjkWord)]
        for i in 0..<40_000 {
            let k = key(i)
            let h = WordCache.hash(k, 0..<2)
            XCTAssertFalse(cache.lookup(k, 0..<2, hash: h) { _ in }, "new key \(i)")
            cache.insert(k, 0..<2, hash: h, words: words)
            var found: [WordCache.Word] = []
            XCTAssertTrue(cache.lookup(k, 0..<2, hash: h) { found.append($0) })
            XCTAssertEqual(found.count, 1)
        }
        // The table was cleared on the way (3/4 of 32768 slots): early keys are gone,
        // recent ones remain.
        XCTAssertFalse(cache.lookup(key(0), 0..<2, hash: WordCache.hash(key(0), 0..<2)) { _ in })
        XCTAssertTrue(cache.lookup(key(39_999), 0..<2, hash: WordCache.hash(key(39_999), 0..<2)) { _ in })
    }

    func testEqualHashesWithDifferentKeysDoNotMatch() {
        var cache = WordCache()
        cache.insert([1, 2], 0..<2, hash: 12345, words: [WordCache.Word(start: 0, end: 1, kind: .letters)])
        XCTAssertFalse(cache.lookup([1, 3], 0..<2, hash: 12345) { _ in })
        XCTAssertFalse(cache.lookup([1, 2, 3], 0..<3, hash: 12345) { _ in })
        XCTAssertTrue(cache.lookup([9, 1, 2], 1..<3, hash: 12345) { _ in }, "same scalars at another offset")
    }
}
