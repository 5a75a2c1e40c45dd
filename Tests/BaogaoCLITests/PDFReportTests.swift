import BaogaoCorpusGenerator
import Foundation
import XCTest

/// A folder of a PDF and a text report, indexed and searched with the built binary:
/// the PDF's hits cite page and line, in text and in JSON.
final class PDFReportTests: XCTestCase {
    private func corpus() throws -> (corpus: URL, index: String) {
        let folder = try TestIndex.temporaryFolder("pdf")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let samples = BaogaoProcess.repository.appendingPathComponent("Corpus")
        let text = try String(contentsOf: samples.appendingPathComponent("002_b5c26ff8d3e05e66.txt"), encoding: .utf8)
        try Data(PDFWriter.pdf(pages: PDFWriter.pages(of: text))).write(to: corpus.appendingPathComponent("jiangjin.pdf"))
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("000_d12f06acd0fd881e.txt"),
            to: corpus.appendingPathComponent("000_d12f06acd0fd881e.txt"))
        try Data(PDFWriter.pdf(pages: [[]])).write(to: corpus.appendingPathComponent("scan.pdf"))
        return (corpus, folder.appendingPathComponent("Index").path)
    }

    func testAPDFIsIndexedAndItsHitsCitePageAndLine() throws {
        let (corpus, index) = try corpus()
        let built = try BaogaoProcess.run(["index", "--corpus", corpus.path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("indexed 2 report(s)"), built.stdout)
        XCTAssertTrue(
            (built.stdout + built.stderr).contains(
                "scan.pdf: a PDF of 1 page(s) with no text layer (scanned images): it needs OCR"), built.stdout + built.stderr)

        let human = try BaogaoProcess.run(["search", "--index", index, "财政收支形势分析"])
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertTrue(
            human.stdout.hasPrefix(
                "1. 江津区 2024 · 三、2024年预算草案 › （一）2024年财政收支形势分析 · ¶60 · p. 7, L16 · jiangjin.pdf\n"),
            human.stdout)

        let json = try BaogaoProcess.run(["search", "--json", "--index", index, "财政收支形势分析"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hit = try XCTUnwrap((object["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["pages"] as? [Int], [7, 7])
        XCTAssertEqual(hit["page_lines"] as? [Int], [16, 16])
        XCTAssertEqual(hit["lines"] as? [Int], [252, 252])

        // An answer cites the page and line of its figure's sentence.
        let answer = try BaogaoProcess.run(["ask", "--index", index, "2023年江津区一般公共预算收入是多少？"])
        XCTAssertEqual(answer.status, 0, answer.stderr)
        XCTAssertTrue(
            answer.stdout.contains("1. 全区一般公共预算。 · ¶9 · p. 1, L21 · jiangjin.pdf\n"), answer.stdout)

        // And in JSON, as every citation does.
        let asked = try BaogaoProcess.run(["ask", "--json", "--index", index, "2023年江津区一般公共预算收入是多少？"])
        let askObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [String: Any])
        let citation = try XCTUnwrap((askObject["answer"] as? [String: Any])?["citation"] as? [String: Any])
        XCTAssertEqual(citation["pages"] as? [Int], [1, 1])
        XCTAssertEqual(citation["page_lines"] as? [Int], [21, 21])

        let text = try BaogaoProcess.run(["search", "--json", "--index", index, "各位代表"])
        let hits = try XCTUnwrap(
            (try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any]))["hits"]
                as? [[String: Any]])
        let fromText = try XCTUnwrap(hits.first { $0["doc"] as? String == "000_d12f06acd0fd881e.txt" })
        XCTAssertTrue(fromText["pages"] is NSNull)
        XCTAssertTrue(fromText["page_lines"] is NSNull)
    }

    func testParagraphsOfAPDFShowTheirPages() throws {
        let (corpus, _) = try corpus()
        let out = try BaogaoProcess.run(["paragraphs", corpus.appendingPathComponent("jiangjin.pdf").path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("¶60 L252 (p. 7, L16) · 三、2024年预算草案 › （一）2024年财政收支形势分析 · heading 2024\n"), out.stdout)
        let json = try BaogaoProcess.run(["paragraphs", "--json", corpus.appendingPathComponent("jiangjin.pdf").path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let heading = try XCTUnwrap((object["paragraphs"] as? [[String: Any]])?.first { $0["n"] as? Int == 60 })
        XCTAssertEqual(heading["lines"] as? [Int], [252, 252])
        XCTAssertEqual(heading["pages"] as? [Int], [7, 7])
        XCTAssertEqual(heading["page_lines"] as? [Int], [16, 16])
        let scan = try BaogaoProcess.run(["paragraphs", corpus.appendingPathComponent("scan.pdf").path])
        XCTAssertEqual(scan.status, 2, "a file that cannot be read exits 2")
        XCTAssertTrue(scan.stderr.contains("scan.pdf: a PDF of 1 page(s) with no text layer"), scan.stderr)
    }
}

/// The done-when of issue 15: a folder of mixed formats in one `baogao index`.
final class MixedFormatsTests: XCTestCase {
    func testAFolderOfTextPDFWebPageAndWordIndexesInOneRun() throws {
        let folder = try TestIndex.temporaryFolder("mixed")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let repository = BaogaoProcess.repository
        let formats = repository.appendingPathComponent("Tests/Fixtures/formats")
        for name in ["jiangjin.html", "jiangjin.docx", "bomb.docx"] {
            try FileManager.default.copyItem(at: formats.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        let text = try String(contentsOf: repository.appendingPathComponent("Corpus/003_b7f3892a3cb1f6c5.txt"), encoding: .utf8)
        try Data(PDFWriter.pdf(pages: PDFWriter.pages(of: text))).write(to: corpus.appendingPathComponent("jiaozuo.pdf"))
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("Corpus/000_d12f06acd0fd881e.txt"),
            to: corpus.appendingPathComponent("000_d12f06acd0fd881e.txt"))
        let index = folder.appendingPathComponent("Index").path
        let built = try BaogaoProcess.run(["index", "--corpus", corpus.path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)
        // The page and the Word file have the same text: indexed once, the copy named.
        XCTAssertTrue(built.stdout.contains("indexed 3 report(s)"), built.stdout)
        XCTAssertTrue(
            built.stdout.contains(
                "the same report twice: jiangjin.html has the text of jiangjin.docx; indexed once, as jiangjin.docx"),
            built.stdout)
        XCTAssertTrue((built.stdout + built.stderr).contains("bomb.docx: not a readable Word file"), built.stdout + built.stderr)
        let reports = try BaogaoProcess.run(["reports", "--index", index])
        XCTAssertEqual(reports.status, 0, reports.stderr)
        XCTAssertTrue(reports.stdout.contains("jiaozuo.pdf"), reports.stdout)
        XCTAssertTrue(reports.stdout.contains("000_d12f06acd0fd881e.txt"), reports.stdout)
        XCTAssertTrue(reports.stdout.contains("jiangjin.docx"), reports.stdout)
    }
}
