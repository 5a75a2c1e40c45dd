/// Why a search with a `region:` filter may find nothing: the filter names no region
/// of the index (`region:北京` in an index of 江津区, 解放区 and 焦作市). Ask says so
/// for a question; search said only "no paragraphs match".
extension Searcher {
    /// Regions listed in full up to this many; beyond, the closest this many.
    static let regionsListed = 8

    /// For each `region:` filter of `text` that matches no region of the index (a
    /// filter matches a region containing it, as the filter does), a line naming it
    /// and the index's closest regions by shared characters; nil when there is none.
    /// Throws only for a damaged report table.
    public func regionHint(for text: String) throws(SearchError) -> String? {
        guard let query = try? parse(text), !query.filters.regions.isEmpty else { return nil }
        let regions = try snapshot.knownRegions.sorted()
        let folded = snapshot.analyzers.with { a in regions.map { a.normalize($0).string } }
        // A division of the gazetteer above some report's region is a region of the index
        // too (`region:贵州` with reports of 黄平县), though no region contains its text.
        let chains = try withAnalyzer { a throws(SearchError) in
            var chains: [Set<String>] = []
            for s in index.segments.indices { chains += try foldedLabels(s, analyzer: a).regionChains }
            return chains
        }
        let unknown = query.filters.regions.filter { filter in
            !folded.contains { $0.contains(filter.folded) } && !ReportFilter.names(filter, anyOf: chains)
        }
        guard !unknown.isEmpty else { return nil }
        return unknown.map { filter in
            let head = "\(filter.original) is no region of the index"
            guard regions.count > Self.regionsListed else {
                return head + " (regions: \(regions.joined(separator: "、")))"
            }
            let asked = Set(filter.folded)
            let closest = zip(regions, folded)
                .map { (region: $0.0, shared: Set($0.1).intersection(asked).count) }
                .sorted { ($1.shared, $0.region) < ($0.shared, $1.region) }
                .prefix(Self.regionsListed).map(\.region)
            return head + " (it has \(regions.count) regions; the closest: \(closest.joined(separator: "、")))"
        }.joined(separator: "\n")
    }
}
