import BaogaoAnalysis
import BaogaoIngest
import Foundation
import XCTest

@testable import BaogaoIndex

/// The repository's sample corpus, found from this file's path.
let sampleCorpus: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Corpus").path
}()

/// A scratch folder removed when the test ends.
final class Scratch {
    let path: String

    init(_ name: String = #function) {
        path = NSTemporaryDirectory() + "baogao-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A corpus folder holding copies of the sample reports.
    func corpus(_ files: [String]? = nil) -> String {
        let dir = path + "/corpus"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let names = files ?? ((try? FileManager.default.contentsOfDirectory(atPath: sampleCorpus)) ?? []).sorted()
        for name in names {
            try? FileManager.default.copyItem(atPath: sampleCorpus + "/" + name, toPath: dir + "/" + name)
        }
        return dir
    }

    var index: String { path + "/index" }
}

@discardableResult
func buildIndex(
    corpus: String, index: String, rebuild: Bool = false,
    configure: (inout IndexUpdater.Options) -> Void = { _ in },
    file: StaticString = #filePath, line: UInt = #line
) throws -> IndexUpdater.Summary {
    var options = IndexUpdater.Options(corpus: corpus, index: index)
    options.rebuild = rebuild
    configure(&options)
    return try IndexUpdater.update(options)
}

/// Every live posting of every term, as `term → ["doc#n": freq/positions]`, so two
/// indexes of the same corpus can be compared whatever their segment layout.
/// Phrase terms are left out unless asked for: each segment chooses its own from
/// its paragraphs (`PhraseMiner`), so they follow the layout by design (what they
/// hold is checked against the text in `IndexContentTests` and `PhraseTermTests`).
func snapshot(_ reader: IndexReader, phrases: Bool = false) throws -> [String: [String: [UInt32]]] {
    var out: [String: [String: [UInt32]]] = [:]
    for (s, segment) in reader.segments.enumerated() {
        var keys: [[UInt8]] = []
        try segment.dictionary.scan { (k, _) in
            keys.append(Array(k))
            return true
        }
        for key in keys where phrases || key.first != TermKind.phrase.rawValue {
            let term = String(decoding: key, as: UTF8.self)
            if key.first == TermKind.word.rawValue {
                // A word stored as flags (`WordFlags`) has documents alone, no counts.
                guard var docs = try segment.wordDocs(key) else { continue }
                while try docs.next() {
                    guard !segment.isDeleted(Int(docs.doc)) else { continue }
                    let frequency = try docs.frequency()
                    out[term, default: [:]][try reader.paragraphID(segment: s, doc: Int(docs.doc))] = frequency.map { [$0] } ?? []
                }
                continue
            }
            guard var cursor = try segment.postings(key) else { continue }
            while try cursor.next() {
                let d = Int(cursor.doc)
                guard !segment.isDeleted(d) else { continue }
                let id = try reader.paragraphID(segment: s, doc: d)
                let positions = Array(try cursor.positions())
                out[term, default: [:]][id] = positions.isEmpty ? [try cursor.frequency()] : positions
            }
        }
    }
    return out
}
