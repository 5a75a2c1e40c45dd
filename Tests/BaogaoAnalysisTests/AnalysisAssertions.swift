import CICU
import XCTest

@testable import BaogaoAnalysis

/// One expected word: its index term, kind, normalised scalar offsets, position.
typealias ExpectedWord = (term: String, kind: Token.Kind, start: Int, end: Int, position: Int)

/// `term/kind[start,end)@position`, so that a failing table shows a readable diff.
func render(_ w: ExpectedWord) -> String {
    "\(w.term)/\(w.kind)[\(w.start),\(w.end))@\(w.position)"
}

/// Lucene's assertAnalyzesTo: the words of `text`, in order, with their terms,
/// kinds, offsets and positions; plus the invariants every analysis must keep.
func assertAnalyzesTo(
    _ analyzer: Analyzer, _ text: String, _ expected: [ExpectedWord],
    file: StaticString = #filePath, line: UInt = #line
) {
    let analyzed = analyzer.analyze(text)
    let actual = analyzed.words.map {
        render((analyzed.term(of: $0), $0.kind, Int($0.start), Int($0.end), Int($0.position)))
    }
    XCTAssertEqual(actual, expected.map(render), "analysing \(text.debugDescription)", file: file, line: line)
    checkInvariants(analyzed, original: text, file: file, line: line)
}

/// Invariants of any analysis: the offset map's (`checkMapInvariants`), and
/// words in order, inside the text, non-empty, positioned 0, 1, 2, …
func checkInvariants(
    _ analyzed: AnalyzedText, original: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    checkMapInvariants(analyzed.normalized, original: original, file: file, line: line)
    var previousEnd: Int32 = 0
    for (i, word) in analyzed.words.enumerated() {
        guard word.position == Int32(i), word.start < word.end, word.start >= previousEnd,
            word.end <= Int32(analyzed.normalized.count)
        else {
            XCTFail("bad word \(word) at \(i) in \(original.debugDescription)", file: file, line: line)
            return
        }
        previousEnd = word.end
    }
}

/// count + 1 entries, non-decreasing, each inside the original, the last equal
/// to the original's scalar count.
func checkMapInvariants(
    _ normalized: NormalizedText, original: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let map = normalized.originalOffsets
    let originalCount = Int32(original.unicodeScalars.count)
    guard map.count == normalized.scalars.count + 1 else {
        XCTFail("map has \(map.count) entries for \(normalized.scalars.count) scalars", file: file, line: line)
        return
    }
    guard map.last == originalCount else {
        XCTFail(
            "map ends at \(map.last ?? -1), original has \(originalCount) scalars: \(original.debugDescription)",
            file: file, line: line)
        return
    }
    for i in 0..<normalized.scalars.count where map[i] > map[i + 1] || map[i] < 0 || map[i] >= originalCount {
        XCTFail("map[\(i)] = \(map[i]) (next \(map[i + 1])) for \(original.debugDescription)", file: file, line: line)
        return
    }
}

/// What ICU makes of a text, slowly and obviously: nfkc_cf over the whole text,
/// then Traditional-Simplified on each character alone (or, `contextual`, over
/// the whole text). The Normalizer must agree with it exactly.
final class ReferenceNormalizer {
    private let transliterator = bg_transliterator_open("Traditional-Simplified")
    private let contextual: Bool

    init(contextual: Bool = false) {
        self.contextual = contextual
    }

    deinit { bg_transliterator_close(transliterator) }

    func normalize(_ text: String) -> String {
        let folded = casefold(text)
        if contextual { return transliterate(folded) }
        var result = ""
        for scalar in folded.unicodeScalars { result += transliterate(String(scalar)) }
        return result
    }

    private func transliterate(_ text: String) -> String {
        var units = Array(text.utf16)
        let n = units.count
        units.append(contentsOf: repeatElement(0, count: n * 2 + 16))
        let t = units.withUnsafeMutableBufferPointer {
            bg_transliterate(transliterator, $0.baseAddress, Int32(n), Int32($0.count))
        }
        guard t >= 0 else { return "<t2s error>" }
        return String(decoding: units[0..<Int(t)], as: UTF16.self)
    }

    private func casefold(_ text: String) -> String {
        let units = Array(text.utf16)
        let n = units.withUnsafeBufferPointer { bg_nfkc_casefold($0.baseAddress, Int32($0.count), nil, 0) }
        guard n >= 0 else { return "<nfkc error>" }
        var out = [UInt16](repeating: 0, count: Int(n) * 2 + 16)
        let m = units.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { bg_nfkc_casefold(src.baseAddress, Int32(src.count), $0.baseAddress, n) }
        }
        guard m == n else { return "<nfkc error>" }
        return String(decoding: out[0..<Int(n)], as: UTF16.self)
    }

    /// Simplified→Traditional, to make Traditional test text from the corpus.
    static func traditional(_ text: String) -> String {
        guard let t = bg_transliterator_open("Simplified-Traditional") else { return text }
        defer { bg_transliterator_close(t) }
        var units = Array(text.utf16)
        let length = units.count
        units.append(contentsOf: repeatElement(0, count: length * 2 + 16))
        let n = units.withUnsafeMutableBufferPointer { bg_transliterate(t, $0.baseAddress, Int32(length), Int32($0.count)) }
        return n >= 0 ? String(decoding: units[0..<Int(n)], as: UTF16.self) : text
    }
}

/// The paragraphs (non-empty lines) of the sample reports in Corpus/.
func corpusParagraphs() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")
    let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".txt") }.sorted()
    var paragraphs: [String] = []
    for file in files {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        paragraphs += text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
    return paragraphs
}
