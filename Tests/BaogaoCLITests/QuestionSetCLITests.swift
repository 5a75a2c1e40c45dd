import Foundation
import XCTest

/// The question sets of Queries/ asked as a user asks them: indexes built by
/// `baogao index`, every question typed into `baogao repl` (a script, `:json`
/// output), each JSON answer checked against the expected value and citation.
/// The counts right must be those of Queries/answered-today.tsv, which the
/// in-process tests hold too: the CLI path answers exactly as the engine does.
final class QuestionSetCLITests: XCTestCase {
    struct Row {
        var id, kind, question, expected, citation: String
    }

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

    /// What is wrong with the answer `json` to `row`, nil when it is right. The same
    /// rules as the in-process `QuestionSetTests.check`, on the JSON a script reads.
    static func problem(_ row: Row, _ json: [String: Any]) -> String? {
        let squeeze = { (s: String) in s.filter { $0 != " " } }
        let answer = json["answer"] as? [String: Any]
        func short(_ a: [String: Any]?) -> String? {
            guard let c = a?["citation"] as? [String: Any], let doc = c["doc"] as? String, let p = c["paragraph"] as? Int
            else { return nil }
            return "\(doc.prefix(3))#\(p)"
        }
        switch row.kind {
        case "none":
            return answer == nil ? nil : "expected no answer, got \(answer?["text"] ?? "")"
        case "value":
            guard let a = answer, let text = a["text"] as? String else { return "no answer" }
            return squeeze(text) == squeeze(row.expected) && short(a) == row.citation ? nil : "got \(text) \(short(a) ?? "-")"
        case "parts":
            guard let parts = answer?["parts"] as? [[String: Any]] else { return "no two-part answer" }
            let got = parts.map { "\(squeeze($0["text"] as? String ?? "")) \(short($0) ?? "-")" }
            let want = zip(row.expected.split(separator: ";"), row.citation.split(separator: ";")).map {
                "\(squeeze(String($0))) \($1)"
            }
            return got == want ? nil : "got \(got.joined(separator: "; "))"
        case "definition":
            guard let c = short(answer) else { return "no answer" }
            return row.citation.split(separator: "|").contains(Substring(c)) ? nil : "got \(c)"
        case "list":
            guard let items = answer?["items"] as? [[String: Any]] else { return "no list answer" }
            let got = Set(items.map { "\($0["label"] as? String ?? "")=\(short($0) ?? "-")" })
            let want = Set(row.expected.split(separator: ";").map(String.init))
            return got == want ? nil : "missing \(want.subtracting(got).sorted()), extra \(got.subtracting(want).sorted())"
        default:
            return "unknown kind \(row.kind)"
        }
    }

    // MARK: Data

    static func rows(_ file: String) throws -> [Row] {
        let text = try String(contentsOf: BaogaoProcess.repository.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else { return nil }
            return Row(id: f[0], kind: f[1], question: f[2], expected: f[3], citation: f[4])
        }
    }

    static func answeredToday(_ file: String) throws -> Int {
        let url = BaogaoProcess.repository.appendingPathComponent("Queries/answered-today.tsv")
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count == 3, f[0] == file, let n = Int(f[2]) { return n }
        }
        throw TestIndexError(message: "Queries/answered-today.tsv has no count for \(file)")
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
