import Foundation
import XCTest

/// `baogao mentions` lists the first ten reports of each year and counts the
/// rest; `--all` and `--json` give every one.
final class MentionsCommandTests: XCTestCase {
    func testEachYearListsTenReportsUnlessAllAreAskedFor() throws {
        // Twelve copies of one report: twelve reports mentioning 三保 in the same years.
        let folder = try TestIndex.temporaryFolder("mentions-reports")
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let source = BaogaoProcess.repository.appendingPathComponent("Corpus/002_b5c26ff8d3e05e66.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        for n in 1...12 {
            try (text + "\n第\(n)份。\n").write(to: corpus.appendingPathComponent(String(format: "r%02d.txt", n)),
                                                 atomically: true, encoding: .utf8)
        }
        let index = folder.appendingPathComponent("Index").path
        let built = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus.path, "--index", index])
        XCTAssertEqual(built.status, 0, built.stderr)

        let all = try BaogaoProcess.run(["mentions", "--all", "--index", index, "三保"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let short = try BaogaoProcess.run(["mentions", "--index", index, "三保"])
        XCTAssertEqual(short.status, 0, short.stderr)
        func reportLines(_ s: String) -> [Substring] { s.split(separator: "\n").filter { $0.hasPrefix("  江津区 (") } }
        let years = short.stdout.split(separator: "\n").filter { $0.contains("年 — ") }
        XCTAssertFalse(years.isEmpty, short.stdout)
        XCTAssertEqual(reportLines(all.stdout).count, 12 * years.count, all.stdout)
        XCTAssertEqual(reportLines(short.stdout).count, 10 * years.count, short.stdout)
        let more = short.stdout.split(separator: "\n").filter { $0.hasPrefix("  … and 2 more reports (") }
        XCTAssertEqual(more.count, years.count, short.stdout)
        XCTAssertFalse(all.stdout.contains("… and"), all.stdout)
        // The total is the same either way.
        XCTAssertEqual(all.stdout.split(separator: "\n").last?.split(separator: " ").first,
                       short.stdout.split(separator: "\n").last?.split(separator: " ").first)
    }
}
