import ArgumentParser
import BaogaoIngest
import BaogaoQuery
import Foundation

struct DefineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "define",
        abstract: "Look a term up in the reports' glossaries (名词解释): every report's definition.")

    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @Flag(help: "Print one JSON object.")
    var json = false

    @Argument(help: "The term, e.g. 三保 or 预算稳定调节基金.")
    var term: String

    func validate() throws {
        guard !Whitespace.isBlank(term) else {
            throw ValidationError("give a term, e.g. baogao define 三保")
        }
    }

    func run() throws {
        let engine = try location.openEngine()
        let result = try Terminal.orFail { try engine.define(term, deadline: .never) }
        print(json ? try JSONLines.line(result) : DefinitionPrinter.render(result, color: colors.enabled))
        try Status.finish(found: !result.definitions.isEmpty)
    }
}

/// Each report's definition of a term, with its citation.
enum DefinitionPrinter {
    static func render(_ result: DefineResult, color: Bool) -> String {
        guard !result.definitions.isEmpty else { return "no glossary entry for \(result.term)" }
        var out: [String] = []
        for d in result.definitions {
            out.append("\(d.term)：\(d.text)")
            out.append("  " + Highlighter.dim(Citation.line(d.citation, year: d.year), color: color))
        }
        return out.joined(separator: "\n")
    }
}
