import Foundation
import XCTest

/// `baogao reports` and what `baogao index` says it could not do, through the built binary.
final class ReportsCommandTests: XCTestCase {
    static let corpusReal = BaogaoProcess.repository.appendingPathComponent("Tests/Fixtures/corpus-real")

    func testReportsListsWithSourcesAndExitsByWhatItFound() throws {
        let index = try TestIndex.shared().index
        let all = try BaogaoProcess.run(["reports", "--index", index])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stdout.contains("region 江津区 [重庆市 › 江津区] (title)"), all.stdout)
        XCTAssertTrue(all.stdout.hasSuffix("3 report(s)\n"), all.stdout)

        let json = try BaogaoProcess.run(["reports", "--json", "--index", index, "region:重庆"])
        XCTAssertEqual(json.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reports = try XCTUnwrap(object["reports"] as? [[String: Any]])
        XCTAssertEqual(reports.map { $0["region"] as? String }, ["江津区"])
        for key in [
            "doc", "title", "region_code", "region_chain", "level", "kind", "years", "period", "date",
            "source", "paragraphs", "facts", "sources"
        ] {
            XCTAssertNotNil(reports[0][key], key)
        }

        let none = try BaogaoProcess.run(["reports", "--index", index, "region:西藏"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.stdout, "no report matches region:西藏\n")
        let bad = try BaogaoProcess.run(["reports", "--index", index, "kind:草稿"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown report kind 草稿"), bad.stderr)
        let text = try BaogaoProcess.run(["reports", "--index", index, "三保"])
        XCTAssertEqual(text.status, 2)
        let missing = try BaogaoProcess.run(["reports", "--index", "/nonexistent/index"])
        XCTAssertEqual(missing.status, 2)
    }

    func testIndexNamesWhatItCouldNotDoAndTheCatalogueReachesCitations() throws {
        let folder = try TestIndex.temporaryFolder("reports")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for name in ["035.txt", "041.txt"] {
            try FileManager.default.copyItem(
                at: Self.corpusReal.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        try """
        file\tregion\tkind\texecution_year\tbudget_year\tsource
        035.txt\t遵义市播州区\t预算报告\t2020\t2021\thttps://example.cn/035
        041.txt\t东莞市长安镇\t预算报告\t2023\t2024\t
        9.txt\t火星\t\t\t\t

        """.write(to: corpus.appendingPathComponent("catalog.tsv"), atomically: true, encoding: .utf8)
        for name in ["a.doc", "b.doc", "c.wps"] { try Data("PK".utf8).write(to: corpus.appendingPathComponent(name)) }
        let text = try String(contentsOf: corpus.appendingPathComponent("041.txt"), encoding: .utf8)
        try XCTUnwrap(text.data(using: .utf16)).write(to: corpus.appendingPathComponent("041-utf16.txt"))
        try "没有地区也没有年份的一段文字。\n".write(to: corpus.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("Index").path

        let out = try BaogaoProcess.run(["index", "--corpus", corpus.path, "--index", index])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(
            out.stdout.contains("not read: .doc ×2, .wps ×1 (only .txt, .md, .text, .pdf, .html, .htm and .docx files are read"),
            out.stdout)
        XCTAssertTrue(
            out.stdout.contains(
                "1 report(s) whose region or years could not be read (give them a row in the catalogue):\n  notes.txt: no region, no years"
            ), out.stdout)
        XCTAssertTrue(
            out.stdout.contains("the same report twice: 041-utf16.txt has the text of 041.txt; indexed once, as 041.txt"),
            out.stdout)
        XCTAssertTrue(
            out.stderr.contains("catalogue: catalog.tsv line 4 (9.txt): region \"火星\" is not in the gazetteer; kept as written"),
            out.stderr)
        XCTAssertTrue(out.stderr.contains("catalogue: catalog.tsv line 4 (9.txt): no such report file in the corpus"), out.stderr)

        let hit = try BaogaoProcess.run(["search", "--index", index, "--limit", "1", "region:贵州 播州区"])
        XCTAssertEqual(hit.status, 0)
        XCTAssertTrue(hit.stdout.contains("· 035.txt · https://example.cn/035"), hit.stdout)
        let json = try BaogaoProcess.run(["search", "--json", "--index", index, "--limit", "1", "region:遵义 播州区"])
        XCTAssertTrue(json.stdout.contains("\"source\":\"https://example.cn/035\""), json.stdout)
        let listed = try BaogaoProcess.run(["reports", "--index", index, "level:乡镇"])
        XCTAssertTrue(listed.stdout.contains("region 长安镇 [广东省 › 东莞市 › 长安镇] (catalogue)"), listed.stdout)
    }
}
