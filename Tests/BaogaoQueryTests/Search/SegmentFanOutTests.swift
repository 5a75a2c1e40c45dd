import BaogaoIndex
import BaogaoQuery
import XCTest

/// Searching the segments side by side (as on a large index) answers exactly
/// what searching them one after the other (as on a small one) does.
final class SegmentFanOutTests: XCTestCase {
    static let queries = [
        "三保", "预算", "的", "\"政府债务余额\"", "债务 风险", "化债 OR 偿债", "预算 -草案",
        "三保 year:2023", "教育 >1亿", ">1亿元", "增长>5%", "收入 NEAR/5 增长", "区级"
    ]

    func testBothWaysGiveTheSameHitsFactsMentionsDefinitionsAndTotals() throws {
        for shared in [SharedIndex.sample, SharedIndex.generated] {
            XCTAssertGreaterThan(shared.index.segments.count, 1, "the test needs several segments")
            let sideBySide = Searcher(index: shared.index, fanOutMinimumDocs: 0)
            let inTurn = Searcher(index: shared.index, fanOutMinimumDocs: .max)
            for q in Self.queries {
                let a = try sideBySide.search(q, limit: 15)
                let b = try inTurn.search(q, limit: 15)
                XCTAssertEqual(a.total, b.total, q)
                XCTAssertEqual(a.hits.map(\.paragraph.id), b.hits.map(\.paragraph.id), q)
                XCTAssertEqual(a.hits.map(\.score), b.hits.map(\.score), q)
                XCTAssertEqual(a.facts?.total, b.facts?.total, q)
                XCTAssertEqual(a.facts?.facts.map(\.fact.start), b.facts?.facts.map(\.fact.start), q)
            }
            for term in ["三保", "专项债", "预算稳定调节基金"] {
                let a = try Glossary(sideBySide).define(term)
                let b = try Glossary(inTurn).define(term)
                XCTAssertEqual(
                    a.definitions.map { "\($0.citation.doc)#\($0.citation.paragraph)" },
                    b.definitions.map { "\($0.citation.doc)#\($0.citation.paragraph)" }, term)
                XCTAssertEqual(a.definitions.map(\.text), b.definitions.map(\.text), term)
                if term == "三保" { XCTAssertFalse(a.definitions.isEmpty, "both corpora define 三保") }
            }
            for term in ["三保", "过紧日子", "债务 region:江津"] {
                let a = try MentionFinder(sideBySide).mentions(term)
                let b = try MentionFinder(inTurn).mentions(term)
                XCTAssertEqual(a.total, b.total, term)
                XCTAssertEqual(a.byYear.map(\.year), b.byYear.map(\.year), term)
                XCTAssertEqual(a.byYear.map { $0.reports.map(\.doc) }, b.byYear.map { $0.reports.map(\.doc) }, term)
                XCTAssertEqual(
                    a.byYear.flatMap { $0.reports.flatMap { $0.paragraphs.map(\.paragraph) } },
                    b.byYear.flatMap { $0.reports.flatMap { $0.paragraphs.map(\.paragraph) } }, term)
            }
        }
    }
}
