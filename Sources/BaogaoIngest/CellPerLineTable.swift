/// Tables a web page's export prints one cell per line, row after row:
///
///     单位:亿元
///     收入          ← header: text lines before the first row
///     执行数
///     支出
///     执行数
///     总计          ← a row: a text cell, then the number cells under it
///     147.7
///     一、本级收入
///     36.8
///
/// Read as prose, every cell is a paragraph of its own, the numbers have no label,
/// and a cell such as `一、本级收入` even reads as a section heading. So after a
/// unit line (`单位：亿元`), a run of short lines holding numbers is read as a table:
/// each text cell starts a row and the number cells after it (a value, or `—` for
/// none) continue it, so that the row `一、本级收入 36.8` is one paragraph and its
/// number one fact, labelled and in the table's unit. A table printed side by side
/// (收入 | 执行数 | 支出 | 执行数) becomes rows of one pair each; the header's first
/// cells name their columns when the header is a whole number of such rows.
///
/// The run ends before a line longer than a cell (`maxCell` characters) or holding
/// clause punctuation, before another unit line, and at its last number line: text
/// after it (the next heading, the next table's caption) is not the table's.
enum CellPerLineTable {
    static let maxCell = 30

    /// Roles for the cell-per-line tables among `lines`, for lines `taken` has no role for.
    static func roles(of lines: [CleanLine], taken: [Int: TableReader.Role]) -> [Int: TableReader.Role] {
        var roles: [Int: TableReader.Role] = [:]
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard taken[i] == nil, TableReader.isUnitLine(lines[i]) else { continue }
            let cells = run(lines, after: i, taken: taken)
            guard let table = read(cells.map { TableReader.text(lines[$0]) }), let first = cells.first else { continue }
            var caption: String?
            if i > 0, taken[i - 1] == nil, roles[i - 1] == nil, isCell(lines[i - 1]) {
                caption = TableReader.text(lines[i - 1])
                roles[i - 1] = .label(TableContext(caption: caption, unit: TableReader.text(lines[i]), columns: table.columns))
            }
            let context = TableContext(caption: caption, unit: TableReader.text(lines[i]), columns: table.columns)
            roles[i] = .label(context)
            for line in first..<(first + table.headerCount) { roles[line] = .label(context) }
            for row in table.rows {
                var c = context
                c.cells = row.map { TableReader.text(lines[first + $0]) }
                roles[first + row[0]] = .row(c)
                for k in row.dropFirst() { roles[first + k] = .cellOfRowAbove }
            }
            i = first + table.lineCount - 1
        }
        return roles
    }

    /// The lines after the unit line at `unit` that can be cells, up to the last number.
    private static func run(_ lines: [CleanLine], after unit: Int, taken: [Int: TableReader.Role]) -> [Int] {
        var cells: [Int] = []
        var k = unit + 1
        while k < lines.count, taken[k] == nil, isCell(lines[k]), !TableReader.isUnitLine(lines[k]) {
            cells.append(k)
            k += 1
        }
        while let last = cells.last, !isValue(TableReader.text(lines[last])) { cells.removeLast() }
        return cells
    }

    struct Table: Equatable {
        var headerCount: Int
        var columns: [String]
        /// Each row's cells, as offsets from the first line after the unit line.
        var rows: [[Int]]
        var lineCount: Int
    }

    /// Reads cell texts into header and rows; nil when they are no table (fewer than
    /// two rows with a number).
    static func read(_ cells: [String]) -> Table? {
        var header = 0
        while header + 1 < cells.count, !isValue(cells[header]), !isValue(cells[header + 1]) { header += 1 }
        var rows: [[Int]] = []
        for k in header..<cells.count {
            if isValue(cells[k]), !rows.isEmpty {
                rows[rows.count - 1].append(k)
            } else if !isValue(cells[k]) {
                rows.append([k])
            }
        }
        guard rows.filter({ $0.count >= 2 }).count >= 2 else { return nil }
        let width = rows.map(\.count).max() ?? 0
        let names = Array(cells[0..<header])
        let columns = width > 0 && header >= width && header % width == 0 ? Array(names.prefix(width)) : []
        return Table(headerCount: header, columns: columns, rows: rows, lineCount: cells.count)
    }

    /// A line short enough to be a cell, with no clause punctuation.
    private static func isCell(_ line: CleanLine) -> Bool {
        guard line.length <= maxCell, !LineShape.endsClause(line.text) else { return false }
        return !TableReader.text(line).contains { "，。；,;".contains($0) }
    }

    /// A number cell, or a dash standing for none.
    static func isValue(_ cell: String) -> Bool {
        TableReader.isNumericCell(cell) || ["—", "-", "--", "——", "/", "－"].contains(cell)
    }
}
