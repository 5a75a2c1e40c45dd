/// Finds tables among the cleaned lines, before paragraphs are built, so that no table
/// row is ever joined to prose or to another row.
///
/// Two forms occur in exported reports:
/// - markdown pipe tables (`| 项目 | 预算数 |`), whose `|---|` separator row is an export
///   artefact and is dropped (the row above it is the header);
/// - rows flattened into lines of cells separated by a tab or a run of two or more
///   spaces. A run of such lines is a table only when it has two rows or more and at
///   least one numeric cell, so that a lone line with a wide gap (an author line, say)
///   stays prose; a line with a long cell (over 30 characters) or a cell holding `，`
///   or `。` is prose too (justified text).
/// The line just above a table is its unit line when it reads `单位：万元`, and its
/// caption when it is short and ends without clause punctuation (a caption line may also
/// carry the unit after a wide gap: `2024年收入表      单位：万元`).
enum TableReader {
    enum Role {
        case row(TableContext)
        /// A caption or unit line: a paragraph of its own that carries the table context.
        case label(TableContext)
        /// A pipe-table separator (`|---|---|`): removed by design.
        case separator
        /// A cell of the row started on an earlier line (`CellPerLineTable`): joined
        /// to that row's paragraph after a tab.
        case cellOfRowAbove
    }

    /// The table role of each line, for the lines that belong to a table.
    static func roles(of lines: [CleanLine]) -> [Int: Role] {
        var roles: [Int: Role] = [:]
        var i = 0
        while i < lines.count {
            let pipe = isPipeRow(lines[i])
            guard pipe || spacedCells(lines[i]).count >= 2 else {
                i += 1
                continue
            }
            var j = i
            var rows: [(index: Int, cells: [String], separator: Bool)] = []
            while j < lines.count {
                if pipe {
                    guard isPipeRow(lines[j]) else { break }
                    let cells = pipeCells(lines[j])
                    rows.append((j, cells, cells.allSatisfy(isSeparatorCell)))
                } else {
                    let cells = spacedCells(lines[j])
                    guard cells.count >= 2, !isUnitLine(cells.last ?? "") || j == i else { break }
                    rows.append((j, cells, false))
                }
                j += 1
            }
            defer { i = max(j, i + 1) }
            var caption: String?
            var unit: String?
            var labels: [Int] = []
            // A first "row" ending in a unit cell is the caption line: `…表    单位：万元`.
            if !pipe, let first = rows.first, let last = first.cells.last, isUnitLine(last) {
                unit = last
                let rest = first.cells.dropLast()
                caption = rest.isEmpty ? nil : rest.joined(separator: " ")
                labels.append(first.index)
                rows.removeFirst()
            }
            let dataRows = rows.filter { !$0.separator }
            let numeric = dataRows.contains { $0.cells.contains(where: isNumericCell) }
            guard
                pipe
                    ? dataRows.count >= 2 || rows.count >= 2
                    : (dataRows.count >= 2 && numeric)
                        || (dataRows.count >= 1 && numeric && unit != nil)
            else { continue }
            // Look above for a unit line and a caption that the rows did not include.
            var k = (labels.first ?? rows.first?.index ?? i) - 1
            if unit == nil, k >= 0, roles[k] == nil, isUnitLine(lines[k]) {
                unit = text(lines[k])
                labels.append(k)
                k -= 1
            }
            if caption == nil, k >= 0, roles[k] == nil, isCaption(lines[k]) {
                caption = text(lines[k])
                labels.append(k)
            }
            var columns: [String] = []
            if pipe, let sep = rows.firstIndex(where: { $0.separator }), sep > 0 {
                columns = rows[sep - 1].cells
            } else if let first = dataRows.first, dataRows.count >= 2,
                !first.cells.contains(where: isNumericCell)
            {
                columns = first.cells
            }
            for l in labels {
                roles[l] = .label(TableContext(caption: caption, unit: unit, columns: columns))
            }
            for r in rows {
                roles[r.index] =
                    r.separator
                    ? .separator
                    : .row(TableContext(caption: caption, unit: unit, columns: columns, cells: r.cells))
            }
        }
        return roles.merging(CellPerLineTable.roles(of: lines, taken: roles)) { held, _ in held }
    }

    static func text(_ line: CleanLine) -> String { String(decoding: line.text, as: UTF8.self) }

    static func isPipeRow(_ line: CleanLine) -> Bool {
        guard line.text.first == 0x7C, line.text.count >= 3 else { return false }  // |
        return line.text.dropFirst().contains(0x7C)
    }

    static func pipeCells(_ line: CleanLine) -> [String] {
        var parts = line.text.split(separator: 0x7C, omittingEmptySubsequences: false)
        if parts.first?.isEmpty == true { parts.removeFirst() }
        if parts.last?.isEmpty == true { parts.removeLast() }
        return parts.map { String(decoding: LineCleaner.trimmed(Array($0)), as: UTF8.self) }
    }

    /// Cells separated by a tab or by two or more spaces of any kind (`Whitespace`).
    static func spacedCells(_ line: CleanLine) -> [String] {
        let b = line.text
        // Cheap rejection: prose lines have neither a tab nor a double space, and no
        // table row runs to thousands of bytes.
        guard b.count <= 2000, line.hasWideGap else { return [] }
        var cells: [String] = []
        var cellStart = 0
        var i = 0
        while let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            guard Whitespace.isSpace(v) else {
                i = next
                continue
            }
            var j = i
            var spaces = 0
            var tab = false
            while let (w, n2) = UTF8Cursor.scalar(in: b, at: j), Whitespace.isSpace(w) {
                spaces += 1
                if w == 0x09 { tab = true }
                j = n2
            }
            if tab || spaces >= 2 {
                cells.append(String(decoding: b[cellStart..<i], as: UTF8.self))
                cellStart = j
            }
            i = j
        }
        cells.append(String(decoding: b[cellStart...], as: UTF8.self))
        cells.removeAll { $0.isEmpty }
        // Prose with wide gaps (justified PDF text) is no row: cells are short and hold
        // no sentence punctuation.
        if cells.contains(where: { $0.count > 30 || $0.contains("。") || $0.contains("，") }) { return [] }
        return cells
    }

    static func isSeparatorCell(_ cell: String) -> Bool {
        let t = cell.filter { $0 != ":" && $0 != " " }
        return !t.isEmpty && t.allSatisfy { $0 == "-" }
    }

    /// A number, a percentage or an amount: `90074`, `-3480.83`, `100.25%`, `1,564`.
    static func isNumericCell(_ cell: String) -> Bool {
        var digits = 0
        var others = 0
        for s in cell.unicodeScalars {
            if Scalars.isDigit(s.value) || Scalars.isFullwidthDigit(s.value) {
                digits += 1
            } else if ".,%-+％ ".unicodeScalars.contains(s) {
                continue
            } else {
                others += 1
            }
        }
        return digits > 0 && others <= 2
    }

    static func isUnitLine(_ s: String) -> Bool {
        s.count <= 20 && unitLineStarts.contains { s.hasPrefix($0) }
    }

    /// `isUnitLine` of a line, decoding only the lines that start as one does:
    /// asked of every line of a report, and counting a long line's characters
    /// was a twentieth of indexing's instructions.
    static func isUnitLine(_ line: CleanLine) -> Bool {
        unitLineStarts.contains { UTF8Cursor.hasPrefix(line.text, $0) } && isUnitLine(text(line))
    }

    static let unitLineStarts = ["单位：", "单位:", "金额单位"]

    private static func isCaption(_ line: CleanLine) -> Bool {
        guard line.length <= 40, !LineShape.endsClause(line.text), !LineShape.startsWithDash(line.text)
        else { return false }
        if let m = LineShape.marker(line.text), LineShape.isHeadingLike(line.text, marker: m) {
            // A numbered heading right above a table is its caption only when it says so.
            return UTF8Cursor.hasSuffix(line.text, "表")
        }
        return true
    }
}
