import Foundation

/// Whether an index is older than its corpus, decided without reading the
/// reports: the REPL must show its prompt fast when nothing changed.
///
/// The index is stale when the set of report files (`CorpusScanner`'s rule,
/// the one the indexer uses) or one of their sizes differs from what the
/// manifest recorded, or when a report file was modified after the index
/// folder last changed (a commit renames the manifest into the folder). Only
/// then need a caller run `IndexUpdater.update`, which compares contents and
/// is the judge; a false alarm here costs one cheap update.
public enum IndexFreshness {
    /// Why the index at hand does not reflect `corpus`, or nil when it does
    /// (or when the corpus cannot be listed: then there is nothing to update from).
    public static func staleness(of reader: IndexReader, corpus: String) -> String? {
        guard let files = CorpusScanner.reportFiles(corpus) else { return nil }
        let indexChanged =
            (try? FileManager.default.attributesOfItem(atPath: reader.path)[.modificationDate] as? Date)
            ?? .distantPast
        var recorded: [String: Int] = [:]
        for segment in reader.manifest.segments {
            let deleted = Set(segment.deleted)
            for (i, source) in segment.reports.enumerated() where !deleted.contains(i) { recorded[source.path] = source.bytes }
        }
        for skipped in reader.manifest.skipped { recorded[skipped.source.path] = skipped.source.bytes }
        for file in files {
            guard let bytes = recorded[file.path] else { return "\(file.path) is new" }
            if bytes != file.size { return "\(file.path) changed" }
            if let modified = file.modified, modified > indexChanged {
                return "\(file.path) was modified after the last index update"
            }
        }
        return files.count == recorded.count ? nil : "\(recorded.count - files.count) report file(s) were removed"
    }
}
