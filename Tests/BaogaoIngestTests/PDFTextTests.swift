import BaogaoCorpusGenerator
import Foundation
import XCTest

@testable import BaogaoIngest

/// PDFs made from text by `PDFWriter`, read back through pdftotext.
final class PDFTextTests: XCTestCase {
    func testFormFeedsBecomePageStartsAndLeaveTheLines() {
        // Page 1 has two lines, page 2 is empty, page 3 one line; every page ends in a form feed.
        let text = Array("一\n二\n\u{0C}\u{0C}三\n\u{0C}".utf8)
        let extracted = PDFText.pages(of: text)
        XCTAssertEqual(String(decoding: extracted.utf8, as: UTF8.self), "一\n二\n三\n")
        XCTAssertEqual(extracted.pageStarts, [1, 3, 3])
    }

    func testPlacesOfLinesOnPages() {
        let starts = [1, 48, 48, 95]
        XCTAssertEqual(PageLines.place(ofLine: 1, pageStarts: starts), PagePlace(page: 1, line: 1))
        XCTAssertEqual(PageLines.place(ofLine: 47, pageStarts: starts), PagePlace(page: 1, line: 47))
        // Page 2 is empty: line 48 is the first of page 3.
        XCTAssertEqual(PageLines.place(ofLine: 48, pageStarts: starts), PagePlace(page: 3, line: 1))
        XCTAssertEqual(PageLines.place(ofLine: 100, pageStarts: starts), PagePlace(page: 4, line: 6))
        XCTAssertNil(PageLines.place(ofLine: 3, pageStarts: []))
        XCTAssertEqual(PageLines.citation(firstLine: 52, lastLine: 56, pageStarts: starts), "p. 3, L5–9")
        XCTAssertEqual(PageLines.citation(firstLine: 52, lastLine: 52, pageStarts: starts), "p. 3, L5")
        XCTAssertEqual(PageLines.citation(firstLine: 90, lastLine: 96, pageStarts: starts), "p. 3, L43 – p. 4, L2")
        XCTAssertNil(PageLines.citation(firstLine: 1, lastLine: 2, pageStarts: []))
    }

    func testTheMagicTellsAPDFWhateverItsName() {
        XCTAssertTrue(PDFText.isPDF(PDFWriter.pdf(pages: [["一"]])))
        XCTAssertTrue(PDFText.isPDF(Array("\r\n%PDF-1.7".utf8)))
        XCTAssertFalse(PDFText.isPDF(Array("关于2024年预算的报告 %PDF-".utf8) + [UInt8](repeating: 0x20, count: 1024)))
        XCTAssertFalse(PDFText.isPDF(Array("%PD".utf8)))
    }

    /// The report as text and as a PDF set from it (38 ems a line, 40 lines a page,
    /// first lines indented). The words are the same; the PDF has 7 more paragraph
    /// breaks, where a full line ends a sentence and the next line is as wide as a
    /// first line (the builder cannot tell them from a new paragraph, as in 000's
    /// text), and a space the text had at a line's end is gone.
    func testASampleReportAsPDFGivesTheParagraphsOfItsText() throws {
        let text = String(decoding: try Fixtures.bytes(Fixtures.jiangjin), as: UTF8.self)
        let fromText = try Fixtures.parse(text, doc: "jiangjin.txt")
        let layout = PDFWriter.pages(of: text)
        let fromPDF = try ReportReader.parse(bytes: PDFWriter.pdf(pages: layout), doc: "jiangjin.pdf")
        XCTAssertEqual(fromPDF.metadata.title, fromText.metadata.title)
        XCTAssertEqual(fromPDF.metadata.region, "江津区")
        XCTAssertEqual(fromPDF.metadata.region, fromText.metadata.region)
        XCTAssertEqual(fromPDF.metadata.budgetYear, fromText.metadata.budgetYear)
        XCTAssertEqual(fromPDF.metadata.executionYear, fromText.metadata.executionYear)
        XCTAssertEqual(fromPDF.metadata.kind, fromText.metadata.kind)
        func words(_ r: Report) -> String {
            String(r.paragraphs.map(\.text).joined().unicodeScalars.filter { !Whitespace.isWhitespace($0) })
        }
        XCTAssertEqual(words(fromPDF), words(fromText))
        XCTAssertEqual(fromText.paragraphs.count, 113)
        XCTAssertEqual(fromPDF.paragraphs.count, 120)
        let texts = Set(fromText.paragraphs.map(\.text))
        XCTAssertEqual(fromPDF.paragraphs.filter { texts.contains($0.text) }.count, 103)
        // pdftotext's lines, blank ones included: 40 printed lines a page, less the blank
        // lines it drops after the title block (page 1) and plus one it adds on page 11;
        // every paragraph's page and line were checked against its output page by page.
        XCTAssertEqual(layout.count, 13)
        XCTAssertEqual(fromPDF.metadata.pageStarts, [1, 37, 77, 117, 157, 197, 237, 277, 317, 357, 397, 438, 478])
        let heading = try XCTUnwrap(fromPDF.paragraphs.first { $0.text == "（一）2024年财政收支形势分析" })
        XCTAssertEqual(heading.firstLine, 252)
        XCTAssertEqual(
            PageLines.place(ofLine: heading.firstLine, pageStarts: fromPDF.metadata.pageStarts), PagePlace(page: 7, line: 16))
        XCTAssertEqual(fromText.metadata.pageStarts, [])
    }

    func testAScanWithNoTextNeedsOCR() {
        XCTAssertThrowsError(try ReportReader.parse(bytes: PDFWriter.pdf(pages: [[], [], []]), doc: "scan.pdf")) { error in
            XCTAssertEqual(error as? IngestError, .noTextLayer(file: "scan.pdf", pages: 3))
            XCTAssertEqual(
                "\(error)",
                "scan.pdf: a PDF of 3 page(s) with no text layer (scanned images): it needs OCR, e.g. ocrmypdf, before it can be read"
            )
        }
    }

    func testAnEncryptedPDFIsNamed() {
        let pdf = PDFWriter.pdf(pages: [["关于2024年预算的报告"]], options: PDFWriter.Options(encrypted: true))
        XCTAssertThrowsError(try ReportReader.parse(bytes: pdf, doc: "locked.pdf")) { error in
            XCTAssertEqual(error as? IngestError, .encrypted(file: "locked.pdf"))
        }
    }

    func testATruncatedOrDamagedPDFIsMalformed() {
        let pdf = PDFWriter.pdf(pages: PDFWriter.pages(of: "关于2024年预算的报告\n各位代表："))
        for (name, bytes) in [("half.pdf", Array(pdf.prefix(pdf.count / 2))), ("junk.pdf", Array("%PDF-1.4\n垃圾".utf8))] {
            XCTAssertThrowsError(try ReportReader.parse(bytes: bytes, doc: name)) { error in
                guard case .malformed(name, "PDF", _)? = error as? IngestError else { return XCTFail("\(name): \(error)") }
            }
        }
    }

    func testWithoutPdftotextAPDFSaysWhatToInstall() {
        setenv("BAOGAO_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        defer { unsetenv("BAOGAO_PDFTOTEXT") }
        XCTAssertThrowsError(try ReportReader.parse(bytes: PDFWriter.pdf(pages: [["报告"]]), doc: "a.pdf")) { error in
            XCTAssertEqual(error as? IngestError, .needsProgram(file: "a.pdf", program: "pdftotext", package: "poppler-utils"))
            XCTAssertEqual(
                "\(error)", "a.pdf: not read: reading it needs pdftotext, which is not installed (apt-get install poppler-utils)")
        }
    }

    /// A pdftotext that hangs is stopped at the time limit, and the file named.
    func testAHelperThatHangsIsStoppedAndTheFileNamed() throws {
        let script = NSTemporaryDirectory() + "baogao-slow-pdftotext-\(getpid())"
        // One process that sleeps (`exec`), as pdftotext is one process.
        try "#!/bin/sh\nexec sleep 30\n".write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        chmod(script, 0o755)
        setenv("BAOGAO_PDFTOTEXT", script, 1)
        defer { unsetenv("BAOGAO_PDFTOTEXT") }
        let started = Date()
        XCTAssertThrowsError(try PDFText.extract(PDFWriter.pdf(pages: [["报告"]]), doc: "slow.pdf", timeLimit: 0.3)) { error in
            XCTAssertEqual(
                error as? IngestError,
                .malformed(file: "slow.pdf", format: "PDF", reason: "pdftotext did not finish within 0.3 s"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testSourceLinesOfAPDFAreThoseOfItsText() throws {
        let pdf = PDFWriter.pdf(pages: [["第一页"], ["第二页第一行", "第二页第二行"]])
        let lines = try ReportReader.sourceLines(bytes: pdf, doc: "a.pdf", lines: 1...3)
        XCTAssertEqual(lines.map(\.text), ["第一页", "第二页第一行", "第二页第二行"])
    }
}
