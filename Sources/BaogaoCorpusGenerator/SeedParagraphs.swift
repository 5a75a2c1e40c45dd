import Foundation

/// The paragraphs of a seed report, whichever of the two layouts it is in.
///
/// The generator needs whole paragraphs to shuffle and re-mix, and it must not
/// depend on the engine's own reader (the corpus tests that reader), so this is
/// a deliberately simple, independent reconstruction:
///
/// - hard-wrapped PDF text (about 27 CJK characters a line, blank lines between):
///   lines are joined; a paragraph ends at a clearly short line, or at a line
///   ending a sentence when the next line is narrower (its indent was lost);
/// - one paragraph per line: a long line that does not end a sentence is
///   joined with the next (some exports break mid-paragraph).
enum SeedParagraphs {
    static func of(_ text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { clean(String($0)) }.filter { !$0.isEmpty }
        let paragraphs = isHardWrapped(lines) ? joinHardWrapped(lines) : joinPerLine(lines)
        return paragraphs.map(collapseSpaces).filter { !$0.isEmpty }
    }

    /// Export artefacts (`[bookmark: …]`, markdown bold, ideographic spaces, BOM) removed.
    private static func clean(_ line: String) -> String {
        var t = line
        while let r = t.range(of: "[bookmark:"), let e = t[r.upperBound...].firstIndex(of: "]") {
            t.removeSubrange(r.lowerBound...e)
        }
        t = t.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{3000}", with: " ")
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        return t.trimmingCharacters(in: .whitespaces)
    }

    static let terminal: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]
    private static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "】", "》"]

    static func endsSentence(_ s: String) -> Bool {
        let t = Array(s.trimmingCharacters(in: .whitespaces))
        guard let last = t.last else { return false }
        if terminal.contains(last) { return true }
        return closers.contains(last) && t.count >= 2 && terminal.contains(t[t.count - 2])
    }

    /// PDF text: nine lines in ten are no wider than 64 columns.
    private static func isHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 20 else { return false }
        let widths = lines.map(DisplayWidth.of).sorted()
        return widths[Int(0.9 * Double(widths.count - 1))] <= 64
    }

    private static func joinHardWrapped(_ lines: [String]) -> [String] {
        let widths = lines.map(DisplayWidth.of)
        var counts: [Int: Int] = [:]
        for w in widths where w >= 30 { counts[w, default: 0] += 1 }
        let full = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 54
        var paragraphs: [String] = []
        var current = ""
        for (i, line) in lines.enumerated() {
            current += line
            var ends = i == lines.count - 1 || Double(widths[i]) < 0.8 * Double(full)
            if !ends && endsSentence(line) && widths[i + 1] < full - 1 { ends = true }
            if ends {
                paragraphs.append(current)
                current = ""
            }
        }
        return paragraphs
    }

    private static func joinPerLine(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        for line in lines {
            current += line
            if current.count >= 50 && !endsSentence(current) { continue }
            paragraphs.append(current)
            current = ""
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Runs of spaces and tabs become one space; the ends are trimmed.
    static func collapseSpaces(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for c in s {
            if c == " " || c == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return out
    }
}
