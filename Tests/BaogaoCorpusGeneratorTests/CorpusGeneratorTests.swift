import BaogaoCorpusGenerator
import BaogaoIngest
import Foundation
import XCTest

/// The generated corpus has what the engine's tests and benchmarks rely on:
/// it is the same for the same seed, as large as asked, of many regions and
/// years, partly hard-wrapped, and every report reads back with its region
/// and years.
final class CorpusGeneratorTests: XCTestCase {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    /// One megabyte with seed 7, written once for the tests that only read it.
    static let corpus: (directory: String, summary: CorpusGenerator.Summary) = {
        let directory = temporaryDirectory()
        do {
            let summary = try CorpusGenerator(seedsDirectory: seeds)
                .write(to: directory, options: .init(megabytes: 1, seed: 7, hardWrappedFraction: 0.1))
            return (directory, summary)
        } catch {
            fatalError("cannot generate the corpus: \(error)")
        }
    }()

    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "baogao-corpus-test-" + UUID().uuidString
    }

    /// The manifest's rows: file, template, region, year, layout, paragraphs.
    static func manifest(_ directory: String) throws -> [[String]] {
        let text = try String(contentsOfFile: directory + "/manifest.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
    }

    static func reportFiles(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
    }

    func testTheSameSeedWritesTheSameFiles() throws {
        let a = Self.temporaryDirectory()
        let b = Self.temporaryDirectory()
        let options = CorpusGenerator.Options(megabytes: 0.2, seed: 3)
        try CorpusGenerator(seedsDirectory: Self.seeds).write(to: a, options: options)
        try CorpusGenerator(seedsDirectory: Self.seeds).write(to: b, options: options)
        let files = try Self.reportFiles(a)
        XCTAssertGreaterThan(files.count, 3)
        XCTAssertEqual(files, try Self.reportFiles(b))
        for name in files + ["manifest.tsv"] {
            XCTAssertEqual(
                FileManager.default.contents(atPath: a + "/" + name),
                FileManager.default.contents(atPath: b + "/" + name), name)
        }
    }

    func testADifferentSeedWritesADifferentCorpus() throws {
        let generator = try CorpusGenerator(seedsDirectory: Self.seeds)
        let differing = (0..<5).filter {
            generator.report(number: $0, seed: 3).text != generator.report(number: $0, seed: 4).text
        }
        XCTAssertEqual(differing.count, 5)
        // Reports do not depend on one another: report 2 is the same alone as in a corpus.
        XCTAssertEqual(
            generator.report(number: 2, seed: 7).text,
            try String(contentsOfFile: Self.corpus.directory + "/r00002.txt", encoding: .utf8))
    }

    func testTheCorpusIsAsLargeAsAskedWithinOneReport() throws {
        let sizes = try Self.reportFiles(Self.corpus.directory).map {
            try FileManager.default.attributesOfItem(atPath: Self.corpus.directory + "/" + $0)[.size] as! Int
        }
        let total = sizes.reduce(0, +)
        XCTAssertEqual(total, Self.corpus.summary.bytes)
        XCTAssertEqual(sizes.count, Self.corpus.summary.reports)
        XCTAssertGreaterThanOrEqual(total, 1_048_576)
        XCTAssertLessThan(total, 1_048_576 + sizes.max()!)
        XCTAssertLessThan(Double(total), 1.06 * 1_048_576)
    }

    func testReportsAreOfManyRegionsYearsAndLevels() throws {
        let rows = try Self.manifest(Self.corpus.directory)
        XCTAssertEqual(rows.count, Self.corpus.summary.reports)
        let regions = Set(rows.map { $0[2] })
        XCTAssertGreaterThan(regions.count, 20, "\(regions)")
        XCTAssertEqual(Set(regions.map { $0.last! }), ["区", "县", "市"])
        XCTAssertGreaterThanOrEqual(Set(rows.map { $0[3] }).count, 6)
        XCTAssertEqual(Set(rows.map { $0[1] }).count, 3, "every seed serves as a template")
        // The seeds' own places are never a synthetic region.
        XCTAssertTrue(regions.isDisjoint(with: ["江津区", "解放区", "焦作市", "重庆市"]))
    }

    func testAboutTheAskedShareIsHardWrapped() throws {
        let rows = try Self.manifest(Self.corpus.directory)
        let wrapped = rows.filter { $0[4] == "pdf" }
        XCTAssertGreaterThan(wrapped.count, 0)
        XCTAssertLessThan(wrapped.count, rows.count / 4)
        for row in wrapped {
            let text = try String(contentsOfFile: Self.corpus.directory + "/" + row[0], encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            XCTAssertTrue(
                lines.enumerated().allSatisfy { $0.offset % 2 == 1 ? $0.element.isEmpty : !$0.element.isEmpty },
                "a blank line after every line in \(row[0])")
            // 54 columns (27 CJK characters), one more for a page break's leading space.
            let columns = lines.map { $0.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
            XCTAssertLessThanOrEqual(columns.max()!, 55, row[0])
        }
        let generator = try CorpusGenerator(seedsDirectory: Self.seeds)
        XCTAssertTrue((0..<10).allSatisfy { generator.report(number: $0, seed: 7, hardWrappedFraction: 1).isHardWrapped })
        XCTAssertTrue((0..<10).allSatisfy { !generator.report(number: $0, seed: 7, hardWrappedFraction: 0).isHardWrapped })
    }

    func testNumbersVaryFromReportToReport() throws {
        let generator = try CorpusGenerator(seedsDirectory: Self.seeds)
        let reports = (0..<30).map { generator.report(number: $0, seed: 7) }
        func amounts(_ r: GeneratedReport) -> [String] {
            r.paragraphs.joined().split { !($0.isASCII && ($0.isNumber || $0 == ".")) }.map(String.init)
        }
        let byTemplate = Dictionary(grouping: reports, by: \.template)
        for (template, group) in byTemplate where group.count >= 2 {
            XCTAssertNotEqual(amounts(group[0]), amounts(group[1]), template)
        }
        XCTAssertGreaterThan(Set(reports.flatMap(amounts)).count, 2000)
    }

    func testEveryReportReadsBackWithItsRegionAndYears() throws {
        let rows = try Self.manifest(Self.corpus.directory)
        for row in rows {
            let report = try ReportReader.read(fileAt: Self.corpus.directory + "/" + row[0])
            XCTAssertEqual(report.metadata.region, row[2], row[0])
            XCTAssertEqual(report.metadata.budgetYear, Int(row[3]), row[0])
            XCTAssertEqual(report.metadata.executionYear, Int(row[3])! - 1, row[0])
            XCTAssertGreaterThan(report.paragraphs.count, 40, row[0])
        }
    }

    func testWritingAgainReplacesTheEarlierCorpus() throws {
        let directory = Self.temporaryDirectory()
        let generator = try CorpusGenerator(seedsDirectory: Self.seeds)
        let large = try generator.write(to: directory, options: .init(megabytes: 0.3, seed: 1))
        try "not generated".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let small = try generator.write(to: directory, options: .init(megabytes: 0.05, seed: 1))
        XCTAssertLessThan(small.reports, large.reports)
        XCTAssertEqual(try Self.reportFiles(directory).count, small.reports + 1, "only notes.txt is left beside the new reports")
    }

    func testUnusableSeedsAreReported() throws {
        XCTAssertThrowsError(try CorpusGenerator(seedsDirectory: "/nonexistent/seeds")) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot read the seeds folder /nonexistent/seeds"), "\(error)")
        }
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "一些文字\n没有标题\n".write(toFile: directory + "/a.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CorpusGenerator(seedsDirectory: directory)) { error in
            XCTAssertTrue("\(error)".contains("a.txt: no greeting 各位代表"), "\(error)")
        }
        XCTAssertThrowsError(try CorpusGenerator(seedsDirectory: Self.seeds).write(to: directory, options: .init(megabytes: 0)))
    }
}
