import BaogaoAnalysis
import BaogaoIndex
import Foundation
import XCTest

@testable import BaogaoQuery

/// Phrase terms (format 14) must answer exactly what the bigram chains answer:
/// the same documents with the same counts, for a phrase and for a bare term, in
/// every segment, so that totals, counts and ranking do not depend on which runs a
/// segment chose. The corpora are dense on purpose (few characters, inline marks
/// and punctuation between them), and the policy keeps every run seen twice, so
/// that nearly every run queried is a phrase term somewhere, split by marks
/// elsewhere, repeated and overlapping.
final class PhraseTermTests: XCTestCase {
    /// Every run seen twice is chosen; the sample ends early, so that most
    /// paragraphs have their phrases recorded as they are inverted, the first
    /// ones after the choice.
    private static let everyRun: PhrasePolicy = {
        var p = PhrasePolicy()
        p.sampleCharacters = 3_000
        p.minimumCount = 2
        p.charactersPerOccurrence = 1 << 30
        p.closedRatio = 2
        p.maxPhrases = 1 << 20
        return p
    }()

    private static func build(_ lines: [String], name: String, phrases: PhrasePolicy, workers: Int = 2) -> Searcher {
        let root = NSTemporaryDirectory() + "baogao-\(name)-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: root + "/corpus", withIntermediateDirectories: true)
            // Two reports, so that two workers may build two segments choosing apart.
            let half = lines.count / 2
            for (k, part) in [lines[..<half], lines[half...]].enumerated() {
                let text = (["某县2024年预算执行情况的报告", ""] + part.flatMap { [$0, ""] }).joined(separator: "\n")
                try text.write(toFile: root + "/corpus/r\(k).txt", atomically: true, encoding: .utf8)
            }
            var options = IndexUpdater.Options(corpus: root + "/corpus", index: root + "/index")
            options.phrases = phrases
            options.workers = workers
            _ = try IndexUpdater.update(options)
            return Searcher(index: try IndexReader.open(path: root + "/index"))
        } catch {
            fatalError("cannot build the \(name) test index: \(error)")
        }
    }

    private static func randomLines(seed: UInt64, count: Int) -> [String] {
        var rng = SplitMix(seed: seed)
        // Mostly CJK, so that runs of up to 8 characters stand together often.
        let cjk = ["预", "算", "收", "入", "预", "算", "一", "般"]
        let pieces = cjk + cjk + cjk + ["“", "”", "《", "》", "，", "。", "1"]
        return (0..<count).map { _ in
            let n = 5 + Int(rng.next() % 60)
            return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
    }

    private func matchers(_ searcher: Searcher, phraseTerms: Bool) -> [SubstringMatcher] {
        let index = searcher.index
        return index.segments.enumerated().map { s, segment in
            var m = SubstringMatcher(
                segment: segment, analyzer: Analyzer(), deadline: .never,
                wordTerms: { () throws(IndexError) in try index.segments[s].wordTerms() })
            m.usesPhraseTerms = phraseTerms
            return m
        }
    }

    /// Every distinct run of 3–8 CJK characters standing together in the texts.
    private func runs(of paragraphs: [(id: String, text: [Unicode.Scalar])]) -> [[Unicode.Scalar]] {
        var seen = Set<String>()
        var out: [[Unicode.Scalar]] = []
        for p in paragraphs {
            let t = p.text
            for i in t.indices {
                var j = i
                while j < t.count, j - i < TermKind.maxPhraseLength, CJKGrams.isCJK(t[j]) {
                    j += 1
                    let run = Array(t[i..<j])
                    if run.count >= 3, seen.insert(String(String.UnicodeScalarView(run))).inserted { out.append(run) }
                }
            }
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) { $0.value < $1.value } }
    }

    /// Per run of 3–8 scalars of the texts, its occurrences in each (overlapping ones too).
    private func occurrences(
        in texts: [[Unicode.Scalar]], ids: [String]
    ) -> [String: [String: UInt32]] {
        var out: [String: [String: UInt32]] = [:]
        for (t, id) in zip(texts, ids) {
            for i in t.indices {
                for n in 3...TermKind.maxPhraseLength where i + n <= t.count {
                    out[String(String.UnicodeScalarView(t[i..<(i + n)])), default: [:]][id, default: 0] += 1
                }
            }
        }
        return out
    }

    /// The phrase terms of every segment, as text.
    private func phraseTerms(_ searcher: Searcher) throws -> [Set<String>] {
        try searcher.index.segments.map { segment in
            Set(
                try segment.terms(withPrefix: [TermKind.phrase.rawValue]).map {
                    String(decoding: $0.0.dropFirst(), as: UTF8.self)
                })
        }
    }

    func testEveryRunMatchesTheSameWithAndWithoutPhraseTerms() throws {
        let searcher = Self.build(Self.randomLines(seed: 19, count: 180), name: "phrase-random", phrases: Self.everyRun)
        let paragraphs = try normalizedParagraphs(searcher)
        let chosen = try phraseTerms(searcher)
        XCTAssertGreaterThan(chosen.map(\.count).reduce(0, +), 500, "the dense corpus chooses many phrases")
        let withTerms = matchers(searcher, phraseTerms: true)
        let withoutTerms = matchers(searcher, phraseTerms: false)
        let ids = paragraphs.map(\.id)
        let asWritten = occurrences(in: paragraphs.map(\.text), ids: ids)
        let withoutMarks = occurrences(in: paragraphs.map { NaiveScan.withoutInlineMarks($0.text) }, ids: ids)
        var answeredByTerms = 0
        for run in runs(of: paragraphs) {
            let name = String(String.UnicodeScalarView(run))
            for acrossMarks in [true, false] {
                var byParagraph: [String: UInt32] = [:]
                for s in withTerms.indices {
                    let a = try withTerms[s].match(TermPattern(run, acrossMarks: acrossMarks))
                    let b = try withoutTerms[s].match(TermPattern(run, acrossMarks: acrossMarks))
                    XCTAssertEqual(a.docs, b.docs, "\(name) across marks \(acrossMarks), segment \(s)")
                    XCTAssertEqual(a.counts, b.counts, "\(name) across marks \(acrossMarks), segment \(s)")
                    if chosen[s].contains(name) { answeredByTerms += 1 }
                    for (d, n) in zip(a.docs, a.counts) {
                        byParagraph[try searcher.index.paragraphID(segment: s, doc: Int(d))] = n
                    }
                }
                // And both are what the text says.
                let expected = (acrossMarks ? withoutMarks : asWritten)[name] ?? [:]
                XCTAssertEqual(byParagraph, expected, acrossMarks ? name : "\"\(name)\"")
            }
        }
        XCTAssertGreaterThan(answeredByTerms, 500, "many runs were answered from phrase terms")
    }

    /// Overlaps, a mark inside the phrase, the phrase at a paragraph's start and end.
    func testHandMadeCasesCountAsTheTextSays() throws {
        let cases = [
            "预算预算预算", "预算预算预算预", "一般公共预算收入", "一般公共“预算”收入", "一般公共预算。收入",
            "收入一般公共预算", "《一般公共预算收入》", "一般公共预算收入一般公共预算收入"
        ]
        let searcher = Self.build(
            Array(repeating: cases, count: 3).flatMap { $0 }, name: "phrase-cases", phrases: Self.everyRun)
        let chosen = try phraseTerms(searcher).reduce(into: Set<String>()) { $0.formUnion($1) }
        for term in ["预算预算预算", "预算预算", "一般公共预算收入", "一般公共预算", "共预算收入"] {
            XCTAssertTrue(chosen.contains(term), "\(term) is a phrase term")
        }
        let paragraphs = try normalizedParagraphs(searcher)
        let unmarked = paragraphs.map { NaiveScan.withoutInlineMarks($0.text) }
        let withTerms = matchers(searcher, phraseTerms: true)
        let withoutTerms = matchers(searcher, phraseTerms: false)
        for term in ["预算预", "预算预算", "预算预算预算", "算预算", "一般公共预算收入", "一般公共预算", "公共预算收入", "预算收入"] {
            let run = Array(term.unicodeScalars)
            for acrossMarks in [true, false] {
                var actual: [String: UInt32] = [:]
                for s in withTerms.indices {
                    let a = try withTerms[s].match(TermPattern(run, acrossMarks: acrossMarks))
                    let b = try withoutTerms[s].match(TermPattern(run, acrossMarks: acrossMarks))
                    XCTAssertEqual(a.docs, b.docs, term)
                    XCTAssertEqual(a.counts, b.counts, term)
                    for (d, n) in zip(a.docs, a.counts) { actual[try searcher.index.paragraphID(segment: s, doc: Int(d))] = n }
                }
                var expected: [String: UInt32] = [:]
                for (k, p) in paragraphs.enumerated() {
                    let n = overlapping(run, in: acrossMarks ? unmarked[k] : p.text)
                    if n > 0 { expected[p.id] = UInt32(n) }
                }
                XCTAssertEqual(actual, expected, "\(term) across marks \(acrossMarks)")
            }
        }
        // 预算预算预算 holds 预算预算 at 0 and 2: two overlapping occurrences.
        let six = paragraphs.first { String(String.UnicodeScalarView($0.text)) == "预算预算预算" }
        let overlap = try withTerms.enumerated().compactMap { s, m -> UInt32? in
            let set = try m.match(TermPattern(Array("预算预算".unicodeScalars), acrossMarks: false))
            return try zip(set.docs, set.counts).first { try searcher.index.paragraphID(segment: s, doc: Int($0.0)) == six?.id }?
                .1
        }
        XCTAssertEqual(overlap, [2])
    }

    /// Whole searches (totals, hits, scores) over an index with phrase terms and
    /// one without: the same, whatever the segments chose.
    func testSearchesRankTheSameWithAndWithoutPhraseTerms() throws {
        let lines = Self.randomLines(seed: 5, count: 500)
        // One worker: the same segments both times, so that equal scores tie the same way.
        let with = Self.build(lines, name: "phrase-on", phrases: Self.everyRun, workers: 1)
        let without = Self.build(lines, name: "phrase-off", phrases: .off, workers: 1)
        XCTAssertGreaterThan(try phraseTerms(with).map(\.count).reduce(0, +), 0)
        XCTAssertEqual(try phraseTerms(without).map(\.count).reduce(0, +), 0)
        let queries = [
            "预算收入", "\"预算收入\"", "一般预算", "预算预算", "收入一般", "预算收入 一般", "预算收入 OR 收入预算",
            "预算收入 -一般预", "\"预算收入一般\"", "算收入预算"
        ]
        for q in queries {
            let a = try with.search(q, limit: 1000)
            let b = try without.search(q, limit: 1000)
            XCTAssertEqual(a.total, b.total, q)
            XCTAssertEqual(a.hits.map(\.paragraph.id), b.hits.map(\.paragraph.id), q)
            XCTAssertEqual(a.hits.map(\.score), b.hits.map(\.score), q)
        }
    }
}
