import BaogaoAnalysis
import BaogaoIndex
import Dispatch

/// Every paragraph that mentions a term, grouped by the year it speaks of and
/// by report: how a policy term (过紧日子, 三保) runs through the years.
public struct MentionsResult: Sendable {
    public var term: String
    public var total: Int
    /// Oldest year first; paragraphs with no known year last.
    public var byYear: [YearMentions]
    public var tookMs: Double
}

public struct YearMentions: Sendable {
    public var year: Int?
    public var count: Int
    public var reports: [ReportMentions]
}

public struct ReportMentions: Sendable {
    public var doc: String
    public var region: String?
    public var title: String
    public var count: Int
    public var paragraphs: [Mention]
}

public struct Mention: Sendable {
    public var paragraph: Int
    public var lines: [Int]
    public var section: [String]
    public var snippet: Snippet
}

/// Follows a term (a policy word, a phrase, any query) across years and reports:
/// every paragraph that mentions it, grouped by the year it speaks of, then by
/// report, each with its snippet and lines.
public struct MentionFinder: SearcherFeature {
    let searcher: Searcher

    public init(_ searcher: Searcher) { self.searcher = searcher }

    /// `text` is a term, a phrase or any query of the query language, filters
    /// included (`过紧日子 region:江津区`). The year of a paragraph is the year its
    /// section speaks of, else its report's budget year.
    public func mentions(_ text: String) throws(SearchError) -> MentionsResult {
        try InputLimits.check(text, limit: InputLimits.question, what: "a term or query to follow")
        let start = DispatchTime.now()
        let query = try searcher.parse(text)
        let refs = try searcher.allMatches(query)
        let terms = (query.root?.positivePatterns ?? []).filter { !$0.isEmpty }
        // Reading, normalising and cutting a snippet from every paragraph is the
        // cost (41,000 paragraphs for 三保 on a 200 MB index): the segments side by side.
        let parts = try SegmentFanOut.map(refs, parallel: searcher.fansOut) { _, refs throws(SearchError) in
            let read: Result<[(IndexedParagraph, Mention)], SearchError> = self.snapshot.analyzers.with { analyzer in
                var out: [(IndexedParagraph, Mention)] = []
                for ref in refs {
                    if self.deadline.hasPassed { return .failure(.timeout) }
                    let p: IndexedParagraph
                    do throws(IndexError) { p = try self.index.paragraph(segment: ref.segment, doc: ref.doc) } catch {
                        return .failure(.index(error))
                    }
                    let normalized = analyzer.normalize(p.text)
                    let snippet = Snippet.make(original: p.text, highlights: Snippet.highlights(of: terms, in: normalized))
                    out.append(
                        (p, Mention(paragraph: p.number, lines: [p.firstLine, p.lastLine], section: p.section, snippet: snippet)))
                }
                return .success(out)
            }
            return try read.get()
        }
        var years: [Int?: [String: ReportMentions]] = [:]
        var reportOrder: [String] = []
        var seenReports = Set<String>()
        for (p, mention) in parts.joined() {
            let year = p.year ?? p.report.budgetYear
            if seenReports.insert(p.report.doc).inserted { reportOrder.append(p.report.doc) }
            years[year, default: [:]][
                p.report.doc,
                default: ReportMentions(
                    doc: p.report.doc, region: p.report.region,
                    title: p.report.title, count: 0, paragraphs: [])
            ]
            .paragraphs.append(mention)
        }
        var byYear: [YearMentions] = []
        for (year, reports) in years.sorted(by: { ($0.key ?? Int.max) < ($1.key ?? Int.max) }) {
            var list: [ReportMentions] = []
            for doc in reportOrder {
                guard var r = reports[doc] else { continue }
                r.count = r.paragraphs.count
                list.append(r)
            }
            byYear.append(YearMentions(year: year, count: list.reduce(0) { $0 + $1.count }, reports: list))
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return MentionsResult(term: text, total: refs.count, byYear: byYear, tookMs: took)
    }
}
