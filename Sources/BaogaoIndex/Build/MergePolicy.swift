import BaogaoAnalysis
import BaogaoIngest

/// When and what to merge.
///
/// Every query visits every segment, so their number must stay small; but each
/// run of `baogao index` after a yearly report adds one small segment, and
/// rewriting the big ones for it would make a one-report update cost a rebuild.
/// So: while there are at most `maxSegments` segments nothing is merged; past
/// that, the smallest segments are merged into one until `mergedCount` remain —
/// the big segments are rarely among them, so merges stay proportional to recent
/// updates. A segment more than half of whose reports are deleted is rewritten
/// too, so replaced reports do not linger. Fully deleted segments are dropped
/// before this runs.
///
/// A merge re-reads the paragraphs of the merged segments from their stores and
/// indexes them again (no corpus files are needed). That repeats analysis, but
/// it keeps one code path for writing segments, and merged segments are the small ones.
public struct MergePolicy: Sendable {
    public var maxSegments = 8
    public var mergedCount = 4
    public var purgeRatio = 0.5
    /// How a merged segment chooses its phrase terms: from its own paragraphs.
    public var phrases = PhrasePolicy()

    public init() {}

    /// Merges in place; returns how many segments were merged away.
    func apply(to manifest: inout Manifest, folder: IndexFolder, sink: FileSink) throws(IndexError) -> Int {
        var chosen = Set<String>()
        for s in manifest.segments where Double(Set(s.deleted).count) > purgeRatio * Double(s.reports.count) {
            chosen.insert(s.name)
        }
        if manifest.segments.count > maxSegments {
            let bySize = manifest.segments.sorted { $0.docs < $1.docs }
            for s in bySize.prefix(manifest.segments.count - mergedCount + 1) { chosen.insert(s.name) }
        }
        guard !chosen.isEmpty else { return 0 }

        let builder = SegmentBuilder(analyzer: Analyzer(), phrases: phrases)
        for entry in manifest.segments where chosen.contains(entry.name) {
            let segment = try SegmentReader(folder: folder, entry: entry, verifyChecksums: true)
            for (report, source) in try segment.liveReports() {
                builder.add(report, source: source)
            }
        }
        manifest.segments.removeAll { chosen.contains($0.name) }
        if !builder.isEmpty {
            let name = IndexUpdater.segmentName(manifest.nextSegment)
            manifest.nextSegment += 1
            manifest.segments.append(
                try SegmentWriter.write(
                    builder, name: name, analyzer: Analyzer.identifier,
                    folder: folder, sink: sink))
        }
        return chosen.count
    }
}

extension SegmentReader {
    /// The reports of this segment that are not deleted, read back from the store.
    func liveReports() throws(IndexError) -> [(Report, SourceFile)] {
        var out: [(Report, SourceFile)] = []
        let deleted = Set(entry.deleted)
        for (r, record) in docs.reports.enumerated() where !deleted.contains(r) {
            var paragraphs: [Paragraph] = []
            let first = Int(record.firstDoc)
            var block: (first: Int, paragraphs: [StoredParagraph]) = (0, [])
            for d in first..<first + Int(record.paragraphCount) {
                if d < block.first || d >= block.first + block.paragraphs.count {
                    block = try store.block(containing: d)
                }
                let stored = block.paragraphs[d - block.first]
                let year = docs.year(d)
                paragraphs.append(
                    Paragraph(
                        number: d - first + 1, text: stored.text,
                        section: docs.sections[Int(docs.sectionIndex(d))],
                        firstLine: stored.firstLine, lastLine: stored.lastLine,
                        year: year == 0 ? nil : year, kind: stored.kind, table: stored.table,
                        lineStarts: stored.lineStarts))
            }
            out.append((Report(doc: record.source.path, metadata: record.metadata, paragraphs: paragraphs), record.source))
        }
        return out
    }
}
