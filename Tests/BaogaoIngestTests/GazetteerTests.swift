import XCTest

@testable import BaogaoIngest

final class GazetteerTests: XCTestCase {
    let g = Gazetteer.shared

    func testSizeAndLevels() {
        let current = g.divisions.filter { $0.formerUntil == nil }
        XCTAssertEqual(current.filter { $0.level == .province }.count, 34)
        // Every row of the generated table (its header: 3214 current, 376 former).
        XCTAssertEqual(current.count, 3_214)
        XCTAssertEqual(g.divisions.count - current.count, 376)
        XCTAssertEqual(g.division(code: "522622")?.name, "黄平县")
        XCTAssertEqual(g.division(code: "522600")?.level, .prefecture)
        XCTAssertEqual(g.division(code: "500000")?.level, .province)
    }

    func testShortFormsByRule() {
        let cases: [(String, String)] = [
            ("重庆", "重庆市"), ("新疆", "新疆维吾尔自治区"), ("黔东南州", "黔东南苗族侗族自治州"),
            ("黔东南", "黔东南苗族侗族自治州"), ("莫力达瓦旗", "莫力达瓦达斡尔族自治旗"), ("彭水", "彭水苗族土家族自治县"),
            ("浦东", "浦东新区"), ("神农架", "神农架林区"), ("管城", "管城回族区"), ("万柏林", "万柏林区")
        ]
        for (short, official) in cases {
            XCTAssertEqual(g.divisions(named: short).map(\.name), [official], short)
        }
        XCTAssertTrue(g.divisions(named: "滑").isEmpty, "a one-character stem is no short form")
    }

    func testChainAndLongestMatch() throws {
        let text = Array("关于黔东南州黄平县2022年")
        let ms = g.matches(in: text)
        XCTAssertEqual(ms.map(\.text), ["黔东南州", "黄平县"])
        let d = try XCTUnwrap(g.resolve(ms[1].candidates, context: ms[0].candidates))
        XCTAssertEqual(g.chain(of: d).map(\.name), ["贵州省", "黔东南苗族侗族自治州", "黄平县"])
    }

    func testAmbiguityResolvedOnlyByAParentNearby() throws {
        let chaoyang = g.divisions(named: "朝阳区")
        XCTAssertEqual(chaoyang.count, 2)
        XCTAssertNil(g.resolve(chaoyang, context: []), "two 朝阳区 and no parent named: ambiguous")
        let beijing = try XCTUnwrap(g.divisions(named: "北京").first)
        XCTAssertEqual(g.resolve(chaoyang, context: [beijing])?.code, "110105")
    }

    func testFormerNames() throws {
        let xiacheng = try XCTUnwrap(g.divisions(named: "下城区").first)
        XCTAssertNotNil(xiacheng.formerUntil)
        XCTAssertEqual(g.chain(of: xiacheng).map(\.name), ["浙江省", "杭州市", "下城区"])
        let zhuzhou = try XCTUnwrap(g.divisions(named: "株洲县").first)
        XCTAssertEqual(zhuzhou.successorCode, g.divisions(named: "渌口区").first?.code)
        // 祁阳 is 祁阳市 now, 祁阳县 before 2021: the short form means the current one.
        XCTAssertEqual(g.resolve(g.divisions(named: "祁阳"), context: [])?.name, "祁阳市")
    }

    func testTownshipAfterACountyShortForm() {
        // 长安镇 is a township of 东莞市, not 西安's 长安区.
        XCTAssertNil(g.match(in: Array("长安镇"), at: 0))
    }

    /// Every line of the generated data becomes one division: nothing is dropped by
    /// the parser. (How fast it loads is a benchmark's question, not a test's.)
    func testEveryDataLineIsADivision() {
        let lines = Gazetteer.data.split(separator: "\n").filter {
            $0.split(separator: "\t", omittingEmptySubsequences: false).count >= 4
        }
        XCTAssertEqual(Gazetteer(tsv: Gazetteer.data).divisions.count, lines.count)
    }
}
