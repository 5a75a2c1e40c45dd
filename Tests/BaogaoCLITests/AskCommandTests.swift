import Foundation
import XCTest

/// `baogao ask` prints the answer and at most five alternatives; JSON keeps all.
final class AskCommandTests: XCTestCase {
    func testManyAlternativesArePrintedFiveAndCounted() throws {
        // Eight reports, each defining 三保 in its own words.
        let folder = try TestIndex.temporaryFolder("ask-alternatives")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let source = BaogaoProcess.repository.appendingPathComponent("Corpus/002_b5c26ff8d3e05e66.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        let entry = "11.“三保”：指保基本民生、保工资和保运转。"
        XCTAssertTrue(text.contains(entry))
        for n in 1...8 {
            let own = text.replacingOccurrences(of: entry, with: "11.“三保”：指保基本民生、保工资和保运转（第\(n)种说法）。")
            try own.write(to: corpus.appendingPathComponent("r\(n).txt"), atomically: true, encoding: .utf8)
        }
        let index = folder.appendingPathComponent("Index").path
        let built = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus.path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)

        let out = try BaogaoProcess.run(["ask", "--index", index, "什么是三保？"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("种说法") }.count, 6, out.stdout)
        XCTAssertTrue(lines.contains("  … and 2 more (the JSON output lists them all)"), out.stdout)

        let json = try BaogaoProcess.run(["ask", "--json", "--index", index, "什么是三保？"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["alternatives"] as? [Any])?.count, 7)
    }
}
