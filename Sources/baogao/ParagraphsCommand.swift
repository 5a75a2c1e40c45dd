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
            // The catalogue of the file's folder applies, as it would when indexed.
            let folder = (file as NSString).deletingLastPathComponent
            report = try ReportReader.read(fileAt: file, catalogue: Catalogue.load(corpus: folder.isEmpty ? "." : folder))
        } catch {
            throw Terminal.fail("\(file): \(error.reason)")
        }
        for w in report.warnings { Terminal.printError("warning: \(w)") }
        if json {
            let text: String
            do {
                text = try ParagraphsJSON.render(report)
            } catch {
                throw Terminal.fail("\(file): cannot encode JSON: \(error)")
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        FileHandle.standardOutput.write(Data(Self.render(report).utf8))
    }

    /// The human form: a header, then a citation line and the text of each paragraph.
    static func render(_ report: Report) -> String {
        let m = report.metadata
        var out = "\(m.title)\n"
        var facts = ["\(report.doc)"]
        facts.append("region \(m.regionChain.isEmpty ? "–" : m.regionChain.joined(separator: " › "))")
        facts.append("level \(m.level?.rawValue ?? "–")")
        facts.append("kind \(m.kind?.rawValue ?? "–")")
        facts.append("execution \(m.executionYear.map(String.init) ?? "–")")
        facts.append("budget \(m.budgetYear.map(String.init) ?? "–")")
        facts.append("period \(m.period ?? "–")")
        facts.append("date \(m.date ?? "–")")
        facts.append("\(report.paragraphs.count) paragraphs")
        out += facts.joined(separator: " · ") + "\n\n"
        for p in report.paragraphs {
            var cite = "¶\(p.number) L\(p.firstLine)"
            if p.lastLine != p.firstLine { cite += "–\(p.lastLine)" }
            if !p.section.isEmpty { cite += " · " + p.section.joined(separator: " › ") }
            cite += " · \(p.kind.rawValue)"
            if let y = p.year { cite += " \(y)" }
            out += cite + "\n" + p.text + "\n\n"
        }
        return out
    }
}

/// The JSON form, keys in the documented order:
/// `{"doc", "title", "region", "region_code", "region_chain", "level", "kind",
/// "years": {"execution", "budget"}, "period", "date", "source", "sources": {"region", "level",
/// "kind", "years", "period", "date"}, "paragraphs":
/// [{"n", "section", "lines": [first, last], "year", "kind", "text"}]}`; table rows add
/// `"table"`, glossary paragraphs `"term"`. Absent values are `null`, so every object
/// has the same keys.
///
/// JSONEncoder on Linux does not keep keys in the order they are encoded, so each value
/// is encoded by JSONEncoder (escaping, no `\/`, UTF-8 rather than `\u` escapes) and the
/// objects are assembled here in the documented order, one paragraph per line.
enum ParagraphsJSON {
    static func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        func json(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let m = report.metadata
        var out = "{\"doc\":\(try json(report.doc)),\"title\":\(try json(m.title))"
        out += ",\"region\":\(try json(m.region)),\"region_code\":\(try json(m.regionCode))"
        out += ",\"region_chain\":\(try json(m.regionChain)),\"level\":\(try json(m.level?.rawValue))"
        out += ",\"kind\":\(try json(m.kind?.rawValue))"
        out += ",\"years\":{\"execution\":\(json(m.executionYear)),\"budget\":\(json(m.budgetYear))}"
        out += ",\"period\":\(try json(m.period)),\"date\":\(try json(m.date)),\"source\":\(try json(m.source))"
        let s = m.sources
        out += ",\"sources\":{\"region\":\(try json(s.region.rawValue)),\"level\":\(try json(s.level.rawValue))"
        out += ",\"kind\":\(try json(s.kind.rawValue)),\"years\":\(try json(s.years.rawValue))"
        out += ",\"period\":\(try json(s.period.rawValue)),\"date\":\(try json(s.date.rawValue))}"
        out += ",\"paragraphs\":["
        for (i, p) in report.paragraphs.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "{\"n\":\(p.number),\"section\":\(try json(p.section))"
            out += ",\"lines\":[\(p.firstLine),\(p.lastLine)],\"year\":\(json(p.year))"
            out += ",\"kind\":\(try json(p.kind.rawValue)),\"text\":\(try json(p.text))"
            if let t = p.table {
                out += ",\"table\":{\"caption\":\(try json(t.caption)),\"unit\":\(try json(t.unit))"
                out += ",\"columns\":\(try json(t.columns)),\"cells\":\(try json(t.cells))}"
            }
            if let t = p.term { out += ",\"term\":\(try json(t))" }
            out += "}"
        }
        out += "\n]}\n"
        return out
    }
}
