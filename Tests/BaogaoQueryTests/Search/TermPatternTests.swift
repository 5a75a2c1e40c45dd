import BaogaoAnalysis
import BaogaoIndex
import XCTest

@testable import BaogaoQuery

/// A bare term reads through quotation and title marks inside CJK text; a
/// quoted phrase does not. The sample 江津 report (002) writes 过“紧日子” in
/// ¶48 and ¶61 beside plain 过紧日子, and 三公经费 only as “三公”经费.
final class TermPatternTests: XCTestCase {
    private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    func testABareTermReadsThroughMarksInsideCJKTextOnly() {
        let term = TermPattern(s("过紧日子"), acrossMarks: true)
        XCTAssertEqual(term.ranges(in: s("过“紧日子”和过紧日子")), [0..<5, 7..<11])
        XCTAssertEqual(term.ranges(in: s("过「紧日」子")), [0..<6])
        XCTAssertEqual(term.ranges(in: s("过“ 紧日子")), [], "a space between is not a mark")
        XCTAssertEqual(term.ranges(in: s("过（紧日子）")), [], "brackets do not join")
        let phrase = TermPattern(s("过紧日子"), acrossMarks: false)
        XCTAssertEqual(phrase.ranges(in: s("过“紧日子”和过紧日子")), [7..<11])
        // Marks not between two CJK characters are text like any other.
        XCTAssertEqual(TermPattern(s("631工作"), acrossMarks: true).ranges(in: s("“631”工作")), [])
        // A term holding a mark itself matches as written.
        let marked = TermPattern(s("《预算法》"), acrossMarks: true)
        XCTAssertFalse(marked.acrossMarks)
        XCTAssertEqual(marked.ranges(in: s("落实《预算法》规定")), [2..<7])
    }

    /// Counts checked with the test's own scan of the sample paragraphs
    /// (`baogao paragraphs FILE --json`): plain text, then with marks skipped.
    func testBareTermsFindTheSamplesMarkedTextAndPhrasesStayExact() throws {
        let searcher = SharedIndex.sample
        let counts: [(String, Int)] = [
            ("过紧日子", 8), ("\"过紧日子\"", 6), ("“过紧日子”", 6),
            // Two characters: the bigram's postings plus the joined bigram's.
            ("过紧", 8), ("\"过紧\"", 6),
            ("三公经费", 4), ("\"三公经费\"", 0),
            ("预算法规定", 3), ("\"预算法规定\"", 1),
            ("过紧日子要求", 3), ("\"过紧日子要求\"", 2),
            // Unchanged: no mark inside the term in any sample.
            ("三保", 20), ("\"三保\"", 20), ("一般公共预算收入", 17)
        ]
        for (query, total) in counts {
            XCTAssertEqual(try searcher.search(query).total, total, query)
            XCTAssertEqual(try searcher.allMatches(try searcher.parse(query)).count, total, query)
        }
        XCTAssertEqual(
            try ids(searcher, "过紧日子").subtracting(try ids(searcher, "\"过紧日子\"")),
            ["002_b5c26ff8d3e05e66.txt#48", "002_b5c26ff8d3e05e66.txt#61"])
    }

    /// The counts BM25 scores: every match of the paragraph, plain or split.
    func testCountsAddPlainAndSplitMatches() throws {
        let index = SharedIndex.sample.index
        func count(_ term: String, acrossMarks: Bool, _ paragraph: Int) throws -> UInt32 {
            let (s, d) = try XCTUnwrap(index.locate(doc: "002_b5c26ff8d3e05e66.txt", paragraph: paragraph))
            let matcher = SubstringMatcher(
                segment: index.segments[s], analyzer: Analyzer(), deadline: .never,
                wordTerms: { () throws(IndexError) in try index.segments[s].wordTerms() })
            let set = try matcher.match(TermPattern(Array(term.unicodeScalars), acrossMarks: acrossMarks))
            return set.docs.firstIndex(of: UInt32(d)).map { set.counts[$0] } ?? 0
        }
        // ¶92: 建立过“紧日子”长效机制 … 常态化过紧日子; ¶48 writes 过“紧日子” twice.
        for (term, paragraph, split, exact) in [
            ("过紧日子", 92, 2, 1), ("过紧日子", 48, 2, 0), ("过紧日子", 61, 1, 0), ("过紧日子", 60, 1, 1),
            ("过紧", 92, 2, 1), ("过紧", 48, 2, 0)
        ] as [(String, Int, UInt32, UInt32)] {
            XCTAssertEqual(try count(term, acrossMarks: true, paragraph), split, "\(term) ¶\(paragraph)")
            XCTAssertEqual(try count(term, acrossMarks: false, paragraph), exact, "\"\(term)\" ¶\(paragraph)")
        }
    }

    func testAMatchAcrossMarksIsHighlightedWithTheMarksInsideIt() throws {
        let hits = try SharedIndex.sample.search("过紧日子 doc:002", limit: 10).hits
        let p48 = try XCTUnwrap(hits.first { $0.paragraph.number == 48 })
        let text = Array(p48.paragraph.text.unicodeScalars)
        // ¶48 writes it twice (政府过“紧日子”要求, 政府过“紧日子”换来); the snippet shows one.
        XCTAssertEqual(p48.highlights.map { String(String.UnicodeScalarView(text[$0])) }, ["过“紧日子", "过“紧日子"])
        let snippet = Array(p48.snippet.text.unicodeScalars)
        XCTAssertEqual(p48.snippet.highlights.map { String(String.UnicodeScalarView(snippet[$0])) }, ["过“紧日子"])
    }

    func testNearReadsTheTermAsTheSearchDoes() throws {
        let searcher = SharedIndex.sample
        // 002 ¶48: 政府过“紧日子”要求 — one mark between the match and 要求.
        XCTAssertEqual(try searcher.search("过紧日子 NEAR/1 要求").total, 3)
        XCTAssertEqual(try searcher.search("\"过紧日子\" NEAR/1 要求").total, 2)
        XCTAssertEqual(try searcher.search("过紧日子 NEAR/0 要求").total, 2)
    }
}
