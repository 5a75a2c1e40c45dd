import Foundation

/// The question sets of `Queries/` (format in Queries/questions.md) and the one
/// rule that scores an answer, on the JSON `ask --json`, the REPL's `:json` and
/// ASK give: the in-process tests encode their `AskResult` and the CLI test reads
/// the REPL's lines, so both score exactly the same way.
public enum QuestionSet {
    public struct Row: Sendable {
        public var id, kind, question, expected, citation: String
        /// The question's form, for accuracy per form.
        public var form: String
    }

    /// The rows of the set `file` (a path from the repository's root).
    public static func rows(_ file: String, root: URL) throws -> [Row] {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5 else { return nil }
            return Row(id: f[0], kind: f[1], question: f[2], expected: f[3], citation: f[4], form: f.count > 5 ? f[5] : "")
        }
    }

    public struct MissingCount: Error, CustomStringConvertible {
        public var description: String
    }

    /// How many questions of `file` were answered right when its count was last set,
    /// from Queries/answered-today.tsv, the one home of these counts.
    public static func answeredToday(_ file: String, root: URL) throws -> Int {
        let url = root.appendingPathComponent("Queries/answered-today.tsv")
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count == 3, f[0] == file, let n = Int(f[2]) { return n }
        }
        throw MissingCount(description: "Queries/answered-today.tsv has no count for \(file)")
    }

    /// What is wrong with the answer `json` (one object of `ask --json`) to `row`,
    /// nil when it is right: the value and its citation at rank 1; both parts of a
    /// two-part question, in order; a list's exact set of items with citations; a
    /// definition's citation among those listed; no answer to an unanswerable one.
    public static func problem(_ row: Row, _ json: [String: Any]) -> String? {
        let squeeze = { (s: String) in s.filter { $0 != " " } }
        let answer = json["answer"] as? [String: Any]
        let said = (json["message"] as? String).map { " (\($0))" } ?? ""
        func short(_ a: [String: Any]?) -> String? {
            guard let c = a?["citation"] as? [String: Any], let doc = c["doc"] as? String, let p = c["paragraph"] as? Int
            else { return nil }
            return "\(doc.prefix(3))#\(p)"
        }
        switch row.kind {
        case "none":
            return answer == nil ? nil : "expected no answer, got \(String(describing: answer?["text"] ?? "").prefix(40))"
        case "value":
            guard let a = answer, let text = a["text"] as? String, let c = short(a) else { return "no answer" + said }
            return squeeze(text) == squeeze(row.expected) && c == row.citation ? nil : "got \(text) \(c)"
        case "parts":
            guard let parts = answer?["parts"] as? [[String: Any]] else { return "no two-part answer" + said }
            let got = parts.map { "\(squeeze($0["text"] as? String ?? "")) \(short($0) ?? "-")" }
            let want = zip(row.expected.split(separator: ";"), row.citation.split(separator: ";")).map {
                "\(squeeze(String($0))) \($1)"
            }
            return got == want ? nil : "got \(got.joined(separator: "; "))"
        case "definition":
            guard let c = short(answer) else { return "no answer" + said }
            return row.citation.split(separator: "|").contains(Substring(c)) ? nil : "got \(c)"
        case "list":
            guard let items = answer?["items"] as? [[String: Any]] else { return "no list answer" + said }
            let got = Set(items.map { "\($0["label"] as? String ?? "")=\(short($0) ?? "-")" })
            let want = Set(row.expected.split(separator: ";").map(String.init))
            return got == want ? nil : "missing \(want.subtracting(got).sorted()), extra \(got.subtracting(want).sorted())"
        default:
            return "unknown kind \(row.kind)"
        }
    }
}
