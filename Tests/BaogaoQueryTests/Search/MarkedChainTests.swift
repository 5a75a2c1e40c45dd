import BaogaoAnalysis
import BaogaoIndex
import Foundation
import XCTest

@testable import BaogaoQuery

/// Terms split by marks are matched from the index's positions (format 7), so
/// every per-paragraph count must equal a scan of the text: a bare term's in the
/// text without inline marks, a phrase's in the text as written. The corpus is
/// dense on purpose: four characters and the marks around them, so that every
/// short term is split once, twice, at its first or last pair, by one mark or
/// by two (”“), and repeated or overlapping in one paragraph.
final class MarkedChainTests: XCTestCase {
    private static let searcher: Searcher = {
        var rng = SplitMix(seed: 11)
        let pieces = ["过", "紧", "日", "子", "过", "紧", "日", "子", "“", "”", "”“", "《", "》", "「", "（", "，", "1"]
        var lines = ["某县2024年预算执行情况的报告", ""]
        for _ in 0..<400 {
            let n = 10 + Int(rng.next() % 60)
            lines.append((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() + "。")
            lines.append("")
        }
        let corpus = NSTemporaryDirectory() + "baogao-marked-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            try lines.joined(separator: "\n").write(toFile: corpus + "/marked.txt", atomically: true, encoding: .utf8)
        } catch {
            fatalError("cannot write the marked corpus: \(error)")
        }
        return SharedIndex.build(corpus: corpus, name: "marked")
    }()

    func testEveryTermOfUpToFiveCharactersCountsAsTheTextSays() throws {
        let searcher = Self.searcher
        let index = searcher.index
        let paragraphs = try normalizedParagraphs(searcher)
        XCTAssertEqual(paragraphs.count, 401)
        let unmarked = paragraphs.map { NaiveScan.withoutInlineMarks($0.text) }
        let matchers = index.segments.enumerated().map { s, segment in
            SubstringMatcher(
                segment: segment, analyzer: Analyzer(), deadline: .never,
                wordTerms: { () throws(IndexError) in try index.segments[s].wordTerms() })
        }
        var terms: [[Unicode.Scalar]] = [[]]
        let alphabet = Array("过紧日子".unicodeScalars)
        var checked = 0
        var split = 0
        for _ in 1...5 {
            terms = terms.flatMap { t in alphabet.map { t + [$0] } }
            for term in terms {
                for acrossMarks in [true, false] {
                    var actual: [String: UInt32] = [:]
                    for (s, matcher) in matchers.enumerated() {
                        let set = try matcher.match(TermPattern(term, acrossMarks: acrossMarks))
                        for (d, n) in zip(set.docs, set.counts) {
                            actual[try index.paragraphID(segment: s, doc: Int(d))] = n
                        }
                    }
                    var expected: [String: UInt32] = [:]
                    for (k, p) in paragraphs.enumerated() {
                        let n = overlapping(term, in: acrossMarks ? unmarked[k] : p.text)
                        if n > 0 { expected[p.id] = UInt32(n) }
                        if acrossMarks, n > overlapping(term, in: p.text) { split += 1 }
                    }
                    let name = String(String.UnicodeScalarView(term))
                    XCTAssertEqual(actual, expected, acrossMarks ? name : "\"\(name)\"")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 2 * (4 + 16 + 64 + 256 + 1024))
        // (term, paragraph) pairs where a bare term finds more than the written
        // text holds: the marks split it there.
        XCTAssertEqual(split, 6557)
    }
}
