import Foundation
import XCTest

/// Every command exits as grep and ripgrep do: 0 found, 1 nothing found, 2 an error.
final class ExitStatusTests: XCTestCase {
    private func baogao(_ arguments: [String], index: Bool = true) throws -> BaogaoProcess.Output {
        let extra = index ? ["--index", try TestIndex.shared().index] : []
        return try BaogaoProcess.run(arguments + extra)
    }

    private func assertStatus(
        _ expected: Int32, _ arguments: [String], index: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let out = try baogao(arguments, index: index)
        XCTAssertEqual(out.status, expected, "baogao \(arguments): \(out.stderr)\(out.stdout)", file: file, line: line)
        if expected == 2 {
            XCTAssertFalse(out.stderr.isEmpty, "an error says why on stderr: baogao \(arguments)", file: file, line: line)
        }
    }

    func testFoundIsZeroNothingIsOne() throws {
        try assertStatus(0, ["search", "三保"])
        try assertStatus(1, ["search", "没有这样的词组"])
        try assertStatus(0, ["search", ">1亿元"])
        try assertStatus(1, ["search", ">1000000亿元"])
        try assertStatus(0, ["facts", "增长>5%"])
        try assertStatus(1, ["facts", "增长>5000%"])
        try assertStatus(0, ["ask", "2023年江津区一般公共预算收入是多少？"])
        try assertStatus(1, ["ask", "2023年火星一般公共预算收入是多少？"])
        try assertStatus(0, ["define", "三保"])
        try assertStatus(1, ["define", "没有这样的词组"])
        try assertStatus(0, ["mentions", "过紧日子"])
        try assertStatus(1, ["mentions", "没有这样的词组"])
        try assertStatus(0, ["stats"])
    }

    func testErrorsAreTwo() throws {
        try assertStatus(2, ["search", "(三保"])
        try assertStatus(2, ["ask", ""])
        try assertStatus(2, ["ask", "  "])
        try assertStatus(2, ["define", ""])
        try assertStatus(2, ["mentions", ""])
        try assertStatus(2, ["search", "--limit", "-1", "三保"])
        try assertStatus(2, ["stats", "--index", "/nonexistent/baogao-index"], index: false)
        try assertStatus(2, ["paragraphs", "/nonexistent/report.txt"], index: false)
    }

    /// ArgumentParser's own status for a bad argument is 64 (EX_USAGE); scripts test for 2.
    func testArgumentErrorsAreTwo() throws {
        try assertStatus(2, ["search", "--limit", "many", "三保"])
        try assertStatus(2, ["stats", "--no-such-flag"])
        try assertStatus(2, ["define"])
        let help = try baogao(["search", "--help"], index: false)
        XCTAssertEqual(help.status, 0, help.stderr)
    }

    func testVersion() throws {
        let out = try baogao(["--version"], index: false)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertNotNil(out.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression), out.stdout)
    }

    func testAMistypedCommandIsNamed() throws {
        let out = try baogao(["serach", "三保"], index: false)
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.contains("did you mean search?"), out.stderr)
        XCTAssertFalse(out.stderr.contains("page-size"), "not the REPL's usage: \(out.stderr)")

        let query = try baogao(["三保"], index: false)
        XCTAssertEqual(query.status, 2)
        XCTAssertTrue(query.stderr.contains("baogao search 三保"), query.stderr)
    }
}
