import BaogaoIndex
import BaogaoIngest
import Dispatch

/// Every indexed report, with what the index knows of it: `baogao reports`, `:reports`
/// and the server's `REPORTS`. Filters narrow the list the way they narrow a search —
/// `region:`, `kind:`, `level:`, `doc:`, and `year:` on the report's years (execution
/// or budget) — so a user can check what the index made of a folder before asking it.
public struct ReportsResult: Sendable {
    public var query: String
    public var reports: [ReportListing]
    public var tookMs: Double
}

/// One report: its metadata (with each field's source), and how much was indexed of it.
public struct ReportListing: Sendable {
    public var doc: String
    public var metadata: ReportMetadata
    public var paragraphs: Int
    public var facts: Int
}

extension Searcher {
    /// The live reports passing the filters of `text` (empty: all), by file path. Text
    /// terms, ranges and `section:` are refused: they select paragraphs, not reports.
    public func reports(_ text: String) throws(SearchError) -> ReportsResult {
        let start = DispatchTime.now()
        var filters = Filters()
        if !Whitespace.isBlank(text) {
            let query = try parse(text)
            if query.root != nil || !query.filters.sections.isEmpty {
                throw .unsupported(
                    position: 0,
                    message: "reports takes only report filters: region:, kind:, level:, year:, doc: (as in region:贵州 kind:决算)")
            }
            filters = query.filters
        }
        let filter = ReportFilter(filters)
        var out: [ReportListing] = []
        for (s, segment) in index.segments.enumerated() {
            try deadline.check()
            let labels = try withAnalyzer { a throws(SearchError) in try foldedLabels(s, analyzer: a) }
            try SearchError.reading { () throws(IndexError) in
                for r in 0..<segment.reportCount {
                    if let listing = try listing(r, of: segment, filter: filter, years: filters.years, labels: labels) {
                        out.append(listing)
                    }
                }
            }
        }
        out.sort { $0.doc < $1.doc }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return ReportsResult(query: text, reports: out, tookMs: took)
    }

    /// Report `r` of `segment` as listed, or nil when it is deleted or the filters refuse it.
    private func listing(
        _ r: Int, of segment: SegmentReader, filter: ReportFilter, years: [ClosedRange<Int>], labels: FoldedLabels
    ) throws(IndexError) -> ReportListing? {
        let docs = try segment.docs(ofReport: r)
        // A replaced or removed report's paragraphs are all deleted.
        if !docs.isEmpty, segment.isDeleted(docs.lowerBound) { return nil }
        guard try filter.allows(r, segment: segment, labels: labels) else { return nil }
        let report = try segment.report(r)
        let m = report.metadata
        if !years.isEmpty {
            let own = [m.executionYear, m.budgetYear].compactMap { $0 }
            guard own.contains(where: { y in years.contains { $0.contains(y) } }) else { return nil }
        }
        let facts = try segment.facts
        let count =
            docs.isEmpty
            ? 0 : facts.facts(ofDoc: docs.upperBound - 1).upperBound - facts.facts(ofDoc: docs.lowerBound).lowerBound
        return ReportListing(doc: report.doc, metadata: m, paragraphs: report.paragraphCount, facts: count)
    }
}
