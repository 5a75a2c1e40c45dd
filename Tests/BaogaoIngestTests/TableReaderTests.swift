import XCTest

@testable import BaogaoIngest

final class TableReaderTests: XCTestCase {
    func testSpacedTableWithCaptionUnitAndHeader() throws {
        let text = """
            （二）2024年一般公共预算安排
            2024年一般公共预算收入表
            单位：万元
            项目    预算数    执行数    完成率
            税收收入    86460    90074    104.2%
            非税收入\t3614\t3600\t99.6%
            注：数据为快报数。
            """
        let r = try Fixtures.parse(text)
        let rows = r.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(
            rows.map(\.text),
            [
                "项目    预算数    执行数    完成率", "税收收入    86460    90074    104.2%",
                "非税收入\t3614\t3600\t99.6%"
            ])
        for row in rows {
            XCTAssertEqual(row.table?.caption, "2024年一般公共预算收入表")
            XCTAssertEqual(row.table?.unit, "单位：万元")
            XCTAssertEqual(row.table?.columns, ["项目", "预算数", "执行数", "完成率"])
            XCTAssertEqual(row.section, ["（二）2024年一般公共预算安排"])
            XCTAssertEqual(row.year, 2024)
            XCTAssertEqual(row.firstLine, row.lastLine)
        }
        XCTAssertEqual(rows[1].table?.cells, ["税收收入", "86460", "90074", "104.2%"])
        XCTAssertEqual(rows[2].table?.cells, ["非税收入", "3614", "3600", "99.6%"])
        // Caption and unit are paragraphs of their own that carry the table; the note is prose.
        XCTAssertEqual(r.paragraphs.first { $0.text == "单位：万元" }?.table?.caption, "2024年一般公共预算收入表")
        XCTAssertNil(r.paragraphs.first { $0.text == "注：数据为快报数。" }?.table)
    }

    func testPipeTableDropsItsSeparatorAndKeepsCellsApart() throws {
        let text = """
            表1 2024年支出预算表
            | 项目 | 金额 |
            |---|---:|
            | 教育支出 | 22960 |
            | 国防支出 | 211 |
            """
        let r = try Fixtures.parse(text)
        let rows = r.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows.map(\.firstLine), [2, 4, 5])
        XCTAssertEqual(rows[1].text, "| 教育支出 | 22960 |")
        XCTAssertEqual(rows[1].table?.cells, ["教育支出", "22960"])
        XCTAssertEqual(rows[1].table?.columns, ["项目", "金额"])
        XCTAssertEqual(rows[1].table?.caption, "表1 2024年支出预算表")
        XCTAssertFalse(r.paragraphs.contains { $0.text.contains("---") })
    }

    func testCaptionAndUnitOnOneLine() throws {
        let text = """
            2024年政府性基金预算表        单位：亿元
            收入    53.9
            支出    37.9
            """
        let rows = try Fixtures.parse(text).paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].table?.caption, "2024年政府性基金预算表")
        XCTAssertEqual(rows[0].table?.unit, "单位：亿元")
        XCTAssertEqual(rows[0].table?.columns, [])
    }

    func testAWideGapInProseIsNoTable() throws {
        let r = try Fixtures.parse("解放区财政局局长  邓志峰\n各位代表：\n正文。")
        XCTAssertFalse(r.paragraphs.contains { $0.kind == .tableRow })
        // Justified text with runs of spaces, two lines in a row, with numbers.
        let justified = "全区一般公共预算收入  90074万元，同比  增长 5%\n税收收入  86460万元，占比  95.99%。\n"
        XCTAssertFalse(try Fixtures.parse(justified).paragraphs.contains { $0.kind == .tableRow })
    }

    func testTableRowsInHardWrappedTextAreNeverJoined() throws {
        var lines: [String] = []
        for _ in 0..<6 {
            lines.append("这是一个很长的段落的第一行，用来撑起版面宽度统计分布的")
            lines.append("内容，第二行同样很长，以便识别出这是一份硬换行的文本内容")
            lines.append("最后一行。")
        }
        lines.append("单位：万元")
        lines.append("收入    100")
        lines.append("支出    90")
        lines.append("结余在这里说明，并且这一行也足够长以免被当成短行处理的")
        lines.append("文字。")
        let r = try Fixtures.parse(lines.joined(separator: "\n\n"))
        let rows = r.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.map(\.text), ["收入    100", "支出    90"])
        XCTAssertTrue(r.paragraphs.contains { $0.text == "结余在这里说明，并且这一行也足够长以免被当成短行处理的文字。" })
    }
}
