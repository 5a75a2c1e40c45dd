import BaogaoIndex
import BaogaoQuery
import Foundation

/// `:mentions TERM` until the mentions engine is merged: every paragraph that
/// matches (`Searcher.allMatches`, grep's recall), counted per report year and
/// per report, drawn as a bar chart. Grouping only; the matching is the engine's.
enum MentionsChart {
    struct ReportCount: Encodable {
        var doc: String
        var region: String?
        var year: Int?
        var count: Int
        /// Paragraph ids (`doc#n`), in report order.
        var paragraphs: [String]
    }

    struct YearCount: Encodable {
        var year: Int?
        var count: Int
        var reports: [ReportCount]
    }

    struct Mentions: Encodable {
        var term: String
        var total: Int
        var years: [YearCount]
    }

    static func run(_ term: String, context: ReplContext) throws(ReplFailure) -> String {
        let mentions = try count(term, searcher: context.searcher, isInterrupted: context.isInterrupted)
        if context.json {
            do { return try JSONLine.encode(mentions) } catch { throw ReplFailure("cannot encode mentions: \(error)") }
        }
        return render(mentions, color: context.color, width: context.width ?? 80)
    }

    static func count(_ term: String, searcher: Searcher, isInterrupted: () -> Bool) throws(ReplFailure) -> Mentions {
        let refs: [IndexedParagraphRef]
        do {
            refs = try searcher.allMatches(try searcher.parse(term))
        } catch .syntax(let e) {
            throw ReplFailure(e.message + "\n" + e.rendered)
        } catch {
            throw ReplFailure(error.description)
        }
        var byDoc: [String: ReportCount] = [:]
        for ref in refs {
            if isInterrupted() { throw ReplFailure.interrupted }
            let report = searcher.index.report(segment: ref.segment, doc: ref.doc)
            let id = searcher.index.paragraphID(segment: ref.segment, doc: ref.doc)
            byDoc[report.doc, default: ReportCount(doc: report.doc, region: report.region,
                                                   year: report.budgetYear ?? report.executionYear,
                                                   count: 0, paragraphs: [])].count += 1
            byDoc[report.doc]?.paragraphs.append(id)
        }
        let years = Dictionary(grouping: byDoc.values, by: \.year)
            .map { YearCount(year: $0.key, count: $0.value.reduce(0) { $0 + $1.count },
                             reports: $0.value.sorted { ($0.count, $1.doc) > ($1.count, $0.doc) }) }
            .sorted { ($0.year ?? 0) < ($1.year ?? 0) }
        return Mentions(term: term, total: refs.count, years: years)
    }

    static func render(_ m: Mentions, color: Bool, width: Int) -> String {
        guard m.total > 0 else { return "no paragraphs mention \(m.term)" }
        let reports = m.years.reduce(0) { $0 + $1.reports.count }
        var lines = ["\(m.term): \(m.total) paragraph\(m.total == 1 ? "" : "s") in \(reports) report\(reports == 1 ? "" : "s")"]
        let most = max(1, m.years.map(\.count).max() ?? 1)
        let barRoom = max(10, min(40, width - 16))
        for y in m.years {
            let length = max(1, Int((Double(y.count) / Double(most) * Double(barRoom)).rounded()))
            let bar = String(repeating: "█", count: length)
            let label = y.year.map(String.init) ?? "----"
            lines.append("\(label)  " + (color ? "\u{1B}[36m" + bar + "\u{1B}[0m" : bar) + " \(y.count)")
            for r in y.reports {
                let who = [r.region, r.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
                let first = r.paragraphs.first.map { " · first " + $0 } ?? ""
                lines.append(Highlighter.dim("      \(r.count) in " + (who.isEmpty ? "" : who + " · ") + r.doc + first, color: color))
            }
        }
        return lines.joined(separator: "\n")
    }
}
