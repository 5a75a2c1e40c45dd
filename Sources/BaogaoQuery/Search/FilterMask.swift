import BaogaoIndex
import BaogaoIngest

/// Which documents of a segment a query may return at all: not deleted, and
/// passing the query's filters. Filters on reports and sections are decided
/// once per report and per section, so the per-document test is a few loads.
struct FilterMask {
    private let segment: SegmentReader
    private let years: [ClosedRange<Int>]
    /// nil when no filter concerns reports (the common case: no per-report work).
    private let reportAllowed: [Bool]?
    private let sectionAllowed: [Bool]?

    /// `labels` are the segment's folded labels: reading them reads the report
    /// and section tables, which checks every paragraph's indexes into them.
    init(segment: SegmentReader, filters: Filters, labels: () throws(SearchError) -> FoldedLabels) throws(SearchError) {
        self.segment = segment
        years = filters.years
        let needsReports = filters.concernsReports
        let folded: FoldedLabels? = needsReports || !filters.sections.isEmpty ? try labels() : nil
        if needsReports, let folded {
            let filter = ReportFilter(filters)
            reportAllowed = try SearchError.reading { () throws(IndexError) in
                try (0..<segment.reportCount).map { (r) throws(IndexError) in
                    try filter.allows(r, segment: segment, labels: folded)
                }
            }
        } else {
            reportAllowed = nil
        }
        if !filters.sections.isEmpty, let folded {
            let sections = filters.sections.map { Array($0.folded.unicodeScalars) }
            sectionAllowed = folded.sections.map { path in sections.contains { FoldedLabels.contains(path, $0) } }
        } else {
            sectionAllowed = nil
        }
    }

    /// True when every live document passes: no filters and no deletions.
    var allowsEverything: Bool {
        reportAllowed == nil && sectionAllowed == nil && years.isEmpty && segment.liveDocCount == segment.docCount
    }

    @inline(__always)
    func allows(_ doc: UInt32) -> Bool {
        let d = Int(doc)
        if segment.isDeleted(d) { return false }
        if let reportAllowed, !reportAllowed[segment.reportIndex(d)] { return false }
        if let sectionAllowed, !sectionAllowed[segment.sectionIndex(d)] { return false }
        if !years.isEmpty {
            guard let y = segment.year(d), years.contains(where: { $0.contains(y) }) else { return false }
        }
        return true
    }

    /// Every allowed document.
    func all() -> DocSet {
        var out = DocSet()
        for d in 0..<UInt32(segment.docCount) where allows(d) { out.append(d, 0) }
        return out
    }
}

/// A segment's report regions, file names and section paths (joined with
/// " › "), folded like query text. Filters compare against them on every
/// query, so a searcher folds them once per segment, as scalars: folding
/// thousands of paths per query, and comparing them as `String`s, cost more
/// than the search itself.
struct FoldedLabels: Sendable {
    let regions: [[Unicode.Scalar]]
    /// Per report: the gazetteer codes of its region and every division above it.
    let regionChains: [Set<String>]
    let docs: [[Unicode.Scalar]]
    let sections: [[Unicode.Scalar]]

    init(segment: SegmentReader, fold: (String) -> String) throws(IndexError) {
        let reports = try segment.reports
        regions = reports.map { Array(fold($0.region ?? "").unicodeScalars) }
        regionChains = reports.map { r in
            guard let code = r.metadata.regionCode, let d = Gazetteer.shared.division(code: code) else { return [] }
            return Set(Gazetteer.shared.chain(of: d).map(\.code))
        }
        docs = reports.map { Array(fold($0.doc).unicodeScalars) }
        sections = try segment.sectionPaths.map { Array(fold($0.joined(separator: " › ")).unicodeScalars) }
    }

    static func contains(_ text: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
        Occurrences.contains(part, in: text)
    }
}
