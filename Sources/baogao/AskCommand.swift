import ArgumentParser
import BaogaoIngest
import BaogaoQuery
import Foundation

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question from the reports' figures and glossaries, with its citation.",
        discussion: """
            Examples:
              baogao ask 2023年江津区一般公共预算收入是多少？
              baogao ask 江津区2023年教育支出增长了多少？
              baogao ask 解放区2024年哪些支出科目超过1亿元？
              baogao ask 什么是三保？
            When nothing fits, says so and lists the closest candidates.
            With --explain, each answer says why it won and each alternative the
            field it lost on, in the ranking's order (label, scope, stage, year,
            report, reading order): "scope: 区级 where 全区 was asked".
            """)

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Say why the answer won and where each alternative lost to it (in JSON, an explain field).")
    var explain = false

    @Option(
        help: ArgumentHelp(
            "Ask every question of a file, one a line (of a .tsv, the third column); lines starting with # are skipped.",
            valueName: "file"))
    var questions: String?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The question.", valueName: "question"))
    var words: [String] = []

    func run() throws {
        if let questions { return try runBatch(questions) }
        let text = words.joined(separator: " ")
        guard !Whitespace.isBlank(text) else {
            throw ValidationError("ask a question, e.g. baogao ask 2023年江津区一般公共预算收入是多少？")
        }
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.ask(text, explain: explain, deadline: .never) }
        print(json ? try JSONLines.line(result) : AnswerPrinter.render(result, color: colors.enabled))
        try Status.finish(found: result.answer != nil)
    }
}

extension AskCommand {
    /// One index, many questions: for scripts and for measuring latency (each
    /// result carries its took_ms).
    func runBatch(_ path: String) throws {
        let content: String
        do { content = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw Terminal.fail("\(path): \(error.localizedDescription)")
        }
        let engine = try location.openEngine()
        var answered = false
        for line in content.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let question = Whitespace.trimmed(fields.count >= 3 ? fields[2] : fields[0])
            guard !question.isEmpty else { continue }
            let result = try Terminal.orFail { try engine.ask(question, explain: explain, deadline: .never) }
            print(json ? try JSONLines.line(result) : "== \(question)\n" + AnswerPrinter.render(result, color: colors.enabled))
            answered = answered || result.answer != nil
        }
        try Status.finish(found: answered)
    }
}

/// Human output of an answer: the figure, its sentence and citation, then the alternatives.
enum AnswerPrinter {
    /// Alternatives printed before "… and N more": a term defined by every report
    /// of a large index has hundreds; JSON output keeps them all.
    static let alternativesShown = 5

    static func render(_ r: AskResult, color: Bool) -> String {
        var lines: [String] = []
        if let a = r.answer {
            lines += render(a, color: color, indent: "")
        } else {
            lines.append(r.message ?? "no answer found")
        }
        if !r.alternatives.isEmpty {
            lines.append(r.answer == nil ? "closest candidates:" : "alternatives:")
            for a in r.alternatives.prefix(alternativesShown) { lines += render(a, color: color, indent: "  ") }
            if r.alternatives.count > alternativesShown {
                lines.append("  … and \(r.alternatives.count - alternativesShown) more (the JSON output lists them all)")
            }
        }
        lines.append(Highlighter.dim(String(format: "(%.1f ms)", r.tookMs), color: color))
        return lines.joined(separator: "\n")
    }

    static func render(_ a: Answer, color: Bool, indent: String) -> [String] {
        var lines: [String] = []
        if let items = a.items {
            lines.append(indent + (items.isEmpty ? a.text : "\(items.count) item(s):"))
            // The label with whose figure it is and the year: one region's 全市 and
            // 市级 figures, or two years of one line, stay told apart.
            let names = items.map { item in
                [item.label, item.scope, item.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " · ")
            }
            let width = min(36, names.map { DisplayWidth.of($0) }.max() ?? 6)
            for (item, name) in zip(items, names) {
                lines.append(
                    indent + "  " + DisplayWidth.pad(name, to: width) + "  "
                        + DisplayWidth.pad(item.text, to: 14) + "  "
                        + Highlighter.dim(Citation.line(item.citation, year: nil), color: color))
            }
            return lines
        }
        if let parts = a.parts {
            // Each figure of a two-part question with its own sentence and citation.
            for part in parts { lines += render(part, color: color, indent: indent) }
            return lines
        }
        var head = a.text
        if let readable = a.readable,
            readable.replacingOccurrences(of: " ", with: "") != a.text.replacingOccurrences(of: " ", with: "")
        {
            head += " (\(readable))"
        }
        let facts = [a.label, a.scope, a.relation, a.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " · ")
        if a.value == nil, let label = a.label {
            lines.append(indent + label + "：" + a.text)
        } else {
            lines.append(
                indent + head + (facts.isEmpty ? "" : " — " + facts)
                    + (a.confidence == nil ? a.note.map { "  [\($0)]" } ?? "" : ""))
        }
        if let confidence = a.confidence {
            lines.append(indent + "  confidence: \(confidence)" + (a.note.map { " — " + $0 } ?? ""))
        }
        if let why = a.explain { lines.append(indent + "  why: " + why) }
        if !a.related.isEmpty {
            lines.append(
                indent + "  "
                    + a.related.map { [$0.relation, $0.text].compactMap { $0 }.joined(separator: " ") }.joined(separator: "，"))
        }
        if let s = a.sentence, a.value != nil { lines.append(indent + "  “" + s + "”") }
        if let p = a.paragraph {
            // A figure cites its sentence's lines, a definition its paragraph's.
            lines.append(indent + "  " + Highlighter.dim(Citation.line(p, lines: a.citation?.lines), color: color))
        }
        return lines
    }
}
