import BaogaoAnalysis
import BaogaoIndex
import Synchronization

/// One committed index and what queries learn of it once and keep: analyzers,
/// each segment's word terms and folded labels, the regions of its reports,
/// folded labels and questions. Everything here is read without a deadline: it
/// is the same for every command, and the command's `Searcher` checks its own.
/// Shared by every `Searcher` made from it, on any number of threads; it dies
/// with the last of them, when a newer generation has replaced it.
public final class IndexSnapshot: Sendable {
    public let index: IndexReader
    let analyzers = AnalyzerPool()
    let wordTermCache = Mutex<[Int: [(text: String, key: [UInt8])]]>([:])
    let joinedBigramCache = Mutex<[Int: Set<[UInt8]>]>([:])
    let labelCache = Mutex<[Int: FoldedLabels]>([:])
    /// `knownRegions`, read from every report once (every question needs them).
    let regionCache = Mutex<[String]?>(nil)
    /// Labels and questions folded for answers (`foldForAnswers`): a million fact
    /// labels fold to a few thousand strings. Per snapshot, not per process, so
    /// two indexes never share (or grow) one table.
    let labelFolds = Mutex<[String: String]>([:])
    /// `indexRegions`: the regions with their gazetteer codes, read once.
    let indexRegionCache = Mutex<[IndexRegion]?>(nil)
    /// Indexes of fewer paragraphs search their segments on the calling thread.
    public let fanOutMinimumDocs: Int

    public init(index: IndexReader, fanOutMinimumDocs: Int = Searcher.defaultFanOutMinimumDocs) {
        self.index = index
        self.fanOutMinimumDocs = fanOutMinimumDocs
    }
}

extension IndexSnapshot {
    /// The regions of the index's reports, as their metadata names them.
    public var knownRegions: [String] {
        get throws(SearchError) {
            if let known = regionCache.withLock({ $0 }) { return known }
            let regions = try readRegions()
            regionCache.withLock { $0 = regions }
            return regions
        }
    }

    /// The regions of the index's reports with their gazetteer codes, for reading
    /// the places questions name (`QuestionRegions`).
    public var indexRegions: [IndexRegion] {
        get throws(SearchError) {
            if let known = indexRegionCache.withLock({ $0 }) { return known }
            var seen = Set<IndexRegion>()
            var out: [IndexRegion] = []
            for segment in index.segments {
                for r in 0..<segment.reportCount {
                    let report = try SearchError.reading { () throws(IndexError) in try segment.report(r) }
                    guard let name = report.region else { continue }
                    let region = IndexRegion(name: name, code: report.metadata.regionCode)
                    if seen.insert(region).inserted { out.append(region) }
                }
            }
            indexRegionCache.withLock { $0 = out }
            return out
        }
    }

    private func readRegions() throws(SearchError) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for segment in index.segments {
            for r in 0..<segment.reportCount {
                let report = try SearchError.reading { () throws(IndexError) in try segment.report(r) }
                if let region = report.region, seen.insert(region).inserted { out.append(region) }
            }
        }
        return out
    }

    /// Folded (NFKC, Traditional → Simplified, lower case) without quotes or spaces.
    /// Labels repeat across questions and folding is the costliest step of
    /// ranking, so folds are remembered, per snapshot and bounded.
    func foldForAnswers(_ s: String) -> String {
        if let known = labelFolds.withLock({ $0[s] }) { return known }
        let folded = LabelFolding.fold(
            analyzers.with { $0.normalize(s).string }.filter {
                !QuestionParser.quoteCharacters.contains($0) && $0 != " "
            })
        labelFolds.withLock { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[s] = folded
        }
        return folded
    }

    /// A term of a query the engine builds itself (no user text, so no span),
    /// folded as the parser folds document text.
    func internalTerm(_ text: String) -> Term {
        Term(original: text, folded: analyzers.with { $0.normalize(text).string }, span: 0..<0)
    }
}
