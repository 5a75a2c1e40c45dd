import BaogaoIngest
import Foundation

/// The sample corpus and the labelled set, as the numbers tests see them.
enum NumberTestCorpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func corpusFiles() -> [URL] {
        let dir = root.appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// One row of Queries/numbers/labelled.tsv.
    struct Entry {
        var line: Int
        var doc: String
        var context: String
        var text: String
        var value: Double?
        var kind: String
        var label: String
        var relation: String
        var scope: String
        var note: String
        var isNegative: Bool { kind == "none" }
    }

    static func labelled() throws -> [Entry] {
        let url = root.appendingPathComponent("Queries/numbers/labelled.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Entry] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("doc\t") { continue }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 6 else { continue }
            func col(_ k: Int) -> String { k < c.count ? c[k] : "" }
            out.append(
                Entry(
                    line: i + 1, doc: c[0], context: c[1], text: c[2], value: Double(c[3]),
                    kind: c[4], label: c[5], relation: col(6), scope: col(7), note: col(8)))
        }
        return out
    }

    /// The paragraphs the real ingestion is expected to produce, by the reference
    /// reconstruction the labels were made with (ported here in full, so the test needs
    /// nothing outside the repository). Used only while `ReportReader` is the naive
    /// one-paragraph-per-line first cut, so the labels can be measured meanwhile.
    static func prejoined(_ text: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { cleanLine(String($0)) }.filter { !$0.isEmpty }
        let paras = isHardWrapped(lines) ? hardWrapped(lines) : perLine(lines)
        return paras.map { collapse($0) }.filter { !$0.isEmpty }
    }

    private static func cleanLine(_ s: String) -> String {
        var t = s
        while let r = t.range(of: "[bookmark:") {
            if let e = t[r.upperBound...].firstIndex(of: "]") { t.removeSubrange(r.lowerBound...e) } else { break }
        }
        t = t.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\u{3000}", with: " ")
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        return t.trimmingCharacters(in: .whitespaces)
    }

    private static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, c in
            let v = c.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
                || (0x3041...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    private static let terminal: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]
    private static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "】", "》"]

    private static func endsSentence(_ s: String) -> Bool {
        let t = Array(s.trimmingCharacters(in: .whitespaces))
        guard let last = t.last else { return false }
        if terminal.contains(last) { return true }
        return closers.contains(last) && t.count >= 2 && terminal.contains(t[t.count - 2])
    }

    private static func isHardWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 20 else { return false }
        let widths = lines.map(width).sorted()
        return widths[Int(0.9 * Double(widths.count - 1))] <= 64
    }

    private static func hardWrapped(_ lines: [String]) -> [String] {
        var counts: [Int: Int] = [:]
        for l in lines where width(l) >= 30 { counts[width(l), default: 0] += 1 }
        let mode = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 54
        var paras: [String] = []
        var cur = ""
        for (i, l) in lines.enumerated() {
            cur += l
            let w = width(l)
            var end = i == lines.count - 1 || Double(w) < 0.8 * Double(mode)
            if !end && endsSentence(l) && width(lines[i + 1]) < mode - 1 { end = true }
            if end {
                let p = cur.trimmingCharacters(in: .whitespaces)
                if !p.isEmpty { paras.append(p) }
                cur = ""
            }
        }
        return paras
    }

    private static func perLine(_ lines: [String]) -> [String] {
        var paras: [String] = []
        var cur = ""
        for l in lines {
            cur += l
            if cur.count >= 50 && !endsSentence(cur) { continue }
            paras.append(cur)
            cur = ""
        }
        if !cur.isEmpty { paras.append(cur) }
        return paras
    }

    private static func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s {
            if c == " " || c == "\t" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }
}
