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
            throw ValidationError(error.description)
        }
        for p in report.paragraphs {
            print("¶\(p.number) L\(p.firstLine)–\(p.lastLine)  \(p.text)")
        }
    }
}
