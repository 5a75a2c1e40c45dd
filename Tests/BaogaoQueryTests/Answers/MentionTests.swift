import BaogaoQuery
import Foundation
import XCTest

final class MentionTests: XCTestCase {
    func testGroupedByYearAndReport() throws {
        let r = try MentionFinder(SharedIndex.sample).mentions("过紧日子")
        XCTAssertEqual(r.total, r.byYear.reduce(0) { $0 + $1.count })
        XCTAssertEqual(r.byYear.map(\.year), r.byYear.map(\.year).sorted { ($0 ?? .max) < ($1 ?? .max) })
        for y in r.byYear {
            XCTAssertEqual(y.count, y.reports.reduce(0) { $0 + $1.count })
            for rep in y.reports {
                XCTAssertEqual(rep.count, rep.paragraphs.count)
                for m in rep.paragraphs {
                    XCTAssertFalse(m.snippet.highlights.isEmpty, "\(rep.doc)#\(m.paragraph)")
                    // Each highlight is the term, written plain or with marks inside it.
                    let scalars = Array(m.snippet.text.unicodeScalars)
                    for h in m.snippet.highlights {
                        let marked = String(String.UnicodeScalarView(scalars[h]))
                        XCTAssertEqual(marked.filter { $0 != "“" && $0 != "”" }, "过紧日子", marked)
                    }
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

    /// 江津 (002) writes the term 过“紧日子” in ¶48 and ¶61, beside plain
    /// 过紧日子 elsewhere: 6 paragraphs hold the unbroken term, 8 the term as read.
    func testATermWrittenWithMarksInsideIsMentioned() throws {
        let r = try MentionFinder(SharedIndex.sample).mentions("过紧日子")
        XCTAssertEqual(r.total, 8)
        let jiangjin = r.byYear.flatMap(\.reports).filter { $0.doc.hasPrefix("002") }.flatMap(\.paragraphs)
        XCTAssertEqual(jiangjin.map(\.paragraph).sorted(), [48, 60, 61, 92])
        let p48 = try XCTUnwrap(jiangjin.first { $0.paragraph == 48 }).snippet
        let scalars = Array(p48.text.unicodeScalars)
        XCTAssertEqual(p48.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }, ["过“紧日子"])
        XCTAssertEqual(try MentionFinder(SharedIndex.sample).mentions("\"过紧日子\"").total, 6, "a quoted phrase stays exact")
        // Marks are skipped, not read as any character: 过日子 is nowhere.
        XCTAssertEqual(try MentionFinder(SharedIndex.sample).mentions("过日子").total, 0)
        // Brackets do not join (002 ¶ `调入资金（调出资金）`), nor does a mark
        // beside a digit (002 `“631”工作机制`).
        XCTAssertEqual(try MentionFinder(SharedIndex.sample).mentions("资金调出").total, 0)
        XCTAssertEqual(try MentionFinder(SharedIndex.sample).mentions("631工作机制").total, 0)
    }

    func testTotalEqualsSearchAndFiltersApply() throws {
        let all = try MentionFinder(SharedIndex.sample).mentions("三保")
        XCTAssertEqual(all.total, try SharedIndex.sample.search("三保").total)
        let one = try MentionFinder(SharedIndex.sample).mentions("三保 region:江津区")
        XCTAssertTrue(one.byYear.allSatisfy { $0.reports.allSatisfy { $0.region == "江津区" } })
        XCTAssertLessThan(one.total, all.total)
        XCTAssertEqual(try MentionFinder(SharedIndex.sample).mentions("碳达峰").total, 0)
    }

    func testJSONShape() throws {
        let r = try MentionFinder(SharedIndex.sample).mentions("过紧日子")
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
