import Foundation
import XCTest

/// `baogao ask` prints the answer and at most five alternatives; JSON keeps all.
final class AskCommandTests: XCTestCase {
    func testManyAlternativesArePrintedFiveAndCounted() throws {
        // Eight reports, each defining 三保 in its own words.
        let entry = "11.“三保”：指保基本民生、保工资和保运转。"
        let index = try TestIndex.variants(of: 8, name: "ask-alternatives") { n, text in
            XCTAssertTrue(text.contains(entry))
            return text.replacingOccurrences(of: entry, with: "11.“三保”：指保基本民生、保工资和保运转（第\(n)种说法）。")
        }.index

        let out = try BaogaoProcess.run(["ask", "--index", index, "什么是三保？"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("种说法") }.count, 6, out.stdout)
        XCTAssertTrue(lines.contains("  … and 2 more (the JSON output lists them all)"), out.stdout)

        let json = try BaogaoProcess.run(["ask", "--json", "--index", index, "什么是三保？"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["alternatives"] as? [Any])?.count, 7)
    }

    /// `--explain` says why the answer won and where each alternative lost; in
    /// JSON an `explain` field, present only when asked for.
    func testExplainSaysWhereEachAlternativeLost() throws {
        let index = try TestIndex.shared().index
        let question = "2023年江津区一般公共预算收入是多少？"
        let out = try BaogaoProcess.run(["ask", "--explain", "--index", index, question])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("why: label: 一般公共预算收入 is 一般公共预算收入; scope: 全区"), out.stdout)
        XCTAssertTrue(out.stdout.contains("why: scope: 区级 where 全区 ranks first"), out.stdout)

        let json = try BaogaoProcess.run(["ask", "--json", "--explain", "--index", index, question])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let alternative = try XCTUnwrap((object["alternatives"] as? [[String: Any]])?.first)
        XCTAssertEqual((alternative["explain"] as? String)?.hasPrefix("scope: 区级"), true)

        let plain = try BaogaoProcess.run(["ask", "--json", "--index", index, question])
        XCTAssertFalse(plain.stdout.contains("\"explain\""), plain.stdout)
    }

    /// The printed citation names the lines of the figure's sentence (L204 of a
    /// paragraph spanning L180–211); a list item's names section and lines like any
    /// other; a definition's, the year of the report that gives it.
    func testCitationsPrintTheLinesOfTheFiguresSentence() throws {
        let index = try TestIndex.shared().index
        let doc = "000_d12f06acd0fd881e.txt"
        let figure = try BaogaoProcess.run(["ask", "--index", index, "解放区2023年社保支出是多少？"])
        XCTAssertEqual(figure.status, 0, figure.stderr)
        XCTAssertTrue(figure.stdout.contains("（三）2023年财政五项重点工作 · ¶26 · L204 · \(doc)"), figure.stdout)

        let list = try BaogaoProcess.run(["ask", "--index", index, "解放区2024年哪些支出科目超过1亿元？"])
        XCTAssertTrue(
            list.stdout.contains("22960万元       解放区 · 二、2024 年财政预算草案情况 › （二）2024年一般公共预算安排 · ¶40 · L346–348 · \(doc)"),
            list.stdout)

        let define = try BaogaoProcess.run(["define", "--index", index, "三保"])
        XCTAssertEqual(
            define.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") },
            [
                "  江津区 2024 · 名词解释 · ¶106 · L118 · 002_b5c26ff8d3e05e66.txt",
                "  解放区 2024 · 重要名词解释 › 【“三保”支出】 · ¶101 · L681 · \(doc)"
            ])
    }
}
