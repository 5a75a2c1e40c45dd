import BaogaoAnalysis
import BaogaoIngest
import Foundation
import XCTest

/// Not a check: a harness for changing the extractor. With `BAOGAO_FACT_DUMP=FILE` set,
/// writes every fact of the real excerpts (Tests/Fixtures/corpus-real) and the samples
/// (Corpus) to FILE, one line a fact, so a rule's effect on all of them can be read as
/// a diff of two dumps. Skipped otherwise.
final class NumberFactDump: XCTestCase {
    func testDumpFacts() throws {
        guard let out = ProcessInfo.processInfo.environment["BAOGAO_FACT_DUMP"] else {
            throw XCTSkip("set BAOGAO_FACT_DUMP=FILE to dump the facts")
        }
        let real = NumberTestCorpus.root.appendingPathComponent("Tests/Fixtures/corpus-real")
        let names = try FileManager.default.contentsOfDirectory(atPath: real.path).filter { $0.hasSuffix(".txt") }.sorted()
        let files = names.map { real.appendingPathComponent($0) } + NumberTestCorpus.corpusFiles()
        var lines: [String] = []
        for url in files {
            let report = try ReportReader.read(fileAt: url.path)
            // Samples are marked S: their names share the real excerpts' three digits.
            let doc = (url.path.contains("corpus-real") ? "" : "S") + String(url.lastPathComponent.prefix(3))
            for p in report.paragraphs {
                for f in NumberExtractor.facts(in: p, report: report.metadata) {
                    let fields = [f.text, f.label ?? "-", f.relation ?? "-", f.scope ?? "-", f.year.map(String.init) ?? "-"]
                    lines.append("\(doc)#\(p.number)\t" + fields.joined(separator: "\t")
                                 .replacingOccurrences(of: "\n", with: " "))
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
    }
}
