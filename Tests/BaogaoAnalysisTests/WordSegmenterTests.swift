import XCTest

@testable import BaogaoAnalysis

/// The fast path of the segmenter (chunks at punctuation, cached) must give
/// exactly ICU's words for each text between numbers.
final class WordSegmenterTests: XCTestCase {
    private func words(_ segmenter: WordSegmenter, _ normalized: NormalizedText) -> [Token] {
        normalized.scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { segmenter.words(of: $0) }
        }
    }

    private func assertSameAsUnchunked(
        _ texts: [String], expectHits: Bool = true, file: StaticString = #filePath, line: UInt = #line
    ) {
        let analyzer = Analyzer()
        let fast = WordSegmenter()
        let reference = WordSegmenter(chunking: false)
        var failures = 0
        // Twice: the second round is served from the cache.
        for round in 0..<2 {
            for text in texts {
                let normalized = analyzer.normalize(text)
                let a = words(fast, normalized)
                let b = words(reference, normalized)
                if a != b {
                    failures += 1
                    if failures <= 3 {
                        let analyzed = AnalyzedText(normalized: normalized, words: a)
                        let expected = AnalyzedText(normalized: normalized, words: b)
                        XCTFail(
                            "round \(round) \(text.debugDescription):\n  \(a.map { analyzed.text(of: $0) })\n"
                                + "  \(b.map { expected.text(of: $0) })", file: file, line: line)
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0, file: file, line: line)
        if expectHits { XCTAssertGreaterThan(fast.cacheStatistics.hits, 0, file: file, line: line) }
    }

    func testChunkedWordsEqualICUWordsOnTheCorpus() throws {
        let paragraphs = try corpusParagraphs()
        assertSameAsUnchunked(paragraphs + paragraphs.map(ReferenceNormalizer.traditional))
    }

    func testChunkedWordsEqualICUWordsOnRandomText() {
        var rng = RandomTextTests.Random(state: 99)
        var texts: [String] = []
        for _ in 0..<5000 { texts.append(RandomTextTests.randomString(&rng)) }
        // Punctuation-heavy mixes of the separators with letters, digits and marks.
        let parts = [
            "a", "1", "中", "国", ",", ".", ":", ";", "，", "。", "、", " ", "'", "\"", "_", "-", "(", ")",
            "\u{0301}", "\u{200D}", "\u{00B7}", "“", "”", "—", "…", "%", "x1", "é", "𠀀", "ア", "한",
            "@", "#", "$", "&", "*", "+", "/", "=", "^", "|", "~", "`", "<", ">", "[", "]", "{", "}", "!", "?",
            "\t", "\n", "\r", "、", "《", "》", "「", "」", "【", "】"
        ]
        for _ in 0..<5000 {
            let n = Int.random(in: 1...12, using: &rng)
            texts.append((0..<n).map { _ in parts[Int.random(in: 0..<parts.count, using: &rng)] }.joined())
        }
        assertSameAsUnchunked(texts)
    }

    func testLongChunksBypassTheCache() {
        let long = String(repeating: "一般公共预算收入", count: 20)
        assertSameAsUnchunked([long, long + "，" + long], expectHits: false)
    }
}
