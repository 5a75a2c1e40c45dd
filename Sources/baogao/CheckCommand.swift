import ArgumentParser
import BaogaoIndex
import Foundation

/// `baogao check`: the whole verification that opening an index no longer does
/// (every byte's CRC, then the structure: `IndexCheck`), on demand, as Lucene's
/// CheckIndex. Exit status 0 when the index is whole, 1 when a file is damaged
/// (each named), 2 when it cannot be checked at all.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every index file in full: checksums and structure, per segment.",
        discussion: """
            Reads every byte of every segment file: its CRC-32 against the file's footer and \
            the manifest, then every term, posting, position and stored paragraph. Searching \
            checks only headers, footers and lengths when it opens the index, so run this after \
            a disk or copy problem, or on a schedule. Exit status 0 when the index is whole, \
            1 when a file is damaged (each is named; baogao index repairs it), 2 when the index \
            cannot be checked (missing, or written by another version).
            """)

    @OptionGroup var location: IndexLocation

    func run() throws {
        let report: IndexCheck.Report
        do { report = try IndexCheck.run(path: location.index) } catch {
            guard case .damaged = error else { throw Terminal.fail(error.description) }
            print("MANIFEST damaged: \(error.problem)")
            throw ExitCode(Status.nothingFound)
        }
        for segment in report.segments { print(Self.line(segment)) }
        let damaged = report.segments.filter { $0.damage != nil }.count
        if damaged == 0 {
            print("index whole: \(report.segments.count) segment(s), generation \(report.generation)")
        } else {
            print("index damaged: \(damaged) of \(report.segments.count) segment(s) — run baogao index to repair")
            throw ExitCode(Status.nothingFound)
        }
    }

    static func line(_ s: IndexCheck.SegmentReport) -> String {
        if let damage = s.damage { return "\(s.name)  DAMAGED  \(damage.problem)" }
        let c = s.census ?? SegmentReader.Census()
        return "\(s.name)  ok  \(s.docs) paragraphs, \(s.reports) reports, \(Format.megabytes(s.bytes)); "
            + "\(c.terms) terms, \(c.postings) postings, \(c.positions) positions"
    }
}
