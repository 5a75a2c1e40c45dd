import Foundation
import QuestionSetSupport
import XCTest

/// The question sets of Queries/ asked as a user asks them: indexes built by
/// `baogao index`, every question typed into `baogao repl` (a script, `:json`
/// output), each JSON answer checked against the expected value and citation.
/// The counts right must be those of Queries/answered-today.tsv, which the
/// in-process tests hold too: the CLI path answers exactly as the engine does.
final class QuestionSetCLITests: XCTestCase {
    func testSampleSetThroughTheCLI() throws {
        try check("Queries/questions.tsv", index: try TestIndex.shared().index)
    }

    func testRealSetThroughTheCLI() throws {
        try check("Queries/questions-real.tsv", index: try Self.realIndex(withCatalogue: false))
    }

    func testHeldOutSetThroughTheCLI() throws {
        try check("Queries/questions-heldout.tsv", index: try Self.realIndex(withCatalogue: true))
    }

    func testSecondHeldOutSetThroughTheCLI() throws {
        try check("Queries/questions-heldout2.tsv", index: try Self.realIndex(withCatalogue: true))
    }

    // MARK: Running

    private func check(_ file: String, index: String) throws {
        let rows = try Self.rows(file)
        let script = ":json\n" + rows.map(\.question).joined(separator: "\n") + "\n"
        let out = try BaogaoProcess.run(["repl", "--index", index], input: script)
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, rows.count, "one JSON line per question")
        var failures: [String] = []
        for (row, line) in zip(rows, lines) {
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            if let problem = Self.problem(row, json) { failures.append("\(row.id) \(row.question): \(problem)") }
        }
        let expected = try Self.answeredToday(file)
        XCTAssertEqual(
            rows.count - failures.count, expected,
            "\(file) through the CLI differs from Queries/answered-today.tsv; wrong: "
                + failures.prefix(12).joined(separator: " | "))
    }

    // MARK: Data

    typealias Row = QuestionSet.Row

    static func problem(_ row: Row, _ json: [String: Any]) -> String? { QuestionSet.problem(row, json) }

    static func rows(_ file: String) throws -> [Row] { try QuestionSet.rows(file, root: BaogaoProcess.repository) }

    static func answeredToday(_ file: String) throws -> Int {
        try QuestionSet.answeredToday(file, root: BaogaoProcess.repository)
    }

    /// Tests/Fixtures/corpus-real indexed by `baogao index`: its reports, and its
    /// catalogue when asked for.
    static func realIndex(withCatalogue: Bool) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("baogao-cli-real-\(withCatalogue ? "catalogue" : "text")-\(getpid())")
        let corpus = folder.appendingPathComponent("corpus").path
        let index = folder.appendingPathComponent("index").path
        if FileManager.default.fileExists(atPath: index) { return index }
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let source = BaogaoProcess.repository.appendingPathComponent("Tests/Fixtures/corpus-real")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where name.hasSuffix(".txt") || (withCatalogue && name == "catalog.tsv") {
            try FileManager.default.copyItem(
                atPath: source.appendingPathComponent(name).path, toPath: corpus + "/" + name)
        }
        let out = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus, "--index", index])
        guard out.status == 0 else { throw TestIndexError(message: "baogao index failed: \(out.stderr)") }
        return index
    }
}
