import BaogaoIndex
import BaogaoIngest

/// The filters that concern a whole report — `region:`, `kind:`, `level:`, `doc:` —
/// decided once per report: by `FilterMask` for searches and by `reports` for the list.
///
/// `region:` matches a report when the report's region contains the value as text (the
/// first behaviour, kept for regions without a gazetteer code: `region:江津` finds 江津区,
/// `region:长安` the township 长安镇), or when the value names a division of the gazetteer
/// (official name or short form: 贵州, 贵州省, 黔东南, 黔东南州) that is the report's region
/// or above it in its chain — so `region:贵州` finds every report of a county of 贵州省.
struct ReportFilter {
    private let regions: [(text: [Unicode.Scalar], codes: Set<String>)]
    private let docs: [[Unicode.Scalar]]
    private let kinds: Set<ReportMetadata.Kind>
    private let levels: Set<ReportMetadata.Level>

    init(_ filters: Filters) {
        regions = filters.regions.map { t in
            let named = Gazetteer.shared.divisions(named: t.original) + Gazetteer.shared.divisions(named: t.folded)
            return (Array(t.folded.unicodeScalars), Set(named.map(\.code)))
        }
        docs = filters.docs.map { Array($0.folded.unicodeScalars) }
        kinds = Set(filters.kinds.map(\.kind))
        levels = Set(filters.levels.map(\.level))
    }

    /// Whether report `r` of `segment` passes; `labels` are the segment's folded labels.
    func allows(_ r: Int, segment: SegmentReader, labels: FoldedLabels) throws(IndexError) -> Bool {
        if !regions.isEmpty,
            !regions.contains(where: { f in
                FoldedLabels.contains(labels.regions[r], f.text) || !f.codes.isDisjoint(with: labels.regionChains[r])
            })
        {
            return false
        }
        if !docs.isEmpty, !docs.contains(where: { FoldedLabels.contains(labels.docs[r], $0) }) { return false }
        if !kinds.isEmpty || !levels.isEmpty {
            let m = try segment.report(r).metadata
            if !kinds.isEmpty, !(m.kind.map(kinds.contains) ?? false) { return false }
            if !levels.isEmpty, !(m.level.map(levels.contains) ?? false) { return false }
        }
        return true
    }

    /// Whether a gazetteer division named by the filter value contains the region `code`
    /// (for `regionHint`: such a filter names a region of the index even when no region
    /// contains its text).
    static func names(_ t: Term, anyOf chains: [Set<String>]) -> Bool {
        let codes = Set((Gazetteer.shared.divisions(named: t.original) + Gazetteer.shared.divisions(named: t.folded)).map(\.code))
        return chains.contains { !$0.isDisjoint(with: codes) }
    }
}
