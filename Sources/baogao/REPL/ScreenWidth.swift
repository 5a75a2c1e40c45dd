import BaogaoIngest
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal columns: how wide the screen is and how wide a text is on it.
/// A terminal gives East Asian Wide and Fullwidth characters (all of CJK, the
/// full-width punctuation of these reports) two columns and combining marks
/// none; ANSI escape sequences (our colours) take none.
enum ScreenWidth {
    /// The width to wrap standard output at: the terminal's (TIOCGWINSZ), else
    /// `COLUMNS`, else nil (a pipe or file: do not wrap).
    static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let value = environment["COLUMNS"], let n = Int(value), n > 0 { return n }
        return nil
    }

    /// The terminal's height in lines (TIOCGWINSZ), or nil when standard output is no terminal.
    static func rows() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else {
            return nil
        }
        return Int(size.ws_row)
    }

    static func of(_ s: Unicode.Scalar) -> Int { ColumnWidth.terminal(s) }

    /// Columns `text` takes, not counting ANSI escape sequences.
    static func of(_ text: String) -> Int {
        var width = 0
        var escape = EscapeSkipper()
        for s in text.unicodeScalars where !escape.skips(s) { width += of(s) }
        return width
    }

    /// `text` padded with spaces on the right to `columns`.
    static func pad(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - of(text)))
    }
}

/// Recognises `ESC [ … letter` (CSI) sequences scalar by scalar.
struct EscapeSkipper {
    private var state = 0  // 0 outside, 1 after ESC, 2 inside CSI

    /// True when `s` belongs to an escape sequence.
    mutating func skips(_ s: Unicode.Scalar) -> Bool {
        switch state {
        case 0:
            if s == "\u{1B}" {
                state = 1
                return true
            }
            return false
        case 1:
            state = s == "[" ? 2 : 0
            return true
        default:
            if (0x40...0x7E).contains(s.value) { state = 0 }
            return true
        }
    }
}

/// Wraps lines at a width in columns, never splitting a character or an
/// escape sequence; continuation lines keep the first line's indentation, so a
/// snippet under its citation stays visibly one block.
enum Wrapping {
    static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// Punctuation that must not begin a line (a short list of the forms these reports use).
    static let noLineStart: Set<Unicode.Scalar> = Set("，。、；：！？）」』”’》〉】…．,.;:!?)".unicodeScalars)

    static func wrapLine(_ line: String, width: Int) -> String {
        guard ScreenWidth.of(line) > width else { return line }
        // The indentation is the spaces the line starts with, after any colour codes.
        var escape = EscapeSkipper()
        let indent = line.unicodeScalars.drop { escape.skips($0) }.prefix { $0 == " " }.count
        let indentWidth = min(indent, width / 2)
        var out: [Unicode.Scalar] = []
        var column = 0
        escape = EscapeSkipper()
        var lastSpace: (index: Int, column: Int)?
        /// The last double-width character that may start a line (not closing
        /// punctuation): where it starts in `out` and on the line.
        var lastWide: (index: Int, column: Int)?
        let newline = Array(("\n" + String(repeating: " ", count: indentWidth)).unicodeScalars)
        for s in line.unicodeScalars {
            if escape.skips(s) {
                out.append(s)
                continue
            }
            let w = ScreenWidth.of(s)
            if column + w > width {
                // A run of Latin text (a file name, a word) moves to the next line
                // whole, from the last space; CJK text breaks anywhere.
                if s != " ", let space = lastSpace {
                    let tail = Array(out[(space.index + 1)...])
                    out.removeSubrange(space.index...)
                    while out.last == " " { out.removeLast() }
                    out.append(contentsOf: newline)
                    out.append(contentsOf: tail)
                    var tailText = String.UnicodeScalarView()
                    tailText.append(contentsOf: tail)
                    column = indentWidth + ScreenWidth.of(String(tailText))
                } else if noLineStart.contains(s), let last = lastWide, last.column > indentWidth {
                    // Chinese typesetting starts no line with closing punctuation
                    // (，。、”）…): the last character that may start a line goes
                    // down with it, and any closing marks between them (“三保”。).
                    let tail = Array(out[last.index...])
                    out.removeSubrange(last.index...)
                    out.append(contentsOf: newline)
                    out.append(contentsOf: tail)
                    var tailText = String.UnicodeScalarView()
                    tailText.append(contentsOf: tail)
                    column = indentWidth + ScreenWidth.of(String(tailText))
                } else {
                    out.append(contentsOf: newline)
                    column = indentWidth
                }
                lastSpace = nil
                lastWide = nil
                if s == " " { continue }
            }
            if s == " " && column > indentWidth { lastSpace = (out.count, column) }
            if w == 2 { lastSpace = nil }
            if w == 2 && !noLineStart.contains(s) {
                lastWide = (out.count, column)
            } else if w != 2 && !noLineStart.contains(s) {
                lastWide = nil
            }
            out.append(s)
            column += w
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: out)
        return String(text)
    }
}
