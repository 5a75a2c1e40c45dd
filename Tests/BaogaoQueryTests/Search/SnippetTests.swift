import XCTest

@testable import BaogaoQuery

/// The snippet window, cut through the UTF-8 bytes, against the way it was cut
/// from an array of scalars before: the same text and highlights for text of
/// one-, two-, three- and four-byte scalars, short and long, highlights at either
/// end, in the middle, many or none.
final class SnippetTests: XCTestCase {
    func testTheWindowIsCutAsFromAnArrayOfScalars() {
        let alphabets: [[Unicode.Scalar]] = [
            Array("abc 123".unicodeScalars), Array("预算收入乡村振兴“三保”".unicodeScalars),
            Array("é中😀𠀋a…".unicodeScalars)
        ]
        var rng = SplitMix(seed: 11)
        for round in 0..<600 {
            let alphabet = alphabets[round % alphabets.count] + (round % 7 == 0 ? alphabets[(round + 1) % 3] : [])
            let length = Int(rng.next() % 400)
            var view = String.UnicodeScalarView()
            for _ in 0..<length { view.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let text = String(view)
            var highlights: [Range<Int>] = []
            var at = Int(rng.next() % 40)
            while at < length, highlights.count < Int(rng.next() % 6) {
                let end = min(length, at + 1 + Int(rng.next() % 5))
                highlights.append(at..<end)
                at = end + Int(rng.next() % 150)
            }
            let (made, expected) = (Snippet.make(original: text, highlights: highlights), reference(text, highlights))
            XCTAssertEqual(made.highlights, expected.highlights, "\(text) \(highlights)")
            XCTAssertEqual(Array(made.text.utf8), Array(expected.text.utf8), "\(text) \(highlights)")
        }
    }

    /// The cut as it was written before, scalar by scalar.
    private func reference(_ original: String, _ highlights: [Range<Int>]) -> Snippet {
        let width = Snippet.width
        let scalars = Array(original.unicodeScalars)
        guard scalars.count > width else { return Snippet(text: original, highlights: highlights) }
        var bestStart = 0
        var bestCount = -1
        for h in highlights {
            let start = max(0, h.lowerBound - 20)
            let count = highlights.filter { $0.lowerBound >= start && $0.upperBound <= start + width }.count
            if count > bestCount {
                bestCount = count
                bestStart = start
            }
        }
        let start = min(bestStart, scalars.count - width)
        let end = min(scalars.count, start + width)
        var view = String.UnicodeScalarView()
        let prefix = start > 0 ? "…" : ""
        view.append(contentsOf: prefix.unicodeScalars)
        view.append(contentsOf: scalars[start..<end])
        if end < scalars.count { view.append(contentsOf: "…".unicodeScalars) }
        let shift = prefix.unicodeScalars.count - start
        let inside = highlights.compactMap { h -> Range<Int>? in
            let lo = max(h.lowerBound, start)
            let hi = min(h.upperBound, end)
            return lo < hi ? (lo + shift)..<(hi + shift) : nil
        }
        return Snippet(text: String(view), highlights: inside)
    }
}
