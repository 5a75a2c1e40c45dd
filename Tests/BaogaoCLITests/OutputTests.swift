import Foundation
import XCTest

/// What the commands print: colour by `--color`, plain text when piped, tables that fit.
final class OutputTests: XCTestCase {
    private func baogao(_ arguments: [String], environment: [String: String] = [:]) throws -> BaogaoProcess.Output {
        try BaogaoProcess.run(arguments + ["--index", try TestIndex.shared().index], environment: environment)
    }

    /// The reports bracket terms with 【】 themselves, so piped output marks nothing
    /// (as ripgrep's); colour is asked for with --color=always.
    func testPipedOutputIsUnmarkedAndColourIsAFlag() throws {
        let plain = try baogao(["search", "--limit", "20", "三保"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stdout.contains("【三保】"), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("\u{1B}["), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("“三保”"), plain.stdout)

        let colored = try baogao(["search", "--color=always", "三保"])
        XCTAssertTrue(colored.stdout.contains("\u{1B}[1;33m三保\u{1B}[0m"), colored.stdout)
        let never = try baogao(["search", "--color", "never", "三保"])
        XCTAssertEqual(never.stdout.timingsMasked, try baogao(["search", "三保"]).stdout.timingsMasked)

        let bad = try baogao(["search", "--color=sometimes", "三保"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("sometimes"), bad.stderr)
    }

    /// `facts` alone lists every fact of the index, as its help says.
    func testFactsWithoutAQueryListsEveryFact() throws {
        let all = try baogao(["facts", "--json"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let facts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        let stats = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try baogao(["stats", "--json"]).stdout.utf8)) as? [String: Any])
        XCTAssertEqual(facts["total"] as? Int, stats["facts"] as? Int)
        XCTAssertGreaterThan(facts["total"] as? Int ?? 0, 0)
    }

    /// The REPL's facts table: a header, the value once when it reads as written,
    /// and no row wider than the screen.
    func testTheFactsTableHasAHeaderAndFitsTheWidth() throws {
        for columns in [120, 80] {
            let out = try BaogaoProcess.repl(":facts 增长>10%\n", environment: ["COLUMNS": "\(columns)"])
            XCTAssertEqual(out.status, 0, out.stderr)
            let lines = out.stdout.split(separator: "\n").map(String.init)
            let header = try XCTUnwrap(lines.first)
            XCTAssertEqual(header.split(separator: " ").map(String.init), ["#", "label", "figure", "relation", "where"])
            XCTAssertTrue(lines.contains { $0.contains("住房保障支出") && $0.contains("35.4%") }, out.stdout)
            XCTAssertFalse(out.stdout.contains("35.4%   35.4%") || out.stdout.contains("35.4%  35.4%"), out.stdout)
            // Each row is one line: a row number starts every line but the header and the count.
            let rows = lines.dropFirst().dropLast()
            XCTAssertFalse(rows.isEmpty)
            for row in rows {
                XCTAssertLessThan(row.columns, columns, row)
                XCTAssertNotNil(row.range(of: #"^ *[0-9]+\. "#, options: .regularExpression), "a wrapped row: \(row)")
            }
        }
    }
}
