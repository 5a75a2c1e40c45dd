@testable import BaogaoIngest
import XCTest

final class MetadataReaderTests: XCTestCase {
    func testMetadataOfTheSamples() throws {
        let cases: [(String, String, String, Int, Int, String?)] = [
            (Fixtures.jiefang, "关于解放区2023年财政预算执行情况和2024年财政预算（草案）的报告", "解放区", 2023, 2024, "2024-02-21"),
            (Fixtures.jiangjin, "关于重庆市江津区2023年预算执行情况和2024年预算草案的报告", "江津区", 2023, 2024, nil),
            (Fixtures.jiaozuo, "关于焦作市2025年预算执行情况和2026年预算草案的报告", "焦作市", 2025, 2026, "2026-02-07"),
        ]
        for (name, title, region, execution, budget, date) in cases {
            let m = try Fixtures.report(name).metadata
            XCTAssertEqual(m.title, title, name)
            XCTAssertEqual(m.region, region, name)
            XCTAssertEqual(m.executionYear, execution, name)
            XCTAssertEqual(m.budgetYear, budget, name)
            XCTAssertEqual(m.date, date, name)
        }
    }

    func testTitleBlockParagraphs() throws {
        let jf = try Fixtures.report(Fixtures.jiefang)
        XCTAssertEqual(jf.paragraphs[0].text, "关于解放区 2023年财政预算执行情况和 2024年财政预算（草案）的报告")
        XCTAssertEqual([jf.paragraphs[0].firstLine, jf.paragraphs[0].lastLine], [1, 2])
        XCTAssertEqual(jf.paragraphs.prefix(3).map(\.kind), [.title, .title, .title])
        XCTAssertEqual(jf.paragraphs[3].text, "各位代表:")
        let jz = try Fixtures.report(Fixtures.jiaozuo)
        XCTAssertEqual(jz.paragraphs.prefix(4).map(\.text), [
            "焦作市十四届人大四次会议文件十八",
            "关于焦作市 2025 年预算执行情况和 2026 年预算草案的报告",
            "——2026 年 2 月 7 日在焦作市第十四届人民代表大会第四次会议上",
            "焦作市财政局局长 陈 宁",
        ])
    }

    func testRegionAndYearsFromTitles() {
        let cases: [(String, String?, Int?, Int?)] = [
            ("关于河南省焦作市2023年预算执行情况和2024年预算草案的报告", "焦作市", 2023, 2024),
            ("关于宜平县2018年财政预算执行情况和2019年财政预算（草案）的报告", "宜平县", 2018, 2019),
            ("关于2024年预算草案的报告", nil, 2023, 2024),
        ]
        for (title, region, execution, budget) in cases {
            let b = Array(title.utf8)
            XCTAssertEqual(MetadataReader.region(in: b), region, title)
            let (e, bu) = MetadataReader.years(in: b)
            XCTAssertEqual(e, execution, title)
            XCTAssertEqual(bu, budget, title)
        }
        XCTAssertEqual(MetadataReader.date(in: Array("——2024年 2月 21日在区十五届人大四次会议上".utf8)), "2024-02-21")
        XCTAssertNil(MetadataReader.date(in: Array("——在江津区第十八届人民代表大会第四次会议上".utf8)))
    }
}
