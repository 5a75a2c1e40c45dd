import Foundation

/// What a terminal shows after a stream of output: a small emulation of the
/// xterm controls a line editor uses, so a test can assert what a person sees
/// rather than which escape sequences produced it (two editors, or one editor
/// on two terminfo entries, draw the same line differently).
///
/// Each row is a list of cells. A double-width character takes two cells, the
/// second a `nil` continuation, as in a real terminal: writing over either half
/// erases the whole character. Widths come from `wcwidth`-like ranges kept
/// here on purpose (not the program's own table): the emulation is the
/// terminal's view, independent of the code under test.
struct TerminalScreen {
    private(set) var rows: [[Character?]]
    private(set) var row = 0
    private(set) var column = 0
    let columns: Int
    private var insertMode = false

    init(columns: Int = 100, rows: Int = 40) {
        self.columns = columns
        self.rows = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The text of row `r` as a person reads it, trailing blanks dropped.
    func text(ofRow r: Int) -> String {
        var s = String(rows[r].compactMap { $0 })
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The row the cursor is on.
    var cursorLine: String { text(ofRow: row) }

    /// The cursor's column counted in characters of its row's text (a wide
    /// character is one), nil when it stands inside a wide character.
    var cursorCharacterOffset: Int? {
        guard column <= columns else { return nil }
        if column < columns, rows[row][column] == nil { return nil }
        return rows[row][..<min(column, columns)].compactMap { $0 }.count
    }

    static func width(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 1 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return 2
        default:
            return 1
        }
    }

    mutating func feed(_ output: String) {
        var scalars = Array(output.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            switch s {
            case "\u{1B}":
                guard let next = scalars.popFirst() else { return }
                guard next == "[" else { continue }  // ESC x: two-character controls, ignored
                var parameters = ""
                var final: Unicode.Scalar = "@"
                while let p = scalars.popFirst() {
                    if (0x40...0x7E).contains(p.value) {
                        final = p
                        break
                    }
                    parameters.unicodeScalars.append(p)
                }
                control(final, parameters)
            case "\r": column = 0
            case "\n": lineFeed()
            case "\u{8}": column = max(0, column - 1)
            case "\u{7}": break
            default:
                if s.value < 0x20 { continue }
                put(Character(s))
            }
        }
    }

    private mutating func lineFeed() {
        if row == rows.count - 1 {
            rows.removeFirst()
            rows.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }

    private mutating func put(_ c: Character) {
        let w = Self.width(c)
        if column + w > columns {
            column = 0
            lineFeed()
        }
        if insertMode { insertBlanks(w) }
        clearHalves(at: column, count: w)
        rows[row][column] = c
        if w == 2 { rows[row][column + 1] = nil }
        column += w
    }

    /// Overwriting part of a wide character blanks all of it.
    private mutating func clearHalves(at start: Int, count: Int) {
        for k in start..<min(start + count, columns) {
            if rows[row][k] == nil, k > 0 { rows[row][k - 1] = " " }
            if k + 1 < columns, rows[row][k + 1] == nil, rows[row][k] != nil, Self.width(rows[row][k]!) == 2 {
                rows[row][k + 1] = " "
            }
            rows[row][k] = " "
        }
    }

    private mutating func insertBlanks(_ n: Int) {
        if column < columns, rows[row][column] == nil {
            rows[row][column - 1] = " "
            rows[row][column] = " "
        }
        rows[row].insert(contentsOf: Array(repeating: " ", count: n), at: column)
        rows[row].removeLast(n)
        // A wide character pushed half off the right edge is erased.
        if case let c?? = rows[row].last, Self.width(c) == 2 { rows[row][columns - 1] = " " }
    }

    private mutating func control(_ final: Unicode.Scalar, _ parameters: String) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = max(1, (numbers.first ?? nil) ?? 1)
        switch final {
        case "C": column = min(columns, column + n)
        case "D": column = max(0, column - n)
        case "A": row = max(0, row - n)
        case "B": row = min(rows.count - 1, row + n)
        case "G": column = min(columns - 1, n - 1)
        case "H":
            row = min(rows.count - 1, max(1, (numbers.first ?? nil) ?? 1) - 1)
            column = min(columns - 1, max(1, (numbers.count > 1 ? numbers[1] : nil) ?? 1) - 1)
        case "K":
            switch (numbers.first ?? nil) ?? 0 {
            case 0: clearHalves(at: column, count: columns - column)
            case 1: clearHalves(at: 0, count: column + 1)
            default: rows[row] = Array(repeating: " ", count: columns)
            }
        case "J":
            if ((numbers.first ?? nil) ?? 0) == 0 {
                clearHalves(at: column, count: columns - column)
                for r in (row + 1)..<rows.count { rows[r] = Array(repeating: " ", count: columns) }
            } else {
                rows = Array(repeating: Array(repeating: " ", count: columns), count: rows.count)
            }
        case "@": insertBlanks(n)
        case "P":
            if column < columns, rows[row][column] == nil { rows[row][column - 1] = " " }
            let k = min(n, columns - column)
            rows[row].removeSubrange(column..<(column + k))
            rows[row].append(contentsOf: Array(repeating: " ", count: k))
            if column < columns, rows[row][column] == nil { rows[row][column] = " " }
        case "h", "l":
            if parameters == "4" { insertMode = final == "h" }
        default:
            break  // colours (m) and private modes (?…h/l) change nothing this test reads
        }
    }
}
