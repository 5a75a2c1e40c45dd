import XCTest

@testable import BaogaoIngest

/// Tables printed one cell per line (a web page's table, exported): read as rows.
final class CellPerLineTableTests: XCTestCase {
    /// 开州's table as published (010): side by side, 收入 | 执行数 | 支出 | 执行数,
    /// every cell on its own line with a blank line between.
    static let sideBySide = """
        (一)全区预算执行情况
        2025年全区一般公共预算收支执行表

        单位:亿元

        收入

        执行数

        支出

        执行数

        总计

        147.7

        一、本级收入

        36.8

        一、本级支出

        106.6

        税收收入

        14.9

        (二)政府性基金预算执行情况

        全区政府性基金预算收入完成50.2亿元，下降3.1%。
        """

    func testEachTextCellStartsARowAndItsNumbersJoinIt() throws {
        let r = try Fixtures.parse(Self.sideBySide)
        let rows = r.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.map(\.text), ["总计\t147.7", "一、本级收入\t36.8", "一、本级支出\t106.6", "税收收入\t14.9"])
        XCTAssertEqual(rows[1].table?.cells, ["一、本级收入", "36.8"])
        XCTAssertEqual(rows[1].table?.unit, "单位:亿元")
        XCTAssertEqual(rows[1].table?.caption, "2025年全区一般公共预算收支执行表")
        // The header is two rows' worth of cells: the first two name the columns.
        XCTAssertEqual(rows[1].table?.columns, ["收入", "执行数"])
        // A row cites both its lines.
        XCTAssertEqual(rows[1].lastLine - rows[1].firstLine, 2)
        // 一、本级收入 is a cell, not a section heading; the heading after the table is one.
        XCTAssertFalse(r.paragraphs.contains { $0.section.contains("一、本级收入") })
        let after = try XCTUnwrap(r.paragraphs.last)
        XCTAssertEqual(after.section.last, "(二)政府性基金预算执行情况")
        XCTAssertNil(after.table)
    }

    func testReadingCells() {
        let t = CellPerLineTable.read(["项目", "预算数", "执行数", "税收收入", "100", "98", "非税收入", "20", "—"])
        XCTAssertEqual(t?.headerCount, 3)
        XCTAssertEqual(t?.columns, ["项目", "预算数", "执行数"])
        XCTAssertEqual(t?.rows, [[3, 4, 5], [6, 7, 8]])
        // One row with a number is no table.
        XCTAssertNil(CellPerLineTable.read(["收入", "执行数", "总计", "147.7"]))
        // A row label with no value is a row of its own.
        XCTAssertEqual(CellPerLineTable.read(["甲", "1", "乙", "丙", "2"])?.rows, [[0, 1], [2], [3, 4]])
    }

    /// Without a unit line, short lines and numbers stay prose: nothing says what
    /// the numbers measure.
    func testNoUnitLineNoTable() throws {
        let r = try Fixtures.parse("收入\n\n147.7\n\n支出\n\n106.6\n\n税收收入\n\n14.9")
        XCTAssertFalse(r.paragraphs.contains { $0.kind == .tableRow })
    }

    /// Prose after the unit line ends the run: a long line, or a clause.
    func testProseEndsTheRun() throws {
        let r = try Fixtures.parse("关于2024年预算执行情况的报告\n\n单位：万元\n\n甲\n\n1.5\n\n乙\n\n2.5\n\n全年收入完成情况如下，总体平稳。\n\n丙\n\n3.5")
        let rows = r.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.map(\.text), ["甲\t1.5", "乙\t2.5"])
    }
}
