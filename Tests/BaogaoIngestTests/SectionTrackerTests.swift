import XCTest

@testable import BaogaoIngest

final class SectionTrackerTests: XCTestCase {
    func testSectionPathsAndYearsOf000() throws {
        let r = try Fixtures.report(Fixtures.jiefang)
        let p = Fixtures.paragraph(r, containing: "区十五届人大三次会议批准的全区一般公共预算收入预算")
        XCTAssertEqual(p?.section, ["一、2023 年财政预算执行情况", "（一）2023年预算收支情况", "1.一般公共预算收支执行情况"])
        XCTAssertEqual(p?.year, 2023)
        XCTAssertEqual(p?.kind, .body)
        let item = Fixtures.paragraph(r, containing: "1.一般公共服务支出")
        XCTAssertEqual(item?.section, ["二、2024 年财政预算草案情况", "（二）2024年一般公共预算安排"])
        XCTAssertEqual(item?.year, 2024)
        let heading = Fixtures.paragraph(r, containing: "（一）强化财力保障")
        XCTAssertEqual(heading?.kind, .heading)
        XCTAssertEqual(heading?.section, ["三、2024年财政八项重点工作", "（一）强化财力保障，兜牢“三保”底线。"])
        XCTAssertEqual(Fixtures.paragraph(r, containing: "1.坚持深挖潜力")?.kind, .listItem)
        XCTAssertEqual(Fixtures.paragraph(r, containing: "1.坚持深挖潜力")?.section.last, "（三）2023年财政五项重点工作")
        let glossary = Fixtures.paragraph(r, containing: "指各级财政通过超收安排")
        XCTAssertEqual(glossary?.section, ["重要名词解释", "【预算稳定调节基金】"])
        XCTAssertEqual(glossary?.term, "预算稳定调节基金")
        XCTAssertNil(glossary?.year)
        // The title block and the preamble speak of both years.
        XCTAssertEqual(r.paragraphs[0].kind, .title)
        XCTAssertNil(Fixtures.paragraph(r, containing: "受区人民政府委托")?.year)
        XCTAssertEqual(Fixtures.paragraph(r, containing: "受区人民政府委托")?.section, [])
    }

    func testPartsWithoutAYearContinueTheirPart() throws {
        let jj = try Fixtures.report(Fixtures.jiangjin)
        XCTAssertEqual(Fixtures.paragraph(jj, containing: "二、贯彻落实人大决议和财政工作情况")?.year, 2023)
        XCTAssertEqual(Fixtures.paragraph(jj, containing: "一是严格落实人大决议决定")?.year, 2023)
        XCTAssertEqual(Fixtures.paragraph(jj, containing: "四、2024年财政重点工作举措")?.year, 2024)
        let sub = Fixtures.paragraph(jj, containing: "（1）区级重点支出执行情况为")
        XCTAssertEqual(sub?.kind, .listItem)
        XCTAssertEqual(sub?.section.last, "1.区级一般公共预算。")
        XCTAssertEqual(Fixtures.paragraph(jj, containing: "——城乡社区支出25.65亿元")?.kind, .listItem)
        let jz = try Fixtures.report(Fixtures.jiaozuo)
        XCTAssertEqual(Fixtures.paragraph(jz, containing: "三、加强和改进预算管理的主要措施")?.year, 2026)
        let city = Fixtures.paragraph(jz, containing: "(2) 市级一般公共预算情况")
        XCTAssertEqual(city?.kind, .listItem)
        XCTAssertEqual(city?.section, ["二、2026 年预算草案情况", "（二）2026 年收支预算情况", "1. 一般公共预算"])
        XCTAssertEqual(city?.year, 2026)
    }

    func testHeadingsNestAndCloseByLevel() throws {
        let text = """
            一、2023年预算执行情况
            （一）收入
            1.税收
            （1）增值税
            增值税收入 100万元。
            2.非税
            非税收入 50万元。
            （二）支出
            支出 90万元。
            二、2024年预算草案
            正文。
            名词解释
            【零基预算】
            年度预算编制不受以往年度预算安排情况影响。
            三、附表说明
            附表略。
            """
        let r = try Fixtures.parse(text)
        let bySuffix = { (s: String) in r.paragraphs.first { $0.text == s } }
        XCTAssertEqual(bySuffix("增值税收入 100万元。")?.section, ["一、2023年预算执行情况", "（一）收入", "1.税收", "（1）增值税"])
        XCTAssertEqual(bySuffix("非税收入 50万元。")?.section, ["一、2023年预算执行情况", "（一）收入", "2.非税"])
        XCTAssertEqual(bySuffix("支出 90万元。")?.section, ["一、2023年预算执行情况", "（二）支出"])
        XCTAssertEqual(bySuffix("支出 90万元。")?.year, 2023)
        XCTAssertEqual(bySuffix("正文。")?.year, 2024)
        XCTAssertEqual(bySuffix("年度预算编制不受以往年度预算安排情况影响。")?.section, ["名词解释", "【零基预算】"])
        XCTAssertEqual(bySuffix("年度预算编制不受以往年度预算安排情况影响。")?.kind, .glossary)
        // A part heading after the glossary closes it.
        XCTAssertEqual(bySuffix("附表略。")?.section, ["三、附表说明"])
        XCTAssertEqual(bySuffix("附表略。")?.kind, .body)
        XCTAssertEqual(bySuffix("附表略。")?.year, 2024)
    }
}
