import BaogaoQuery
import Foundation
import XCTest

/// Runs Queries/questions-real.tsv against an index of the real-report excerpts of
/// Tests/Fixtures/corpus-real (their .txt files only: the folder's README is no
/// report) and holds today's passing count exactly, so any regression fails; the
/// accuracy per question form is printed for the record.
final class RealQuestionSetTests: XCTestCase {

    /// The excerpts without their catalogue: every field read from the text.
    static let searcher = index(withCatalogue: false)
    /// The excerpts with their catalogue (catalog.tsv), as a user who has one
    /// indexes them: some excerpts never name their region or year.
    static let searcherWithCatalogue = index(withCatalogue: true)

    static func index(withCatalogue: Bool) -> Searcher {
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus-real")
        let corpus = NSTemporaryDirectory() + "baogao-real-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
            where name.hasSuffix(".txt") || (withCatalogue && name == "catalog.tsv") {
                try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: corpus + "/" + name)
            }
        } catch {
            fatalError("cannot copy the real excerpts: \(error)")
        }
        return SharedIndex.build(corpus: corpus, name: withCatalogue ? "real-catalogue" : "real")
    }

    func testRealQuestionSet() throws {
        try run("Queries/questions-real.tsv", on: Self.searcher)
    }

    /// Queries/questions-heldout.tsv was written without running the engine; its first
    /// run, before any change made for it, answered 95 of 180 (81 on the index without
    /// the catalogue).
    func testHeldOutQuestionSet() throws {
        try run("Queries/questions-heldout.tsv", on: Self.searcherWithCatalogue)
    }

    /// Queries/questions-heldout2.tsv: a second set written without running the
    /// engine (2026-12-05), after the first had been used to improve it.
    func testSecondHeldOutQuestionSet() throws {
        try run("Queries/questions-heldout2.tsv", on: Self.searcherWithCatalogue)
    }

    private func run(_ file: String, on searcher: Searcher) throws {
        let answeredToday = try QuestionSetTests.answeredToday(file)
        let rows = try QuestionSetTests.rows(file)
        XCTAssertGreaterThanOrEqual(rows.count, 60)
        var failures: [String] = []
        var confidentWrong: [String] = []
        var byForm: [String: (right: Int, all: Int)] = [:]
        for row in rows {
            let result = try Answerer(searcher).ask(row.question)
            let problem = QuestionSetTests.check(row, result)
            byForm[row.form, default: (0, 0)].all += 1
            if let problem {
                failures.append("\(row.id) [\(row.form)] \(row.question): \(problem)")
                if row.kind == "none" { confidentWrong.append(row.id) }
            } else {
                byForm[row.form, default: (0, 0)].right += 1
            }
        }
        // Written unbuffered, so that the report is whole before XCTest prints the failure.
        var report = "\(file): \(rows.count - failures.count)/\(rows.count) right\n"
        for (form, n) in byForm.sorted(by: { $0.key < $1.key }) { report += "  \(form): \(n.right)/\(n.all)\n" }
        for f in failures { report += "  FAIL \(f)\n" }
        FileHandle.standardOutput.write(Data(report.utf8))
        // `swift test` may drop part of a long output: BAOGAO_QUESTION_REPORT=DIR keeps it whole.
        if let dir = ProcessInfo.processInfo.environment["BAOGAO_QUESTION_REPORT"] {
            try report.write(
                toFile: dir + "/" + (file as NSString).lastPathComponent + ".report", atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(confidentWrong.isEmpty, "unanswerable questions got an answer: \(confidentWrong)")
        XCTAssertEqual(
            rows.count - failures.count, answeredToday,
            "today's count changed: raise the count if more are right, else fix the regression (the failures are listed above)")
    }
}
