import BaogaoAnalysis
import BaogaoCorpusGenerator
import BaogaoIndex
import BaogaoQuery
import Foundation
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
}()

let sampleCorpus = repositoryRoot.appendingPathComponent("Corpus").path

/// Indexes built once per test run and shared by the tests that only read them.
enum SharedIndex {
    static let sample: Searcher = build(corpus: sampleCorpus, name: "sample")

    /// A small corpus from the project's generator (BaogaoCorpusGenerator): 1 MB of
    /// synthetic reports of many regions and years, a tenth in the hard-wrapped PDF layout.
    static let generated: Searcher = {
        let out = NSTemporaryDirectory() + "baogao-gen-" + UUID().uuidString
        do {
            let generator = try CorpusGenerator(seedsDirectory: sampleCorpus)
            try generator.write(to: out, options: CorpusGenerator.Options(megabytes: 1, seed: 7, hardWrappedFraction: 0.1))
        } catch {
            fatalError("cannot generate the test corpus: \(error)")
        }
        return build(corpus: out, name: "generated")
    }()

    static func build(corpus: String, name: String) -> Searcher {
        let index = NSTemporaryDirectory() + "baogao-\(name)-" + UUID().uuidString
        do {
            _ = try IndexUpdater.update(IndexUpdater.Options(corpus: corpus, index: index))
            return Searcher(index: try IndexReader.open(path: index))
        } catch {
            fatalError("cannot build the \(name) test index: \(error)")
        }
    }
}

/// Every live paragraph of an index with its normalised text, for naive scans.
func normalizedParagraphs(_ searcher: Searcher) throws -> [(id: String, text: [Unicode.Scalar])] {
    let analyzer = Analyzer()
    var out: [(String, [Unicode.Scalar])] = []
    for (s, segment) in searcher.index.segments.enumerated() {
        for d in 0..<segment.docCount where !segment.isDeleted(d) {
            let p = try searcher.index.paragraph(segment: s, doc: d)
            out.append((p.id, analyzer.normalize(p.text).scalars))
        }
    }
    return out
}

func ids(_ searcher: Searcher, _ query: String, file: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
    let refs = try searcher.allMatches(try searcher.parse(query))
    return Set(try refs.map { try searcher.index.paragraphID(segment: $0.segment, doc: $0.doc) })
}

/// The sample corpus indexed into one segment, then one report changed and
/// indexed again: its old paragraphs stay behind in that segment, masked as
/// deleted (with two workers its segment may hold it alone and be dropped
/// whole). The searchers before and after the update; `cleanUp` removes both
/// folders.
func indexWithAMaskedReport(_ name: String) throws -> (before: Searcher, after: Searcher, cleanUp: () -> Void) {
    let corpus = NSTemporaryDirectory() + "baogao-\(name)-" + UUID().uuidString
    let index = corpus + "-index"
    let cleanUp = {
        try? FileManager.default.removeItem(atPath: corpus)
        try? FileManager.default.removeItem(atPath: index)
    }
    try FileManager.default.copyItem(atPath: sampleCorpus, toPath: corpus)
    var options = IndexUpdater.Options(corpus: corpus, index: index)
    options.workers = 1
    _ = try IndexUpdater.update(options)
    let before = Searcher(index: try IndexReader.open(path: index))
    let changed = try XCTUnwrap(
        try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted().first)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: corpus + "/" + changed))
    handle.seekToEndOfFile()
    handle.write(Data("\n预算调整的说明。\n".utf8))
    handle.closeFile()
    _ = try IndexUpdater.update(options)
    let after = Searcher(index: try IndexReader.open(path: index))
    XCTAssertTrue(after.index.segments.contains { $0.liveDocCount < $0.docCount }, "the update leaves a deleted report behind")
    return (before, after, cleanUp)
}

/// How many times `needle` starts in `text`, overlapping starts too: what a term
/// counts in a paragraph, found by plain comparison.
func overlapping(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int {
    guard needle.count <= text.count else { return 0 }
    var n = 0
    outer: for i in 0...(text.count - needle.count) {
        for k in 0..<needle.count where text[i + k] != needle[k] { continue outer }
        n += 1
    }
    return n
}
