/// Makes client-supplied text safe to put in a log line.
///
/// Log lines go to terminals and to files read with `less` or `tail`. A client
/// that could put raw control characters there could clear the screen
/// (`ESC [2J`), move the cursor, return to the start of the line (`\r`) and
/// overwrite what is there, or start a line of its own (`\n`) that looks like
/// one the server wrote. So every control character becomes visible text:
/// C0 controls and DEL as `\n`, `\r`, `\t` or `\xNN` (ESC is `\x1b`, which
/// defuses every escape sequence, since they all start with it), C1 controls
/// as `\u{NN}`, and the line and paragraph separators and bidirectional
/// overrides (which reorder what a terminal shows) as `\u{NNNN}`. The
/// backslash itself is doubled, so a client cannot write `\x1b` as four
/// characters and pass it off as an escaped ESC. Everything else, Chinese
/// included, stays as it is.
public enum LogEscaping {
    public static func escape(_ text: String) -> String {
        // Most log text needs nothing: do not copy it.
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + hex(scalar.value, digits: 2)
            case _ where needsEscape(scalar):
                out += "\\u{" + hex(scalar.value, digits: scalar.value < 0x100 ? 2 : 4) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x5C, 0x7F...0x9F: return true  // C0, backslash, DEL, C1
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional marks and overrides
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
