import Foundation
import XCTest

/// The REPL fed a script through a pipe: no prompt, plain text, one command per
/// line, errors on stderr with line numbers, exit status 1 if anything failed.
///
/// Search output is the engine's, and its ranking and paragraphs will keep
/// improving; so these tests check that the REPL prints exactly what
/// `baogao search` prints for the same page, and pin down exactly only what
/// the REPL itself owns (its messages, paging, :open and :source layout).
final class ReplScriptTests: XCTestCase {
    func testSearchPrintsWhatTheCLIPrintsAndPages() throws {
        let index = try TestIndex.shared()
        let repl = try BaogaoProcess.repl("三保\n:more\n")
        XCTAssertEqual(repl.status, 0, repl.stderr)
        XCTAssertEqual(repl.stderr, "")
        let first = try BaogaoProcess.run(["search", "--index", index.index, "三保"])
        let second = try BaogaoProcess.run(["search", "--index", index.index, "--offset", "10", "三保"])
        XCTAssertEqual(repl.stdout.timingsMasked, (first.stdout + second.stdout).timingsMasked)
        XCTAssertTrue(repl.stdout.contains("(showing 11–20, "), repl.stdout)
        XCTAssertFalse(repl.stdout.contains("\u{1B}["), "no colour into a pipe")
        XCTAssertFalse(repl.stdout.contains("baogao>"), "no prompt in scripts")
    }

    func testMoreAfterTheLastPageSaysSoAndBlankLinesAndCommentsAreSkipped() throws {
        let out = try BaogaoProcess.repl("# a comment\n\n\"政府债务余额\" year:1990\n:more\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(
            out.stdout, "no paragraphs match \"政府债务余额\" year:1990\nno more paragraphs match \"政府债务余额\" year:1990 (0 in all)\n")
    }

    /// A REPL opened on the index of another corpus folder answers from it: it never
    /// "updates" it into its own --corpus, which would drop every report it holds.
    func testAnIndexOfAnotherCorpusIsUsedAsItIsNotReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baogao-other-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let index = folder.appendingPathComponent("index").path
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: BaogaoProcess.repository.appendingPathComponent("Corpus/003_b7f3892a3cb1f6c5.txt").path,
            toPath: corpus + "/003.txt")
        XCTAssertEqual(try BaogaoProcess.run(["index", "-q", "--corpus", corpus, "--index", index]).status, 0)
        let sampleCorpus = BaogaoProcess.repository.appendingPathComponent("Corpus").path
        let out = try BaogaoProcess.run(["repl", "--index", index, "--corpus", sampleCorpus], input: ":reports\n:reindex\n")
        XCTAssertEqual(out.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("003.txt") }.count, 1, out.stdout)
        XCTAssertTrue(out.stderr.contains("the index holds the reports of"), out.stderr)
        let stats = try BaogaoProcess.run(["stats", "--index", index])
        XCTAssertNotNil(stats.stdout.range(of: #"reports +1\n"#, options: .regularExpression), stats.stdout)
        // baogao index says the same and changes nothing.
        let refused = try BaogaoProcess.run(["index", "--corpus", sampleCorpus, "--index", index])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--rebuild to replace it"), refused.stderr)
    }

    /// A line that reads as a question is asked even without `?`; searched, it found nothing.
    func testALineThatReadsAsAQuestionIsAsked() throws {
        let out = try BaogaoProcess.repl("2023年江津区一般公共预算收入是多少\n什么是三保\n一般公共预算\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("67.96亿元"), out.stdout)
        XCTAssertTrue(out.stdout.contains("保基本民生"), out.stdout)
        // A plain term is still a search.
        XCTAssertTrue(out.stdout.contains("paragraphs match (showing"), out.stdout)
    }

    /// `:reports` lists what `baogao reports` lists, filters included.
    func testReportsListsTheIndexedReportsWithTheirFilters() throws {
        let all = try BaogaoProcess.repl(":reports\n")
        XCTAssertEqual(all.status, 0, all.stderr)
        for region in ["解放区", "江津区", "焦作市"] { XCTAssertTrue(all.stdout.contains("region " + region), all.stdout) }
        let henan = try BaogaoProcess.repl(":reports region:河南\n")
        XCTAssertTrue(henan.stdout.contains("region 解放区"), henan.stdout)
        XCTAssertFalse(henan.stdout.contains("region 江津区"), henan.stdout)
    }

    func testOpenShowsTheWholeParagraphBetweenItsNeighbours() throws {
        let out = try BaogaoProcess.repl("三保\n:open 4\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Hit 4's citation line in the search output, e.g. "4. ¶107 · L118 · 002_….txt".
        let hit = try XCTUnwrap(lines.first { $0.hasPrefix("4. ") })
        let citation = String(hit.dropFirst(3))
        let opened = try XCTUnwrap(lines.firstIndex(of: citation), "the :open output starts with the hit's citation")
        XCTAssertEqual(lines[opened + 1], "")
        let marked = try XCTUnwrap(lines[(opened + 2)...].first { $0.hasPrefix("▶ ¶") })
        XCTAssertTrue(marked.contains("三保") && !marked.contains("【三保】"), "plain output marks no hit: \(marked)")
        let number = try XCTUnwrap(citation.split(separator: "¶").last?.split(separator: " ").first.flatMap { Int($0) })
        XCTAssertEqual(lines[opened + 2].hasPrefix("  ¶\(number - 1) L"), true, lines[opened + 2])
        XCTAssertTrue(marked.hasPrefix("▶ ¶\(number) L"), marked)
        XCTAssertTrue(lines[opened + 4].hasPrefix("  ¶\(number + 1) L"), lines[opened + 4])
    }

    func testSourcePrintsTheReportFilesOwnLines() throws {
        let index = try TestIndex.shared()
        let out = try BaogaoProcess.repl("三保\n:source 1\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        // "1. ¶78 · L155 · 003_….txt" → file 003_….txt, line 155.
        let citation = try XCTUnwrap(lines.first { $0.hasPrefix("1. ") })
        let parts = citation.components(separatedBy: " · ")
        let doc = try XCTUnwrap(parts.last)
        let range = try XCTUnwrap(parts.first { $0.hasPrefix("L") }).dropFirst().split(separator: "–").compactMap { Int($0) }
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(doc + " L") })
        let file = try String(contentsOfFile: index.corpus + "/" + doc, encoding: .utf8).components(separatedBy: "\n")
        for (i, n) in (range[0]...(range.last ?? range[0])).enumerated() {
            let shown = lines[header + 1 + i]
            XCTAssertTrue(shown.hasSuffix(" │ " + file[n - 1]), "line \(n): \(shown)")
        }
    }

    /// `:source` reads through ingestion: a GB18030 file's lines are decoded
    /// and a CR-ended file's are counted as the indexer counted them (the REPL
    /// used to read UTF-8 only and split at LF only: mojibake, and "fewer lines").
    func testSourceReadsGB18030AndCREndedFilesAsTheIndexerDid() throws {
        let folder = try TestIndex.temporaryFolder("source-encodings")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        // 关于预算 \n 一、2023 年预算执行情况 \n 紫藤花园说明 in GBK, which GB18030 contains.
        let gbk: [UInt8] = [
            0xB9, 0xD8, 0xD3, 0xDA, 0xD4, 0xA4, 0xCB, 0xE3, 0x0A,
            0xD2, 0xBB, 0xA1, 0xA2, 0x32, 0x30, 0x32, 0x33, 0x20, 0xC4, 0xEA,
            0xD4, 0xA4, 0xCB, 0xE3, 0xD6, 0xB4, 0xD0, 0xD0, 0xC7, 0xE9, 0xBF, 0xF6, 0x0A,
            0xD7, 0xCF, 0xCC, 0xD9, 0xBB, 0xA8, 0xD4, 0xB0, 0xCB, 0xB5, 0xC3, 0xF7, 0xA1, 0xA3
        ]
        try Data(gbk).write(to: corpus.appendingPathComponent("gb.txt"))
        try Data("关于海棠公园项目的报告\r\r海棠公园项目第一段说明。\r\r海棠公园第二段说明在这里。\r".utf8)
            .write(to: corpus.appendingPathComponent("cr.txt"))
        let index = folder.appendingPathComponent("Index").path
        let out = try BaogaoProcess.run(
            ["repl", "--index", index, "--corpus", corpus.path],
            input: "紫藤花园说明\n:source 1\n第二段说明\n:source 1\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("gb.txt L3\n3 │ 紫藤花园说明。"), out.stdout)
        XCTAssertTrue(out.stdout.contains("cr.txt L5\n5 │ 海棠公园第二段说明在这里。"), out.stdout)
    }

    func testErrorsAreReportedWithLineNumbersAndFailTheScript() throws {
        let script = """
            三保
            "政府债务余额
            :frobnicate
            :open 42
            :json maybe
            -隐性
            :facts (教育 >1亿
            :more
            """
        let out = try BaogaoProcess.repl(script + "\n")
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(
            out.stderr,
            """
            baogao: line 2: error: this " opens a phrase that is never closed; add the closing "
            "政府债务余额
            ^
            baogao: line 3: error: unknown command :frobnicate; :help lists the commands
            baogao: line 4: error: no hit 42: the last search (三保) showed hits 1–10
            baogao: line 5: error: :json takes on or off, not maybe
            baogao: line 6: error: the query only excludes: nothing to subtract from; add a term (债务 -隐性) or a filter (year:2024 -隐性)
            -隐性
            ^
            baogao: line 7: error: this ( is never closed; add a )
            (教育 >1亿
            ^

            """)
        // The failures do not stop the script: :more still pages the last good search.
        XCTAssertTrue(out.stdout.contains("(showing 11–20, "), out.stdout)
    }

    func testFactsListTheAmountsOverAThresholdWithTheirLabels() throws {
        let out = try BaogaoProcess.repl(":facts region:解放区 year:2024 支出 >1亿元\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        for line in ["教育支出", "22960万元", "一般公共服务支出", "20160万元", "社会保障和就业支出", "21506万元"] {
            XCTAssertTrue(out.stdout.contains(line), line)
        }
        XCTAssertFalse(out.stdout.contains("9062万元"), "卫生健康支出 is under 1亿元")
    }

    func testALineEndingInAQuestionMarkIsAQuestion() throws {
        let out = try BaogaoProcess.repl("2023年江津区一般公共预算收入是多少？\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("67.96亿元 — 一般公共预算收入 · 全区 · 2023年"), out.stdout)
        XCTAssertTrue(out.stdout.contains("002_b5c26ff8d3e05e66.txt"), out.stdout)
    }

    func testAMissingIndexFailsTheCommandsThatNeedIt() throws {
        let folder = try TestIndex.temporaryFolder("missing")
        let out = try BaogaoProcess.run(
            ["repl", "--index", folder.path + "/none", "--corpus", folder.path + "/nothing"],
            input: ":help\n三保\n")
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stdout.contains("Commands:"), "help works without an index")
        XCTAssertEqual(
            out.stderr,
            "baogao: line 2: error: no index in \(folder.path)/none and no corpus folder \(folder.path)/nothing"
                + " to build one from (use --index and --corpus)\n")
    }

    func testMentionsCountsEveryMatchingParagraph() throws {
        let index = try TestIndex.shared()
        let out = try BaogaoProcess.repl(":mentions 三保\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        let cli = try BaogaoProcess.run(["search", "--index", index.index, "三保"])
        let total = try XCTUnwrap(cli.stdout.split(separator: "\n").last?.split(separator: " ").first)
        XCTAssertTrue(out.stdout.contains("\n\(total) paragraphs mention 三保 ("), out.stdout)
        XCTAssertTrue(out.stdout.contains("█"), out.stdout)
    }

    func testJSONModeWritesOneObjectPerCommand() throws {
        let out = try BaogaoProcess.repl("三保\n:open 1\n:source 1\n:frobnicate\n:mentions 三保\n:json\n三保\n", ["--json"])
        XCTAssertEqual(out.status, 2)
        let lines = out.stdout.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 5, out.stdout)
        for line in lines.prefix(5) {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["query"] as? String, "三保")
        let error = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[3].utf8)) as? [String: Any])
        XCTAssertEqual(error["line"] as? Int, 4)
        XCTAssertTrue(lines[5].hasPrefix("1. "), ":json switched back to text: \(lines[5])")
    }

    func testLongLinesWrapAtCOLUMNSCountingCJKAsTwo() throws {
        let out = try BaogaoProcess.repl("三保\n:open 1\n", environment: ["COLUMNS": "40"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.columns <= 40 }, lines.filter { $0.columns > 40 }.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.columns >= 38 }, "lines are filled, not cut short")
        let unwrapped = try BaogaoProcess.repl("三保\n:open 1\n")
        XCTAssertTrue(unwrapped.stdout.split(separator: "\n").contains { String($0).columns > 40 })
    }

    func testNoArgumentsMeansTheREPL() throws {
        let index = try TestIndex.shared()
        let out = try BaogaoProcess.run(["--index", index.index, "--corpus", index.corpus], input: ":stats\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("format "), out.stdout)
    }

    func testAnIndexOlderThanTheCorpusIsUpdatedBeforeTheFirstCommand() throws {
        let folder = try TestIndex.temporaryFolder("stale")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: BaogaoProcess.repository.appendingPathComponent("Corpus"), to: corpus)
        let index = folder.appendingPathComponent("Index").path
        // No index yet: the REPL builds it.
        let built = try BaogaoProcess.run(["repl", "--index", index, "--corpus", corpus.path], input: "三保\n")
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("paragraphs match"), built.stdout)
        // A new report appears: the next session finds it.
        try "新的报告\n关于紫藤花园项目的说明。\n".write(to: corpus.appendingPathComponent("zz_new.txt"), atomically: true, encoding: .utf8)
        let updated = try BaogaoProcess.run(["repl", "--index", index, "--corpus", corpus.path], input: "紫藤花园\n")
        XCTAssertEqual(updated.status, 0, updated.stderr)
        XCTAssertTrue(updated.stdout.contains("zz_new.txt"), updated.stdout)
    }

    func testReindexOnAnUpToDateIndexChangesNothing() throws {
        let out = try BaogaoProcess.repl(":reindex\n:stats\n")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("indexed 0 report(s) (0 new, 0 changed)"), out.stdout)
        XCTAssertTrue(out.stdout.contains("0 removed, 3 unchanged"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\nreports       3\n"), out.stdout)
    }

    func testWrappingKeepsClosingPunctuationOffTheStartOfALine() throws {
        let out = try BaogaoProcess.repl("三保\n:open 1\n", environment: ["COLUMNS": "40"])
        let starts = out.stdout.split(separator: "\n").map { $0.drop { $0 == " " }.first }
        XCTAssertFalse(starts.contains { $0 == "，" || $0 == "。" || $0 == "、" }, out.stdout)
    }
}
