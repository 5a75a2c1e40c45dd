import ArgumentParser
import BaogaoIngest
import Foundation

struct ParagraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraphs",
        abstract: "Print a report's metadata and every paragraph with its citation.")

    @Argument(help: "The report file.")
    var file: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let report: Report
        do {
            report = try ReportReader.read(fileAt: file)
        } catch {
            FileHandle.standardError.write(Data("baogao: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let data: Data
            do {
                data = try encoder.encode(ParagraphsJSON(report))
            } catch {
                FileHandle.standardError.write(Data("baogao: \(file): cannot encode JSON: \(error)\n".utf8))
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        FileHandle.standardOutput.write(Data(Self.render(report).utf8))
    }

    /// The human form: a header, then a citation line and the text of each paragraph.
    static func render(_ report: Report) -> String {
        let m = report.metadata
        var out = "\(m.title)\n"
        var facts = ["\(report.doc)"]
        facts.append("region \(m.region ?? "?")")
        facts.append("execution \(m.executionYear.map(String.init) ?? "?")")
        facts.append("budget \(m.budgetYear.map(String.init) ?? "?")")
        facts.append("date \(m.date ?? "?")")
        facts.append("\(report.paragraphs.count) paragraphs")
        out += facts.joined(separator: " · ") + "\n\n"
        for p in report.paragraphs {
            var cite = "¶\(p.number) L\(p.firstLine)"
            if p.lastLine != p.firstLine { cite += "–\(p.lastLine)" }
            cite += " [\(p.kind.rawValue)"
            if let y = p.year { cite += " \(y)" }
            cite += "]"
            if !p.section.isEmpty { cite += " · " + p.section.joined(separator: " › ") }
            out += cite + "\n" + p.text + "\n\n"
        }
        return out
    }
}

/// The JSON form, keys in the documented order:
/// `{"doc", "title", "region", "years": {"execution", "budget"}, "date", "paragraphs":
/// [{"n", "section", "lines": [first, last], "year", "kind", "text"}]}`; table rows add
/// `"table"`, glossary paragraphs `"term"`. Absent values are `null`, so every object
/// has the same keys.
struct ParagraphsJSON: Encodable {
    let report: Report

    init(_ report: Report) { self.report = report }

    private enum Keys: String, CodingKey {
        case doc, title, region, years, date, paragraphs
    }

    private struct Years: Encodable {
        let execution: Int?
        let budget: Int?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(execution, forKey: .execution)
            try c.encode(budget, forKey: .budget)
        }

        private enum CodingKeys: String, CodingKey { case execution, budget }
    }

    private struct Item: Encodable {
        let p: Paragraph

        private enum CodingKeys: String, CodingKey {
            case n, section, lines, year, kind, text, table, term
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(p.number, forKey: .n)
            try c.encode(p.section, forKey: .section)
            try c.encode([p.firstLine, p.lastLine], forKey: .lines)
            try c.encode(p.year, forKey: .year)
            try c.encode(p.kind.rawValue, forKey: .kind)
            try c.encode(p.text, forKey: .text)
            if let t = p.table { try c.encode(t, forKey: .table) }
            if let t = p.term { try c.encode(t, forKey: .term) }
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let m = report.metadata
        try c.encode(report.doc, forKey: .doc)
        try c.encode(m.title, forKey: .title)
        try c.encode(m.region, forKey: .region)
        try c.encode(Years(execution: m.executionYear, budget: m.budgetYear), forKey: .years)
        try c.encode(m.date, forKey: .date)
        try c.encode(report.paragraphs.map(Item.init), forKey: .paragraphs)
    }
}
