import XCTest

@testable import BaogaoIngest

final class MetadataReaderTests: XCTestCase {
    func testMetadataOfTheSamples() throws {
        let cases: [(String, String, String, Int, Int, String?)] = [
            (Fixtures.jiefang, "关于解放区2023年财政预算执行情况和2024年财政预算（草案）的报告", "解放区", 2023, 2024, "2024-02-21"),
            (Fixtures.jiangjin, "关于重庆市江津区2023年预算执行情况和2024年预算草案的报告", "江津区", 2023, 2024, nil),
            (Fixtures.jiaozuo, "关于焦作市2025年预算执行情况和2026年预算草案的报告", "焦作市", 2025, 2026, "2026-02-07")
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
        XCTAssertEqual(
            jz.paragraphs.prefix(4).map(\.text),
            [
                "焦作市十四届人大四次会议文件十八",
                "关于焦作市 2025 年预算执行情况和 2026 年预算草案的报告",
                "——2026 年 2 月 7 日在焦作市第十四届人民代表大会第四次会议上",
                "焦作市财政局局长 陈 宁"
            ])
    }

    /// Titles as real reports write them (Tests/Fixtures/corpus-real and the issue):
    /// region (official name), level, kind, execution and budget years.
    func testFromTitles() throws {
        typealias K = ReportMetadata.Kind
        let cases: [(String, String?, ReportMetadata.Level?, K?, Int?, Int?)] = [
            ("关于河南省焦作市2023年预算执行情况和2024年预算草案的报告", "焦作市", .prefecture, .annual, 2023, 2024),
            ("关于宜平县2018年财政预算执行情况和2019年财政预算（草案）的报告", "宜平县", .county, .annual, 2018, 2019),
            ("关于2024年预算草案的报告", nil, nil, .annual, 2023, 2024),
            ("关于2020年市本级决算的报告", nil, .prefecture, .finalAccounts, 2020, nil),
            ("(山东省)关于聊城市东昌府区2021年财政预算执行情况和2022年财政预算草案的报告", "东昌府区", .county, .annual, 2021, 2022),
            ("(河南省)焦作市關于溫縣2021年財政決算和2022年上半年財政預算執(zhí)行情況的報告", "温县", .county, .finalAccounts, 2021, nil),
            ("关于彭水苗族土家族自治县2024年预算执行情况和2025年预算草案的报告", "彭水苗族土家族自治县", .county, .annual, 2024, 2025),
            ("关于延边朝鲜族自治州2020年预算执行情况和2021年预算草案的报告", "延边朝鲜族自治州", .prefecture, .annual, 2020, 2021),
            ("松阳县人民政府关于2020年度财政决算(草案)的报告", "松阳县", .county, .finalAccounts, 2020, nil),
            ("关于2020年区级预算调整方案的报告", nil, .county, .adjustment, nil, 2020),
            ("关于靖边县2021年县本级财政收支预算和新增政府债券预算调整方案(草案)的报告", "靖边县", .county, .adjustment, nil, 2021),
            ("中江县2019年财政决算(草案)及2020年1至9月预算执行情况的报告", "中江县", .county, .finalAccounts, 2019, nil),
            ("城口县2024财政预算执行情况2025财政预算草案的报告", "城口县", .county, .annual, 2024, 2025),
            ("关于长安镇2023年预算执行情况和2024年预算草案的报告", "长安镇", .township, .annual, 2023, 2024),
            ("关于黔东南州黄平县2022年预算执行情况和2023年预算草案的报告", "黄平县", .county, .annual, 2022, 2023),
            ("关于2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告", "全国", .central, .annual, 2023, 2024)
        ]
        for (title, region, level, kind, execution, budget) in cases {
            let m = try Fixtures.parse(title + "\n各位代表：\n").metadata
            XCTAssertEqual(m.region, region, title)
            XCTAssertEqual(m.level, level, title)
            XCTAssertEqual(m.kind, kind, title)
            XCTAssertEqual(m.executionYear, execution, title)
            XCTAssertEqual(m.budgetYear, budget, title)
            if region != nil { XCTAssertEqual(m.sources.region, .title, title) }
            XCTAssertEqual(m.sources.kind, .title, title)
        }
        XCTAssertEqual(MetadataReader.date(in: Array("——2024年 2月 21日在区十五届人大四次会议上".utf8)), "2024-02-21")
        XCTAssertNil(MetadataReader.date(in: Array("——在江津区第十八届人民代表大会第四次会议上".utf8)))
    }

    func testChainOfACountyNamedWithItsPrefecture() throws {
        let m = try Fixtures.parse("关于黔东南州黄平县2022年预算执行情况和2023年预算草案的报告\n各位代表：\n").metadata
        XCTAssertEqual(m.regionChain, ["贵州省", "黔东南苗族侗族自治州", "黄平县"])
        XCTAssertEqual(m.regionCode, "522622")
    }

    /// Where the title names no place, the region comes from the opening lines (the
    /// meeting line, 受…委托, a web page's 发布机构), else the file name, else the body;
    /// each case from a real report's shape, with the source it is credited to.
    func testRegionFromEachSourceAfterTheTitle() throws {
        let title = "关于2022年预算执行情况和2023年预算草案的报告\n"
        let body = "各位代表：\n现将预算执行情况报告如下。\n"
        let cases: [(text: String, doc: String, region: String?, source: ReportMetadata.Source)] = [
            (title + "——2023年1月10日在黄平县第十七届人民代表大会第三次会议上\n" + body, "a.txt", "黄平县", .openingLines),
            (title + "受松阳县人民政府委托，现将2022年预算执行情况报告如下，请予审议。\n", "a.txt", "松阳县", .openingLines),
            ("索引号：11410800/2023-00012\n发布机构：焦作市财政局\n" + title + body, "a.txt", "焦作市", .openingLines),
            (title + body, "黄平县2022年预算报告.txt", "黄平县", .fileName),
            (title + "各位代表：\n2022年，在县委的坚强领导下，黄平县全县一般公共预算收入完成5.2亿元。\n", "a.txt", "黄平县", .body),
            (title + body, "report-17.txt", nil, .unknown)
        ]
        for c in cases {
            let m = try Fixtures.parse(c.text, doc: c.doc).metadata
            XCTAssertEqual(m.region, c.region, "\(c.doc): \(c.text.prefix(40))")
            XCTAssertEqual(m.sources.region, c.source, "\(c.doc): \(c.text.prefix(40))")
        }
    }

    /// A release of figures (no report phrase) says what part of the year they cover
    /// in its opening: 截至上半年末 … 上半年,全市… is 上半年.
    func testAReleaseOfFiguresTakesItsPeriodFromItsOpening() throws {
        let r = try ReportReader.parse(
            bytes: Array(
                "今年以来,全市财政收入持续较快增长,截至上半年末,全市财政收支顺利完成“双过半”。\n一、财政收支概况\n上半年,全市一般公共预算总收入完成865,696万元。\n"
                    .utf8), doc: "release.txt")
        XCTAssertEqual(r.metadata.kind, .other)
        XCTAssertEqual(r.metadata.period, "上半年")
        XCTAssertEqual(r.metadata.sources.period, .openingLines)
    }
}
