import Foundation
import XCTest

/// The CLI's `--json` and the REPL's `:json` mode print the same object for the
/// same command (one writer and one set of shapes, Sources/BaogaoQuery/Wire/);
/// the server's results are checked against the same shapes by
/// BaogaoServerTests' WireSnapshotTests. Only `took_ms` may differ.
final class JSONFrontEndTests: XCTestCase {
    func testReplJSONIsTheCLIJSON() throws {
        let index = try TestIndex.shared().index
        let cases: [(cli: [String], repl: String)] = [
            (["search", "三保"], "三保"),
            (["facts", "--limit", "50", "教育 >1亿"], ":facts 教育 >1亿"),
            (["ask", "什么是三保？"], "什么是三保？"),
            (["define", "三保"], ":define 三保"),
            (["mentions", "三保"], ":mentions 三保"),
            (["series", "一般公共预算收入", "region:江津"], ":series 一般公共预算收入 region:江津"),
            (["compare", "债务余额", "year:2023"], ":compare 债务余额 year:2023"),
            (["reports"], ":reports"),
            (["stats"], ":stats")
        ]
        let script = ":json on\n" + cases.map(\.repl).joined(separator: "\n") + "\n"
        let repl = try BaogaoProcess.repl(script)
        XCTAssertEqual(repl.stderr, "")
        let lines = repl.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, cases.count, repl.stdout)
        for (i, c) in cases.enumerated() where i < lines.count {
            let cli = try BaogaoProcess.run([c.cli[0], "--json", "--index", index] + c.cli.dropFirst())
            XCTAssertEqual(
                try Self.withoutTime(cli.stdout), try Self.withoutTime(lines[i]), "\(c.cli) and the REPL's \(c.repl) differ")
        }
    }

    /// The object with every `took_ms` removed, as comparable text.
    static func withoutTime(_ json: String) throws -> String {
        func strip(_ v: Any) -> Any {
            if let o = v as? [String: Any] { return o.filter { $0.key != "took_ms" }.mapValues(strip) }
            if let a = v as? [Any] { return a.map(strip) }
            return v
        }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let data = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
