import BaogaoIndex

/// Which documents of a segment a query may return at all: not deleted, and
/// passing the query's filters. Filters on reports and sections are decided
/// once per report and per section, so the per-document test is a few loads.
struct FilterMask {
    private let segment: SegmentReader
    private let years: [ClosedRange<Int>]
    /// nil when no filter concerns reports (the common case: no per-report work).
    private let reportAllowed: [Bool]?
    private let sectionAllowed: [Bool]?

    init(segment: SegmentReader, filters: Filters, fold: (String) -> String) {
        self.segment = segment
        years = filters.years
        if filters.regions.isEmpty && filters.docs.isEmpty {
            reportAllowed = nil
        } else {
            reportAllowed = (0..<segment.reportCount).map { r in
            let report = segment.report(r)
            let region = fold(report.region ?? "")
            let doc = fold(report.doc)
            let regionOK = filters.regions.isEmpty || filters.regions.contains { region.contains($0.folded) }
            let docOK = filters.docs.isEmpty || filters.docs.contains { doc.hasPrefix($0.folded) || doc.contains($0.folded) }
            return regionOK && docOK
            }
        }
        if filters.sections.isEmpty {
            sectionAllowed = nil
        } else {
            sectionAllowed = segment.sectionPaths.map { path in
                let text = fold(path.joined(separator: " › "))
                return filters.sections.contains { text.contains($0.folded) }
            }
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
