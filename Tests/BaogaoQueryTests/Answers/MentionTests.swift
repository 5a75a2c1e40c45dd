import BaogaoQuery
import Foundation
import XCTest

final class MentionTests: XCTestCase {
    func testGroupedByYearAndReport() throws {
        let r = try SharedIndex.sample.mentions("过紧日子")
        XCTAssertEqual(r.total, r.byYear.reduce(0) { $0 + $1.count })
        XCTAssertEqual(r.byYear.map(\.year), r.byYear.map(\.year).sorted { ($0 ?? .max) < ($1 ?? .max) })
        for y in r.byYear {
            XCTAssertEqual(y.count, y.reports.reduce(0) { $0 + $1.count })
            for rep in y.reports {
                XCTAssertEqual(rep.count, rep.paragraphs.count)
                for m in rep.paragraphs {
                    XCTAssertFalse(m.snippet.highlights.isEmpty, "\(rep.doc)#\(m.paragraph)")
                    XCTAssertTrue(m.snippet.text.contains("过紧日子"))
                }
            }
        }
        // 002 ¶60 (2024 budget section) and 003 ¶66 (2026) mention it.
        let cites = Set(
            r.byYear.flatMap { y in
                y.reports.flatMap { rep in rep.paragraphs.map { "\(y.year ?? 0) \(rep.doc.prefix(3))#\($0.paragraph)" } }
            })
        XCTAssertTrue(cites.contains("2024 002#60"), "\(cites)")
        XCTAssertTrue(cites.contains("2026 003#66"), "\(cites)")
    }

    func testTotalEqualsSearchAndFiltersApply() throws {
        let all = try SharedIndex.sample.mentions("三保")
        XCTAssertEqual(all.total, try SharedIndex.sample.search("三保").total)
        let one = try SharedIndex.sample.mentions("三保 region:江津区")
        XCTAssertTrue(one.byYear.allSatisfy { $0.reports.allSatisfy { $0.region == "江津区" } })
        XCTAssertLessThan(one.total, all.total)
        XCTAssertEqual(try SharedIndex.sample.mentions("碳达峰").total, 0)
    }

    func testJSONShape() throws {
        let r = try SharedIndex.sample.mentions("过紧日子")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? [String: Any])
        XCTAssertEqual(json["term"] as? String, "过紧日子")
        let year = try XCTUnwrap((json["by_year"] as? [[String: Any]])?.first)
        for key in ["year", "count", "reports"] { XCTAssertNotNil(year[key], key) }
        let report = try XCTUnwrap((year["reports"] as? [[String: Any]])?.first)
        for key in ["doc", "region", "count", "paragraphs"] { XCTAssertNotNil(report[key], key) }
        let p = try XCTUnwrap((report["paragraphs"] as? [[String: Any]])?.first)
        for key in ["paragraph", "lines", "snippet"] { XCTAssertNotNil(p[key], key) }
    }
}
