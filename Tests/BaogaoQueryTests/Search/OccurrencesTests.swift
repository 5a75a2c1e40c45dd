import XCTest

@testable import BaogaoQuery

/// The substring search every exact match, snippet and label check uses, and the
/// proximity counts of NEAR and re-ranking: linear, and equal to the naive scans.
final class OccurrencesTests: XCTestCase {
    private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    func testStartsAreEveryOverlappingOccurrence() {
        XCTAssertEqual(Occurrences.starts(of: s("三保"), in: s("三保三保，“三保”")), [0, 2, 6])
        XCTAssertEqual(Occurrences.starts(of: s("aa"), in: s("aaaa")), [0, 1, 2])
        XCTAssertEqual(Occurrences.starts(of: s("预算"), in: s("预")), [])
        XCTAssertEqual(Occurrences.starts(of: [], in: s("预算")), [], "an empty needle has no starts")
        XCTAssertEqual(Occurrences.count(of: s("支出"), in: s("教育支出和卫生支出")), 2)
    }

    func testContainsAndFirstStartOnBytesAndScalars() {
        XCTAssertTrue(Occurrences.contains(Array("补助".utf8), in: Array("上级补助收入".utf8)))
        XCTAssertFalse(Occurrences.contains(Array("补助".utf8), in: Array("补".utf8)))
        XCTAssertTrue(Occurrences.contains([UInt8](), in: [UInt8]()), "an empty needle is always contained")
        XCTAssertTrue(Occurrences.contains(s("出"), in: s("支出")), "at the very end")
        XCTAssertEqual(Occurrences.firstStart(of: s("ab"), in: s("abxab"), from: 1), 3)
        XCTAssertNil(Occurrences.firstStart(of: s("ab"), in: s("abxab"), from: 4))
        // Labels the list engine must tell apart through these bytes.
        XCTAssertTrue(Answerer.isItem("教育支出"))
        XCTAssertFalse(Answerer.isItem("一般公共预算支出"))
        XCTAssertFalse(Answerer.isItem("补助镇级支出"))
        XCTAssertTrue(Answerer.isItem("预备费"))
        XCTAssertFalse(Answerer.isItem("教育收入"))
    }

    /// Random strings over two letters (the worst case of a naive scan), over
    /// CJK, and over CJK with quotation marks (bare terms read through them).
    func testStartsAndProximityEqualNaiveScansOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        for (alphabet, letters) in [(s("ab"), s("ab")), (s("预算收"), s("预算收")), (s("预算“”《"), s("预算"))] {
            for _ in 0..<300 {
                let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                let a = (0..<Int.random(in: 1...4, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
                let b = (0..<Int.random(in: 1...4, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
                let naiveStarts =
                    text.count < a.count ? [] : (0...(text.count - a.count)).filter { Array(text[$0..<$0 + a.count]) == a }
                XCTAssertEqual(Occurrences.starts(of: a, in: text), naiveStarts, "\(a) in \(text)")
                let across = Bool.random(using: &rng)
                let xs = naiveMatches(a, in: text, acrossMarks: across)
                let ys = naiveMatches(b, in: text, acrossMarks: across)
                XCTAssertEqual(TermPattern(a, acrossMarks: across).ranges(in: text), xs, "\(a) in \(text)")
                XCTAssertEqual(TermPattern(a, acrossMarks: across).count(in: text), xs.count, "\(a) in \(text)")
                let within = Int.random(in: 0...5, using: &rng)
                let naivePairs = xs.reduce(0) { n, x in n + ys.filter { naiveGap(x, $0) <= within }.count }
                XCTAssertEqual(Proximity.pairs(xs, ys, within: within), naivePairs, "\(a) \(b) within \(within) in \(text)")
                let naiveClosest = xs.flatMap { x in ys.map { naiveGap(x, $0) } }.min()
                XCTAssertEqual(Proximity.closest(xs, ys), naiveClosest, "\(a) \(b) in \(text)")
            }
        }
    }

    /// The test's own reading: from each start, match the term character by
    /// character, stepping over quotation marks only between two CJK characters.
    private func naiveMatches(_ term: [Unicode.Scalar], in text: [Unicode.Scalar], acrossMarks: Bool) -> [Range<Int>] {
        let marks = Set(s("“”《"))
        func isHan(_ c: Unicode.Scalar) -> Bool { c.properties.isIdeographic }
        var out: [Range<Int>] = []
        for start in text.indices {
            var i = start
            var k = 0
            while k < term.count, i < text.count, text[i] == term[k] {
                k += 1
                i += 1
                guard acrossMarks, k < term.count, isHan(text[i - 1]) else { continue }
                var j = i
                while j < text.count, marks.contains(text[j]) { j += 1 }
                if j < text.count, isHan(text[j]) { i = j }
            }
            if k == term.count { out.append(start..<i) }
        }
        return out
    }

    private func naiveGap(_ x: Range<Int>, _ y: Range<Int>) -> Int {
        max(0, y.lowerBound - x.upperBound, x.lowerBound - y.upperBound)
    }
}
