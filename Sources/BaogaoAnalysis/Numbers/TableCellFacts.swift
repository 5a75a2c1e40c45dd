import BaogaoIngest

/// Number facts of one table row.
///
/// The ingest layer gives a row as one paragraph whose cells are separated by `|`
/// (with or without spaces around it) or by runs of two or more spaces or a tab; the
/// table's unit line (`单位：亿元`) and column headings come in `TableContext`.
///
/// - The first cell is the row heading: it is the label of every number in the row,
///   without its list ordinal (`1.一般公共服务支出` → `一般公共服务支出`).
/// - A cell holding a number with its own unit (`22960万元`, `5.1%`) is read as written.
/// - A bare number takes the table's unit, unless its column heading says `%`, which
///   makes it a percentage. With no unit line, a bare number is not a fact.
/// - `column` is the cell's column heading; a year in the heading (`2024年预算数`) is the
///   fact's year; a heading with a relation word (`增长%`, `为预算%`) gives the relation.
/// - A row heading that is a scope and a bare 收入/支出 (`一、本级收入`, `本级支出`) is
///   the item of the budget the caption or the headings name, at that scope: in a
///   一般公共预算 table, `本级收入` is 一般公共预算收入 of scope 本级, as running text
///   writes `区本级一般公共预算收入`.
enum TableCellFacts {
    static func facts(text: String, table: TableContext, section: [String] = [], year fallbackYear: Int?) -> [NumberFact] {
        guard let s = ScalarClass.scalarsIfDigits(text) else { return [] }
        let cells = split(s)
        guard let first = cells.first else { return [] }
        let (rowLabel, rowScope) = rowItem(stripOrdinal(ScalarClass.string(s[first])), table: table, section: section)
        let tableUnit = table.unit.flatMap(unit(ofUnitLine:))
        var out: [NumberFact] = []
        for (index, cell) in cells.enumerated() where index > 0 {
            let column = index < table.columns.count ? table.columns[index] : nil
            let headingScalars = column.map { Array($0.unicodeScalars) } ?? []
            let year =
                headingScalars.firstIndex(of: "年")
                .flatMap { ScopeFinder.year(endingBefore: $0, in: headingScalars) } ?? fallbackYear
            let relation = RelationFinder.find(headingScalars, lower: 0, upper: headingScalars.count)?.relation
            let percentColumn = headingScalars.contains("%") || headingScalars.contains("％")
            let cellScalars = Array(s[cell])
            let scanned = AmountScanner.scan(cellScalars)
            if !scanned.isEmpty {
                for n in scanned {
                    out.append(
                        NumberFact(
                            kind: n.kind, value: RelationFinder.signed(n.value, kind: n.kind, relation: relation),
                            unit: n.unit, text: ScalarClass.string(cellScalars[n.start..<n.end]),
                            start: cell.lowerBound + n.start, end: cell.lowerBound + n.end,
                            label: rowLabel, relation: relation, scope: rowScope, year: year,
                            approximate: n.qualifier != nil, qualifier: n.qualifier, column: column))
                }
                continue
            }
            guard let bare = bareNumber(cellScalars) else { continue }
            var kind = NumberFact.Kind.amount
            var unitName = "元"
            var value = bare.value
            if percentColumn {
                kind = .percent
                unitName = "%"
            } else if let u = tableUnit {
                kind = u.kind
                unitName = u.unit
                value = AmountScanner.scaled(bare.digits, by: u.multiplier) ?? value * u.multiplier
            } else {
                continue
            }
            out.append(
                NumberFact(
                    kind: kind, value: RelationFinder.signed(value, kind: kind, relation: relation),
                    unit: unitName, text: ScalarClass.string(cellScalars[bare.range]),
                    start: cell.lowerBound + bare.range.lowerBound, end: cell.lowerBound + bare.range.upperBound,
                    label: rowLabel, relation: relation, scope: rowScope, year: year, column: column))
        }
        return out
    }

    /// The row heading as an item and scope: `本级收入` → (一般公共预算收入, 本级) when the
    /// caption or a heading names the budget; any other heading as it is, no scope.
    static func rowItem(_ heading: String, table: TableContext, section: [String]) -> (String, String?) {
        let s = Array(heading.unicodeScalars)
        var scope: String?
        var rest = heading
        if let w = ScopeFinder.words.longestIndex(in: s, at: 0) {
            scope = ScopeFinder.canonicalByIndex[w]
            rest = ScalarClass.string(s[ScopeFinder.words.words[w].count...])
        }
        guard LabelFinder.generic.contains(rest),
            let budget = ScopeFinder.headings(section + [table.caption].compactMap { $0 }).budget
        else { return (heading, nil) }
        return (budget + rest, scope)
    }

    /// Cell ranges, trimmed of spaces.
    static func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            var lo = start
            var hi = end
            while lo < hi && Whitespace.isSpace(s[lo]) { lo += 1 }
            while hi > lo && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
            if lo < hi { cells.append(lo..<hi) }
        }
        while i < s.count {
            if s[i] == "|" || s[i] == "｜" || s[i] == "\t" {
                close(i)
                i += 1
                start = i
                continue
            }
            if Whitespace.isSpace(s[i]) {
                var j = i
                while j < s.count && Whitespace.isSpace(s[j]) { j += 1 }
                if j - i >= 2 {
                    close(i)
                    start = j
                }
                i = j
                continue
            }
            i += 1
        }
        close(s.count)
        return cells
    }

    /// `单位：亿元`, `（单位:万元）`, `亿元` → the unit it names.
    static func unit(ofUnitLine line: String) -> UnitTable.Match? {
        var s = Array(line.unicodeScalars)
        if let colon = s.firstIndex(where: { $0 == "：" || $0 == ":" }) { s = Array(s[(colon + 1)...]) }
        s.removeAll { Whitespace.isSpace($0) || $0 == "）" || $0 == ")" }
        return UnitTable.match([Unicode.Scalar("1")] + s, at: 1)
    }

    /// A cell that is only a number: `1,564`, `-3.5`, `２２９６０`.
    private static func bareNumber(_ c: [Unicode.Scalar]) -> (value: Double, digits: String, range: Range<Int>)? {
        var ascii = ""
        var lo = 0
        if let f = c.first, f == "-" || f == "－" || f == "−" {
            ascii = "-"
            lo = 1
        }
        for k in lo..<c.count {
            if let d = ScalarClass.digit(c[k]) {
                ascii.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + d)))
            } else if c[k] == "." || c[k] == "．" {
                ascii.append(".")
            } else if c[k] != "," {
                return nil
            }
        }
        guard let v = Double(ascii) else { return nil }
        return (v, ascii, 0..<c.count)
    }

    private static func stripOrdinal(_ heading: String) -> String {
        var s = Array(heading.unicodeScalars)[...]
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if let f = s.first, f == "（" || f == "(", let close = s.firstIndex(where: { $0 == "）" || $0 == ")" }),
            close - s.startIndex <= 4
        {
            s = s[(close + 1)...]
        } else {
            var k = s.startIndex
            while k < s.endIndex && (ScalarClass.isDigit(s[k]) || numerals.contains(s[k])) { k += 1 }
            if k > s.startIndex, k < s.endIndex, s[k] == "." || s[k] == "．" || s[k] == "、" {
                s = s[(k + 1)...]
            }
        }
        while let f = s.first, Whitespace.isSpace(f) { s = s.dropFirst() }
        return ScalarClass.string(s)
    }
}
