import BaogaoCorpusGenerator
import BaogaoIngest
import Foundation
import XCTest

@testable import BaogaoIndex

/// A corpus of PDFs beside text reports: one `baogao index`, page starts kept in the
/// index (version 7), bad PDFs named and the rest indexed.
final class PDFCorpusTests: XCTestCase {
    private func writePDF(of sample: String, to path: String) throws -> Report {
        let text = String(decoding: try XCTUnwrap(FileBytes.read(sampleCorpus + "/" + sample)), as: UTF8.self)
        let pdf = PDFWriter.pdf(pages: PDFWriter.pages(of: text))
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        return try ReportReader.parse(bytes: pdf, doc: (path as NSString).lastPathComponent)
    }

    func testPageStartsSurviveTheDocsFileAndAMerge() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["000_d12f06acd0fd881e.txt"])
        let read = try writePDF(of: "002_b5c26ff8d3e05e66.txt", to: corpus + "/jiangjin.pdf")
        let summary = try buildIndex(corpus: corpus, index: scratch.index) { options in
            options.workers = 2
            options.mergePolicy.maxSegments = 1
            options.mergePolicy.mergedCount = 1
        }
        XCTAssertEqual(summary.added.sorted(), ["000_d12f06acd0fd881e.txt", "jiangjin.pdf"])
        XCTAssertEqual(summary.unreadFiles, [:])
        let reader = try IndexReader.open(path: scratch.index)
        XCTAssertEqual(reader.segments.count, 1, "merged into one")
        let (s, d) = try XCTUnwrap(reader.locate(doc: "jiangjin.pdf", paragraph: 60))
        let stored = try reader.paragraph(segment: s, doc: d)
        XCTAssertEqual(stored.report.metadata.pageStarts, read.metadata.pageStarts)
        XCTAssertEqual(stored.report.metadata.pageStarts.count, 13)
        XCTAssertEqual(stored.text, "（一）2024年财政收支形势分析")
        XCTAssertEqual(
            PageLines.citation(
                firstLine: stored.firstLine, lastLine: stored.lastLine, pageStarts: stored.report.metadata.pageStarts),
            "p. 7, L16")
        let (ts, td) = try XCTUnwrap(reader.locate(doc: "000_d12f06acd0fd881e.txt", paragraph: 1))
        XCTAssertEqual(try reader.paragraph(segment: ts, doc: td).report.metadata.pageStarts, [])
    }

    func testBadPDFsAreNamedAndTheRestIsIndexed() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["000_d12f06acd0fd881e.txt"])
        let good = PDFWriter.pdf(pages: PDFWriter.pages(of: "关于2024年预算的报告\n各位代表："))
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: corpus + "/truncated.pdf"))
        try Data(PDFWriter.pdf(pages: [[], []])).write(to: URL(fileURLWithPath: corpus + "/scan.pdf"))
        try Data(PDFWriter.pdf(pages: [["报告"]], options: PDFWriter.Options(encrypted: true)))
            .write(to: URL(fileURLWithPath: corpus + "/locked.pdf"))
        // A PDF under a text name is read as the PDF it is.
        _ = try writePDF(of: "003_b7f3892a3cb1f6c5.txt", to: corpus + "/jiaozuo.txt")
        let summary = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(summary.added.sorted(), ["000_d12f06acd0fd881e.txt", "jiaozuo.txt"])
        let reasons = Dictionary(uniqueKeysWithValues: summary.skipped.map { ($0.source.path, $0.reason) })
        XCTAssertEqual(reasons.keys.sorted(), ["locked.pdf", "scan.pdf", "truncated.pdf"])
        XCTAssertEqual(reasons["locked.pdf"], IngestError.encrypted(file: "locked.pdf").description)
        XCTAssertEqual(reasons["scan.pdf"], IngestError.noTextLayer(file: "scan.pdf", pages: 2).description)
        XCTAssertTrue(
            reasons["truncated.pdf"]?.hasPrefix("truncated.pdf: not a readable PDF file (truncated or damaged?): ") ?? false)
        let reader = try IndexReader.open(path: scratch.index)
        let (s, d) = try XCTUnwrap(reader.locate(doc: "jiaozuo.txt", paragraph: 1))
        XCTAssertFalse(try reader.paragraph(segment: s, doc: d).report.metadata.pageStarts.isEmpty)
    }
}

extension PDFCorpusTests {
    /// Without pdftotext a PDF is skipped saying what to install; once it is there, the
    /// next `baogao index` reads the same, unchanged file.
    func testAPDFSkippedForWantOfPdftotextIsReadOnceItIsInstalled() throws {
        let scratch = Scratch()
        let corpus = scratch.corpus(["000_d12f06acd0fd881e.txt"])
        _ = try writePDF(of: "002_b5c26ff8d3e05e66.txt", to: corpus + "/jiangjin.pdf")
        setenv("BAOGAO_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        let without = try buildIndex(corpus: corpus, index: scratch.index)
        unsetenv("BAOGAO_PDFTOTEXT")
        XCTAssertEqual(without.added, ["000_d12f06acd0fd881e.txt"])
        XCTAssertEqual(
            without.skipped.map(\.reason),
            ["jiangjin.pdf: not read: reading it needs pdftotext, which is not installed (apt-get install poppler-utils)"])
        let with = try buildIndex(corpus: corpus, index: scratch.index)
        XCTAssertEqual(with.added, ["jiangjin.pdf"])
        XCTAssertEqual(with.unchanged, 1)
        XCTAssertEqual(with.skipped.count, 0)
    }
}
