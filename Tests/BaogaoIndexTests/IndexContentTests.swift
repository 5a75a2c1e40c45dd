import BaogaoAnalysis
import BaogaoIngest
import XCTest

@testable import BaogaoIndex

/// The index holds exactly what the corpus says: every posting agrees with a
/// naive scan, and every paragraph comes back as it went in.
final class IndexContentTests: XCTestCase {
    func testPostingsAgreeWithANaiveScanForEveryTerm() throws {
        let scratch = Scratch()
        // One segment, so that its phrase terms hold every paragraph.
        try buildIndex(corpus: scratch.corpus(), index: scratch.index) { $0.workers = 1 }
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.segments.count, 1)
        let actual = try snapshot(reader, phrases: true)
        // Phrase terms (format 14): whichever runs the segment chose, each one's
        // postings are its unbroken occurrences in the normalised text.
        let phrases = actual.keys.filter { $0.hasPrefix("p") }.map { Array($0.unicodeScalars.dropFirst()) }
        XCTAssertGreaterThan(phrases.count, 20, "the sample corpus has frequent phrases")

        // The same analysis, inverted the slow obvious way.
        let analyzer = Analyzer()
        var expected: [String: [String: [UInt32]]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: sampleCorpus) {
            let report = try ReportReader.read(fileAt: sampleCorpus + "/" + name)
            for p in report.paragraphs {
                let id = "\(name)#\(p.number)"
                let a = analyzer.analyze(p.text)
                var grams: [String: [UInt32]] = [:]
                // Format 7: bigrams are positioned in the text without its inline
                // marks, where a pair the marks split is a joined bigram.
                let free = InlineMarks.withoutInlineMarks(a.normalized.scalars)
                CJKGrams.forEach(in: free.scalars) { x, y, position in
                    var s = String.UnicodeScalarView()
                    s.append(x)
                    if let y { s.append(y) }
                    let split = y != nil && free.offsets[position + 1] > free.offsets[position] + 1
                    let key = (y == nil ? "u" : split ? "j" : "b") + String(s)
                    grams[key, default: []].append(UInt32(position))
                }
                for (key, positions) in grams {
                    // Unigrams keep only their count.
                    expected[key, default: [:]][id] = key.hasPrefix("u") ? [UInt32(positions.count)] : positions
                }
                var words: [String: [UInt32]] = [:]
                for t in a.words {
                    // A word's term is its normalised text; numbers without thousands separators.
                    let text = a.text(of: t)
                    let term = t.kind == .number ? text.filter { $0 != "," } : text
                    words["w" + term, default: []].append(UInt32(t.position))
                }
                // Words keep only their count too (format 10), and a word of one or
                // two CJK characters not even that: it is flags over its gram (format 11).
                for (key, positions) in words {
                    let flagged = WordFlags.gramKey(ofWord: Array(key.utf8)) != nil
                    expected[key, default: [:]][id] = flagged ? [] : [UInt32(positions.count)]
                }
                let text = a.normalized.scalars
                for phrase in phrases {
                    var n: UInt32 = 0
                    for i in text.indices where text[i...].starts(with: phrase) { n += 1 }
                    if n > 0 { expected["p" + String(String.UnicodeScalarView(phrase)), default: [:]][id] = [n] }
                }
            }
        }
        XCTAssertEqual(actual.count, expected.count, "distinct terms")
        for (term, postings) in expected where actual[term] != postings {
            XCTFail("postings of \(term) differ: expected \(postings), indexed \(actual[term] ?? [:])")
            break
        }
    }

    func testEveryParagraphComesBackByteIdenticalWithItsCitation() throws {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus(), index: scratch.index)
        let reader = try IndexReader.open(path: scratch.index)
        var seen = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: sampleCorpus) {
            let report = try ReportReader.read(fileAt: sampleCorpus + "/" + name)
            for p in report.paragraphs {
                guard let (s, d) = try reader.locate(doc: name, paragraph: p.number) else {
                    XCTFail("\(name)#\(p.number) not found")
                    continue
                }
                let stored = try reader.paragraph(segment: s, doc: d)
                XCTAssertEqual(Array(stored.text.utf8), Array(p.text.utf8))
                XCTAssertEqual(stored.number, p.number)
                XCTAssertEqual(stored.section, p.section)
                XCTAssertEqual([stored.firstLine, stored.lastLine], [p.firstLine, p.lastLine])
                XCTAssertEqual(stored.lineStarts, p.lineStarts)
                XCTAssertEqual(stored.year, p.year)
                XCTAssertEqual(stored.kind, p.kind)
                XCTAssertEqual(stored.table, p.table)
                XCTAssertEqual(stored.report.title, report.metadata.title)
                XCTAssertEqual(stored.report.region, report.metadata.region)
                XCTAssertEqual(stored.report.executionYear, report.metadata.executionYear)
                XCTAssertEqual(stored.report.budgetYear, report.metadata.budgetYear)
                // Version 4: everything the metadata reader finds is stored, sources included.
                XCTAssertEqual(stored.report.metadata, report.metadata)
                XCTAssertNotNil(stored.report.metadata.kind)
                seen += 1
            }
        }
        XCTAssertEqual(seen, reader.liveDocCount)
    }

    /// Version 6: where each source line starts comes back from the store, also
    /// after segments are merged (the merge reads paragraphs back from the store).
    func testLineStartsSurviveTheStoreAndAMerge() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus([])
        let names = try FileManager.default.contentsOfDirectory(atPath: sampleCorpus).sorted()
        for name in names {
            try FileManager.default.copyItem(atPath: sampleCorpus + "/" + name, toPath: corpus + "/" + name)
            try buildIndex(corpus: corpus, index: scratch.index) { options in
                options.workers = 1
                options.mergePolicy.maxSegments = 1
                options.mergePolicy.mergedCount = 1
            }
        }
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.segments.count, 1, "merged into one")
        var starts = 0
        for name in names {
            for p in try ReportReader.read(fileAt: sampleCorpus + "/" + name).paragraphs {
                let (s, d) = try XCTUnwrap(reader.locate(doc: name, paragraph: p.number))
                let stored = try reader.paragraph(segment: s, doc: d)
                XCTAssertEqual(stored.lineStarts, p.lineStarts, "\(name)#\(p.number)")
                starts += stored.lineStarts.count
            }
        }
        XCTAssertEqual(starts, 285, "line starts in the sample reports (271 of them in the hard-wrapped 000)")
    }

    func testStatsDescribeTheSampleIndex() throws {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus(), index: scratch.index)
        let stats = try IndexReader.open(path: scratch.index).stats()
        XCTAssertEqual(stats.reports, 3)
        XCTAssertEqual(stats.formatVersion, IndexFormat.version)
        XCTAssertGreaterThan(stats.terms["bigram"] ?? 0, 1000)
        XCTAssertGreaterThan(stats.postings, stats.paragraphs)
        XCTAssertEqual(stats.corpusBytes, 26369 + 44966 + 32940)
        XCTAssertEqual(stats.indexBytes, stats.bytes.values.reduce(0, +))
    }

    func testPrefixEnumerationListsTermsInOrder() throws {
        let scratch = Scratch()
        try buildIndex(corpus: scratch.corpus(), index: scratch.index)
        let reader = try IndexReader.open(path: scratch.index)
        var found: [String] = []
        for segment in reader.segments {
            found += try segment.terms(withPrefix: TermKey.make(.bigram, "预")).map { String(decoding: $0.0, as: UTF8.self) }
        }
        XCTAssertTrue(found.contains("b预算"))
        XCTAssertTrue(found.allSatisfy { $0.hasPrefix("b预") })
    }
}
