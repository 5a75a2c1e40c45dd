import ArgumentParser
import BaogaoIndex
import BaogaoQuery
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Describe the index: reports, paragraphs, terms, postings, sizes.")

    @OptionGroup var location: IndexLocation

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let engine = try location.openEngine()
        let stats = try Terminal.orFail { try engine.stats(deadline: .never) }
        if json {
            print(try JSONLines.line(stats))
            return
        }
        print(Self.render(stats))
    }

    static func render(_ s: IndexStats) -> String {
        let kinds = ["unigram", "bigram", "phrase", "word"].map { "\($0) \(s.terms[$0] ?? 0)" }.joined(separator: ", ")
        let files = ["terms", "post", "pos", "docs", "store", "facts", "manifest"]
            .map { "\($0) \(Format.megabytes(s.bytes[$0] ?? 0))" }.joined(separator: ", ")
        var lines = [
            "format        v\(s.formatVersion), \(s.analyzer), generation \(s.generation)",
            "reports       \(s.reports)" + (s.deletedReports > 0 ? " (+\(s.deletedReports) deleted, awaiting merge)" : ""),
            "paragraphs    \(s.paragraphs)",
            "segments      \(s.segments)",
            "terms         \(kinds)",
            "postings      \(s.postings): "
                + ["unigram", "bigram", "phrase", "word"]
                .map {
                    "\($0) \(Format.megabytes(s.postingBytesByKind[$0] ?? 0))"
                        + (s.positionBytesByKind[$0].map { " + positions \(Format.megabytes($0))" } ?? "")
                }
                .joined(separator: ", "),
            "facts         \(s.facts)",
            "index         \(Format.megabytes(s.indexBytes)): \(files)",
            "corpus        \(Format.megabytes(s.corpusBytes))",
            String(format: "index/corpus  %.2f", s.indexToCorpus)
        ]
        for f in s.skippedFiles { lines.append("skipped       \(f.reason)") }
        return lines.joined(separator: "\n")
    }
}
