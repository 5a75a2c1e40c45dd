import BaogaoIndex
import Foundation
import XCTest

@testable import BaogaoQuery

/// `region:` through the gazetteer's chain, `kind:` and `level:`, on corpus-real with its
/// catalogue and one report of 黄平县 (贵州省 › 黔东南苗族侗族自治州 › 黄平县): the report
/// list and a search's filter mask must select the same reports.
final class ReportFilterTests: XCTestCase {
    static let searcher: Searcher = {
        let dir = NSTemporaryDirectory() + "baogao-filters-" + UUID().uuidString
        let real = repositoryRoot.appendingPathComponent("Tests/Fixtures/corpus-real").path
        do {
            try FileManager.default.copyItem(atPath: real, toPath: dir)
            try FileManager.default.removeItem(atPath: dir + "/README.md")
            try "关于黄平县2022年财政决算的报告\n\n2022年,全县一般公共预算收入完成3.2亿元,增长5%。\n"
                .write(toFile: dir + "/huangping.txt", atomically: true, encoding: .utf8)
        } catch {
            fatalError("cannot make the filter corpus: \(error)")
        }
        return SharedIndex.build(corpus: dir, name: "filters")
    }()

    func testReportFilters() throws {
        let cases: [(filters: String, docs: [String])] = [
            ("region:贵州", ["035.txt", "huangping.txt"]),
            ("region:贵州省", ["035.txt", "huangping.txt"]),
            ("region:黔东南", ["huangping.txt"]),
            ("region:黔东南州", ["huangping.txt"]),
            ("region:黄平", ["huangping.txt"]),
            ("region:重庆", ["007.txt", "008.txt", "009.txt", "010.txt", "011.txt", "012.txt", "013.txt", "014.txt", "015.txt"]),
            // Text of the region, as before: a part of a name that is no division of its own.
            ("region:江海", ["039.txt"]),
            ("region:板芙", ["042.txt"]),
            ("region:火星", []),
            ("kind:决算 level:乡镇", ["057.txt"]),
            ("kind:final-accounts level:乡镇级", ["057.txt"]),
            ("level:省", ["001.txt", "002.txt", "030.txt", "044.txt"]),
            ("kind:预算调整 region:重庆", ["011.txt", "014.txt"]),
            ("kind:年中", ["025.txt", "030.txt"]),
            ("kind:年中 kind:其他 region:天津", ["002.txt"]),
            ("year:2011", ["016.txt"]),
            ("region:贵州 kind:决算", ["huangping.txt"])
        ]
        let searcher = Self.searcher
        for c in cases {
            let listed = try searcher.reports(c.filters).reports.map(\.doc)
            XCTAssertEqual(listed, c.docs, "reports \(c.filters)")
            // The same filters on a search (year: aside: it is a paragraph's year there).
            guard !c.filters.contains("year:") else { continue }
            let matched = Set(
                try searcher.allMatches(searcher.parse(c.filters)).map {
                    try searcher.index.report(segment: $0.segment, doc: $0.doc).doc
                })
            XCTAssertEqual(matched, Set(c.docs), "search \(c.filters)")
        }
        XCTAssertEqual(try searcher.reports("").reports.count, 68)
    }

    func testListingCarriesMetadataSourcesAndCounts() throws {
        let r = try XCTUnwrap(Self.searcher.reports("doc:035").reports.first)
        XCTAssertEqual(r.metadata.regionChain, ["贵州省", "遵义市", "播州区"])
        XCTAssertEqual(r.metadata.sources.region, .catalogue)
        XCTAssertEqual(r.metadata.source, "https://gcs66.com/document_detail/113277.html")
        XCTAssertGreaterThan(r.paragraphs, 0)
        XCTAssertGreaterThan(r.facts, 0)
        let json = String(decoding: try JSONEncoder().encode(try Self.searcher.reports("doc:huangping")), as: UTF8.self)
        for key in [
            "\"region_chain\":[\"贵州省\",\"黔东南苗族侗族自治州\",\"黄平县\"]", "\"source\":null", "\"budget\":null",
            "\"sources\":{", "\"kind\":\"final-accounts\"", "\"total\":1"
        ] {
            XCTAssertTrue(json.contains(key), "\(key) in \(json)")
        }
    }

    func testReportsRefusesParagraphQueries() {
        for q in ["财政", "section:预算", ">1亿"] {
            XCTAssertThrowsError(try Self.searcher.reports(q), q)
        }
    }

    func testRegionHintKnowsDivisionsAboveTheIndexRegions() throws {
        XCTAssertNil(try Self.searcher.regionHint(for: "region:贵州 收入"))
        XCTAssertNotNil(try Self.searcher.regionHint(for: "region:西藏 收入"))
    }
}
