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
