import ArgumentParser
import BaogaoIngest
import BaogaoQuery
import Foundation

struct ParagraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paragraphs",
        abstract: "Print a report's metadata and every paragraph with its citation.")

    @Argument(help: "The report file.")
    var file: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var sizeLimit: FileSizeLimit

    func run() throws {
        let report: Report
        do {
            // The catalogue of the file's folder applies, as it would when indexed.
            let folder = (file as NSString).deletingLastPathComponent
            report = try ReportReader.read(
                fileAt: file, catalogue: Catalogue.load(corpus: folder.isEmpty ? "." : folder), sizeLimit: sizeLimit.bytes)
        } catch {
            throw Terminal.fail("\(file): \(error.reason)")
        }
        for w in report.warnings { Terminal.printError("warning: \(w)") }
        if json {
            let text: String
            do {
                text = try ReportParagraphsJSON.render(report)
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
            if let page = PageLines.citation(firstLine: p.firstLine, lastLine: p.lastLine, pageStarts: m.pageStarts) {
                cite += " (\(page))"
            }
            if !p.section.isEmpty { cite += " · " + p.section.joined(separator: " › ") }
            cite += " · \(p.kind.rawValue)"
            if let y = p.year { cite += " \(y)" }
            out += cite + "\n" + p.text + "\n\n"
        }
        return out
    }
}
