import Foundation
import XCTest

@testable import BaogaoIngest

/// The sample reports, found from this file's location: Tests/BaogaoIngestTests/ → Corpus/.
enum Fixtures {
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static let jiefang = "000_d12f06acd0fd881e.txt"
    static let jiangjin = "002_b5c26ff8d3e05e66.txt"
    static let jiaozuo = "003_b7f3892a3cb1f6c5.txt"

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    static func report(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Report {
        do {
            return try ReportReader.read(fileAt: corpus.appendingPathComponent(name).path)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            throw error
        }
    }

    static func parse(_ text: String, doc: String = "test.txt") throws -> Report {
        try ReportReader.parse(bytes: Array(text.utf8), doc: doc)
    }

    /// The paragraph whose text contains `needle`, failing the test when there is not exactly one.
    static func paragraph(
        _ report: Report, containing needle: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Paragraph? {
        let hits = report.paragraphs.filter { $0.text.contains(needle) }
        XCTAssertEqual(hits.count, 1, "paragraphs containing \(needle)", file: file, line: line)
        return hits.first
    }
}
