import BaogaoAnalysis
import BaogaoIndex
import BaogaoQuery
import XCTest

/// For any run of characters, search returns exactly the paragraphs whose
/// normalised text contains it: grep's recall, whatever the segmenter did. A
/// bare CJK term also reads through quotation and title marks inside CJK text
/// (过紧日子 finds 过“紧日子”); a quoted phrase does not.
final class RecallTests: XCTestCase {
    func testAFullWidthHeadingIsSearchedAsWritten() throws {
        let searcher = SharedIndex.sample
        let heading = try ids(searcher, "（一）")
        XCTAssertEqual(heading, try ids(searcher, "\"（一）\""))
        XCTAssertEqual(heading, try ids(searcher, "\"(一)\""))
        let naive = Set(
            try normalizedParagraphs(searcher).filter { p in
                String(String.UnicodeScalarView(p.text)).contains("(一)")
            }.map(\.id))
        XCTAssertEqual(heading, naive)
        XCTAssertFalse(heading.isEmpty)
    }

    func testRandomCJKSubstringsOfTheSampleCorpusMatchANaiveScan() throws {
        try assertRecall(SharedIndex.sample, queries: 2000, seed: 1)
    }

    func testRandomQuotedCJKSubstringsMatchOnlyTheUnbrokenText() throws {
        try assertRecall(SharedIndex.sample, queries: 2000, seed: 1, quoted: true)
    }

    func testRandomCJKSubstringsOfAGeneratedCorpusMatchANaiveScan() throws {
        try assertRecall(SharedIndex.generated, queries: 1000, seed: 2)
    }

    func testRandomMixedPhrasesMatchANaiveScan() throws {
        // Any characters but quotes and spaces, quoted as a phrase: digits, Latin,
        // punctuation and CJK together take the candidates-and-verify path.
        try assertRecall(SharedIndex.sample, queries: 300, seed: 3, cjkOnly: false)
    }

    private func assertRecall(
        _ searcher: Searcher, queries: Int, seed: UInt64, cjkOnly: Bool = true, quoted: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let paragraphs = try normalizedParagraphs(searcher)
        // A bare CJK term is looked for in the text as read without inline marks.
        let unmarked = paragraphs.map { (id: $0.id, text: NaiveScan.withoutInlineMarks($0.text)) }
        var rng = SplitMix(seed: seed)
        var checked = 0
        var failures = 0
        while checked < queries {
            let p = paragraphs[Int(rng.next() % UInt64(paragraphs.count))].text
            guard !p.isEmpty else { continue }
            let length = 1 + Int(rng.next() % 8)
            let start = Int(rng.next() % UInt64(p.count))
            let end = min(p.count, start + length)
            let needle = Array(p[start..<end])
            if cjkOnly {
                guard needle.allSatisfy(CJKGrams.isCJK) else { continue }
            } else {
                guard !needle.contains(where: { $0 == "\"" || $0.properties.isWhitespace }) else { continue }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: needle)
            let bare = cjkOnly && !quoted
            let query = bare ? String(s) : "\"" + String(s) + "\""
            let expected = Set((bare ? unmarked : paragraphs).filter { NaiveScan.contains(needle, in: $0.text) }.map(\.id))
            let actual: Set<String>
            do { actual = try ids(searcher, query) } catch {
                XCTFail("\(query): \(error)", file: file, line: line)
                failures += 1
                checked += 1
                continue
            }
            if actual != expected {
                failures += 1
                if failures <= 5 {
                    XCTFail(
                        "\(query): expected \(expected.count) paragraphs, got \(actual.count); "
                            + "missing \(expected.subtracting(actual).prefix(3)), extra \(actual.subtracting(expected).prefix(3))",
                        file: file, line: line)
                }
            }
            checked += 1
        }
        XCTAssertEqual(failures, 0, "\(failures) of \(checked) queries differ from the naive scan", file: file, line: line)
    }
}

/// The test's own substring scan, written apart from the engine's `Occurrences`
/// so that the recall tests compare the engine with an independent oracle.
enum NaiveScan {
    static func contains(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        outer: for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            for k in 1..<needle.count where haystack[i + k] != needle[k] { continue outer }
            return true
        }
        return false
    }

    /// Drops every run of quotation and title marks that has a CJK ideograph
    /// on both sides.
    static func withoutInlineMarks(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let marks = Set("“”‘’「」『』《》〈〉\"'".unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < text.count {
            out.append(text[i])
            var j = i + 1
            while j < text.count, marks.contains(text[j]) { j += 1 }
            let joins = j > i + 1 && j < text.count && text[i].properties.isIdeographic && text[j].properties.isIdeographic
            i = joins ? j : i + 1
        }
        return out
    }
}

/// A small deterministic generator, so a failing draw can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
