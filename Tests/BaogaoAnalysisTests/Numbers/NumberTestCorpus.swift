import BaogaoIngest
import Foundation

@testable import BaogaoCorpusGenerator

/// The sample corpus and the labelled set, as the numbers tests see them.
enum NumberTestCorpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func corpusFiles() -> [URL] {
        let dir = root.appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// One row of Queries/numbers/labelled.tsv.
    struct Entry {
        var line: Int
        var doc: String
        var context: String
        var text: String
        var value: Double?
        var kind: String
        var label: String
        var relation: String
        var scope: String
        var note: String
        var isNegative: Bool { kind == "none" }
    }

    static func labelled() throws -> [Entry] {
        let url = root.appendingPathComponent("Queries/numbers/labelled.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Entry] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("doc\t") { continue }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 6 else { continue }
            func col(_ k: Int) -> String { k < c.count ? c[k] : "" }
            out.append(
                Entry(
                    line: i + 1, doc: c[0], context: c[1], text: c[2], value: Double(c[3]),
                    kind: c[4], label: c[5], relation: col(6), scope: col(7), note: col(8)))
        }
        return out
    }

    /// The paragraphs of the reference reconstruction the labels were made with:
    /// the corpus generator's (`SeedParagraphs`), an independent reader, so a label
    /// missed by the engine's own paragraph building is told apart from one
    /// missed by extraction.
    static func prejoined(_ text: String) -> [String] {
        SeedParagraphs.of(text)
    }
}
