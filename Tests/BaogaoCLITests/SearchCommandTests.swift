import Foundation
import XCTest

final class SearchCommandTests: XCTestCase {
    private func search(_ arguments: [String]) throws -> BaogaoProcess.Output {
        try BaogaoProcess.run(["search", "--index", try TestIndex.shared().index] + arguments)
    }

    /// A region filter that names no region of the index says so, as ask does.
    func testAnUnknownRegionIsNamedWithTheIndexsRegions() throws {
        let out = try search(["region:北京", "三保"])
        XCTAssertEqual(out.status, 1, out.stderr)
        XCTAssertEqual(out.stdout, "no paragraphs match region:北京 三保\n北京 is no region of the index (regions: 江津区、焦作市、解放区)\n")
        // A known region that matches nothing gets no such line.
        let known = try search(["region:江津", "没有这样的词组"])
        XCTAssertEqual(known.stdout, "no paragraphs match region:江津 没有这样的词组\n")
    }

    /// Bare headings (`（1）全区一般公共预算`) named the term once and ranked above the
    /// paragraphs that say something about it.
    func testHeadingsDoNotLeadTheRanking() throws {
        let out = try search(["--json", "--limit", "5", "预算", "year:2024"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let texts = try XCTUnwrap(object["hits"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        XCTAssertEqual(texts.count, 5)
        for text in texts { XCTAssertGreaterThan(text.count, 30, "a heading in the top five: \(texts)") }
    }
}
