import BaogaoAnalysis
import BaogaoIndex
import BaogaoQuery
import XCTest

/// A range without terms lists every fact in range, largest first, with the
/// exact total: checked against a plain walk over every stored fact.
final class FactFinderTests: XCTestCase {
    /// Every live fact of the index whose kind and value satisfy `keep`, largest first.
    private func naive(_ searcher: Searcher, _ keep: (NumberFact.Kind, Double) -> Bool) throws -> [Double] {
        var values: [Double] = []
        for segment in searcher.index.segments {
            let facts = try segment.facts
            for i in 0..<facts.count where !segment.isDeleted(facts.doc(i)) && keep(facts.kind(i), facts.value(i)) {
                values.append(facts.value(i))
            }
        }
        return values.sorted(by: >)
    }

    func testABareRangeListsEveryFactInRangeLargestFirst() throws {
        let searcher = SharedIndex.sample
        let expected = try naive(searcher) { $0 == .amount && $1 > 1e8 }
        XCTAssertGreaterThan(expected.count, 20, "the sample reports hold many amounts over 1亿元")

        let all = try FactFinder(searcher).facts(">1亿元", limit: expected.count + 10)
        XCTAssertEqual(all.total, expected.count)
        XCTAssertEqual(all.facts.map(\.fact.value), expected)
        XCTAssertTrue(all.facts.allSatisfy { $0.tier == 2 && $0.fact.unit == "元" })

        let top = try FactFinder(searcher).facts(">1亿元", limit: 5)
        XCTAssertEqual(top.total, expected.count, "a short page still counts them all")
        XCTAssertEqual(top.facts.map(\.fact.value), Array(expected.prefix(5)))
    }

    func testPagesOfABareRangeFollowOneAnother() throws {
        let searcher = SharedIndex.sample
        let whole = try FactFinder(searcher).facts("1亿..10亿", limit: 60).facts.map { "\($0.paragraph.id)@\($0.fact.start)" }
        var paged: [String] = []
        for offset in stride(from: 0, to: 60, by: 7) {
            let page = try FactFinder(searcher).facts("1亿..10亿", limit: min(7, 60 - offset), offset: offset)
            paged += page.facts.map { "\($0.paragraph.id)@\($0.fact.start)" }
        }
        XCTAssertEqual(paged, whole)
        XCTAssertEqual(Set(whole).count, whole.count, "no fact is listed twice")
    }

    func testAFilterNarrowsABareRangeToItsParagraphs() throws {
        let searcher = SharedIndex.sample
        let all = try FactFinder(searcher).facts(">1亿元", limit: 10_000)
        let jiangjin = try FactFinder(searcher).facts("region:江津 >1亿元", limit: 10_000)
        XCTAssertGreaterThan(jiangjin.total, 0)
        XCTAssertLessThan(jiangjin.total, all.total)
        XCTAssertTrue(jiangjin.facts.allSatisfy { $0.paragraph.report.region?.contains("江津") == true })
        XCTAssertEqual(jiangjin.facts.map(\.fact.value), jiangjin.facts.map(\.fact.value).sorted(by: >))
    }

    /// Text glued to a range that only begins a relation word matches no label;
    /// the result says how to write the relation (issue 17: a relation word gets a hint).
    func testTheStartOfARelationGluedToARangeGetsAHint() throws {
        let r = try FactFinder(SharedIndex.sample).facts("同比>5%")
        XCTAssertEqual(r.total, 0)
        XCTAssertEqual(r.hint, "同比 begins a relation, and as a label matches nothing: write 同比增长>5% or 同比下降>5%")
        XCTAssertNil(try FactFinder(SharedIndex.sample).facts("支出>1亿").hint, "a label that matches gets no hint")
        XCTAssertNil(try FactFinder(SharedIndex.sample).facts("财政>1000亿").hint, "no relation begins with 财政")
    }
}
