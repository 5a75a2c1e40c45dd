import Foundation
import XCTest

@testable import BaogaoQuery

/// The central government's report: region 全国, and 全国 / 中央 / 地方 the scopes of
/// its figures, as 全区 / 区级 are a district's; elsewhere 中央 stays part of an item.
final class NationalReportTests: XCTestCase {
    static let searcher: Searcher = {
        let folder = NSTemporaryDirectory() + "baogao-national-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        let national =
            "关于2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告\n一、2023年中央和地方预算执行情况\n"
            + "全国一般公共预算收入216784亿元，比上年增长6.4%。其中，税收收入181129亿元，增长8.7%；非税收入35655亿元，下降4.6%。\n"
            + "中央一般公共预算收入99566亿元，为预算的100.2%，增长4.9%。中央一般公共预算支出138475亿元，完成预算的99.6%。\n"
            + "地方一般公共预算本级收入117218亿元，增长7.8%。\n"
        let county =
            "关于宜平县2023年预算执行情况和2024年预算草案的报告\n一、2023年预算执行情况\n"
            + "全县一般公共预算收入20亿元，中央补助收入50亿元。\n"
        FileManager.default.createFile(atPath: folder + "/corpus/national.txt", contents: Data(national.utf8))
        FileManager.default.createFile(atPath: folder + "/corpus/county.txt", contents: Data(county.utf8))
        return SharedIndex.build(corpus: folder + "/corpus", name: "national")
    }()

    func testTheCountrysFiguresByScope() throws {
        let cases: [(String, String)] = [
            ("2023年全国一般公共预算收入是多少？", "216784亿元"),
            ("2023年全国税收收入是多少？", "181129亿元"),
            ("2023年中央一般公共预算收入是多少？", "99566亿元"),
            ("2023年中央一般公共预算支出完成预算的百分之多少？", "99.6%"),
            ("2023年地方一般公共预算本级收入是多少？", "117218亿元")
        ]
        for (question, expected) in cases {
            let r = try Answerer(Self.searcher).ask(question)
            XCTAssertEqual(r.answer?.text, expected, question + " " + (r.message ?? ""))
            XCTAssertEqual(r.answer?.region, "全国", question)
        }
    }

    /// 中央补助收入 in a county's report is the county's item, not a national scope.
    func testCentralInACountysItemStaysInTheItem() throws {
        XCTAssertEqual(try Answerer(Self.searcher).ask("宜平县2023年中央补助收入是多少？").answer?.text, "50亿元")
    }
}
