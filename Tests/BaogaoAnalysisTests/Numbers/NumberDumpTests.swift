import BaogaoAnalysis
import BaogaoIngest
import Foundation
import XCTest

/// Prints every fact of the sample corpus (on the shared reconstruction) when
/// NUMBERS_DUMP is set: for reviewing facts the labelled set does not cover.
final class NumberDumpTests: XCTestCase {
    func testNumberDump() throws {
        guard ProcessInfo.processInfo.environment["NUMBERS_DUMP"] != nil else { return }
        for url in NumberTestCorpus.corpusFiles() {
            let raw = try String(contentsOf: url, encoding: .utf8)
            for (i, text) in NumberTestCorpus.prejoined(raw).enumerated() {
                let p = Paragraph(number: i + 1, text: text, section: [], firstLine: 0, lastLine: 0)
                for f in NumberExtractor.facts(in: p, report: ReportMetadata(title: "")) {
                    print("\(url.lastPathComponent.prefix(3))\t\(i + 1)\t\(f.text)\t\(f.kind)\t\(f.value)\t\(f.label ?? "-")\t\(f.relation ?? "")\t\(f.scope ?? "")\t\(f.year.map(String.init) ?? "")\t\(f.qualifier ?? "")")
                }
            }
        }
    }
}

/// Prints a sample of facts from a folder of reports (NUMBERS_DUMP_DIR), for review.
final class NumberDumpFolderTests: XCTestCase {
    func testNumberDumpFolder() throws {
        guard let dir = ProcessInfo.processInfo.environment["NUMBERS_DUMP_DIR"] else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        var rng = SplitMix(seed: 7)
        for name in names.prefix(40) {
            let r = try ReportReader.read(fileAt: dir + "/" + name)
            for p in r.paragraphs {
                for f in NumberExtractor.facts(in: p, report: r.metadata) where rng.next() % 40 == 0 {
                    let s = Array(p.text.unicodeScalars)
                    let ctx = String(String.UnicodeScalarView(s[max(0, f.start - 14)..<f.end]))
                    print("DUMP\t\(ctx)\t\(f.kind)\t\(f.value)\t\(f.label ?? "-")\t\(f.relation ?? "")\t\(f.scope ?? "")")
                }
            }
        }
    }
}
