import BaogaoAnalysis
import XCTest

@testable import BaogaoIndex

/// Words of one or two CJK characters are stored as flags over their gram's
/// documents (`WordFlags`): they must read back as exactly the documents whose
/// analysed text holds the word, whichever way they are stored.
final class WordFlagsTests: XCTestCase {
    func testFlagsAreABitmapOverTheGramsDocumentsOrOneByteWhenAllHoldTheWord() {
        XCTAssertEqual(WordFlags.encode(word: [3, 9], gram: [3, 7, 9]), [1, 0b101])
        XCTAssertEqual(WordFlags.encode(word: [3, 7, 9], gram: [3, 7, 9]), [0])
        XCTAssertEqual(WordFlags.encode(word: [], gram: Array(0..<9)), [1, 0, 0])
        XCTAssertEqual(WordFlags.encode(word: [8], gram: Array(0..<9)), [1, 0, 1])
    }

    func testOnlyShortAllCJKWordsAreStoredAsFlags() {
        XCTAssertEqual(WordFlags.gramKey(ofWord: TermKey.make(.word, "预算")), TermKey.make(.bigram, "预算"))
        XCTAssertEqual(WordFlags.gramKey(ofWord: TermKey.make(.word, "的")), TermKey.make(.unigram, "的"))
        XCTAssertNil(WordFlags.gramKey(ofWord: TermKey.make(.word, "一般公共")))
        XCTAssertNil(WordFlags.gramKey(ofWord: TermKey.make(.word, "gdp")))
        XCTAssertNil(WordFlags.gramKey(ofWord: TermKey.make(.word, "5g")))
        XCTAssertNil(WordFlags.gramKey(ofWord: TermKey.make(.bigram, "预算")))
    }

    /// Random paragraphs over a few characters, so that words, grams that are
    /// not words and words in only some of their gram's documents all occur;
    /// every word of the segment read back against the analyser's own words.
    func testEveryWordReadsBackAsTheDocumentsWhoseTextHoldsIt() throws {
        let scratch = Scratch()
        let corpus = scratch.path + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        var rng = SystemRandomNumberGenerator()
        let pieces = ["预算", "收入", "的", "和", "预算收入", "支出", "财政", "。", "，", "2024", "年", "“", "”", "增长"]
        var lines: [String] = ["某县2024年预算执行情况的报告", ""]
        for _ in 0..<400 {
            let n = Int.random(in: 1...12, using: &rng)
            lines.append((0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined() + "。")
            lines.append("")
        }
        try lines.joined(separator: "\n").write(toFile: corpus + "/report.txt", atomically: true, encoding: .utf8)
        try buildIndex(corpus: corpus, index: scratch.index)
        let reader = try IndexReader.open(path: scratch.index)
        let analyzer = Analyzer()
        var flagged = 0
        var partial = 0
        for segment in reader.segments {
            var expected: [String: Set<UInt32>] = [:]
            var text = segment.textReader()
            for d in 0..<segment.docCount {
                let analyzed = analyzer.analyze(try text.text(d))
                for token in analyzed.words where token.kind != .number {
                    expected[String(analyzed.text(of: token)), default: []].insert(UInt32(d))
                }
            }
            var keys: [[UInt8]] = []
            try segment.dictionary.scan { (k, _) in
                if k.first == TermKind.word.rawValue { keys.append(Array(k)) }
                return true
            }
            for key in keys {
                let word = String(decoding: key.dropFirst(), as: UTF8.self)
                guard let want = expected[word] else { continue }
                guard var docs = try segment.wordDocs(key) else { return XCTFail("\(word) not read") }
                var got: Set<UInt32> = []
                while try docs.next() { got.insert(docs.doc) }
                XCTAssertEqual(got, want, word)
                // `contains` agrees with the walk, asked in ascending order.
                guard var probe = try segment.wordDocs(key) else { return XCTFail("\(word) not read") }
                for d in 0..<UInt32(segment.docCount) {
                    XCTAssertEqual(try probe.contains(d), want.contains(d), "\(word) in \(d)")
                }
                if let gramKey = WordFlags.gramKey(ofWord: key) {
                    flagged += 1
                    if want.count < (try segment.docFreq(gramKey)) { partial += 1 }
                }
            }
        }
        // The test reached both forms of flags.
        XCTAssertGreaterThan(flagged, 5)
        XCTAssertGreaterThan(partial, 0)
        XCTAssertNoThrow(try reader.segments[0].checkStructure())
    }
}
