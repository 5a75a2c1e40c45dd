import BaogaoIndex
import BaogaoQuery
import Foundation
import XCTest

/// Runs every saved query suite in Queries/ (*.txt) against the sample index.
final class QuerySuiteTests: XCTestCase {
    func testEverySavedQueryReturnsWhatItsSuiteSays() throws {
        let folder = repositoryRoot.appendingPathComponent("Queries")
        let suites = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(suites.isEmpty, "no query suites in Queries/")
        var checked = 0
        for suite in suites {
            let text = try String(contentsOf: folder.appendingPathComponent(suite), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    XCTFail("\(suite):\(n + 1): no tab between query and expectations")
                    continue
                }
                check(query: parts[0], expectations: parts[1].split(separator: " ").map(String.init), at: "\(suite):\(n + 1)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    private func check(query: String, expectations: [String], at place: String) {
        let searcher = SharedIndex.sample
        let result: SearchResult
        do {
            result = try searcher.search(query, limit: 1)
        } catch {
            XCTAssertTrue(expectations.contains("error"), "\(place): \(query): unexpected error \(error)")
            return
        }
        XCTAssertFalse(expectations.contains("error"), "\(place): \(query): expected a syntax error")
        let matched = (try? ids(searcher, query)) ?? []
        let facts = (try? FactFinder(searcher).facts(query, limit: 1000).facts) ?? []
        for e in expectations {
            let (key, value) = e.split(separator: "=", maxSplits: 1).map(String.init).splitPair
            switch key {
            case "total": XCTAssertEqual(result.total, Int(value), "\(place): \(query)")
            case "none": XCTAssertEqual(result.total, 0, "\(place): \(query)")
            case "has":
                for id in value.split(separator: ",") {
                    XCTAssertTrue(matched.contains(String(id)), "\(place): \(query): missing \(id)")
                }
            case "top": XCTAssertEqual(result.hits.first?.paragraph.id, value, "\(place): \(query)")
            case "fact", "nofact":
                let (label, text) = value.split(separator: "@", maxSplits: 1).map(String.init).splitPair
                let listed = facts.contains { $0.fact.label == label && $0.fact.text == text }
                XCTAssertEqual(listed, key == "fact", "\(place): \(query): \(key) \(value)")
            default: XCTFail("\(place): unknown expectation \(e)")
            }
        }
    }
}

extension Array where Element == String {
    fileprivate var splitPair: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
