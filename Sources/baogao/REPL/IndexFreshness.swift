import BaogaoIndex
import Foundation

/// Whether the index is older than the corpus, decided without reading the
/// reports: the REPL must show its prompt fast when nothing changed.
///
/// The index is stale when the set of report files or one of their sizes
/// differs from what the manifest recorded, or when a report file was modified
/// after the index folder last changed (a commit renames the manifest into the
/// folder). Only then does the REPL run `IndexUpdater.update`, which compares
/// contents and is the judge; a false alarm here costs one cheap update.
enum IndexFreshness {
    /// Same rule as the indexer's corpus scan: .txt, .md, .text files, no hidden path component.
    static let reportExtensions: Set<String> = ["txt", "md", "text"]

    /// Why the index at hand does not reflect `corpus`, or nil when it does.
    static func staleness(of reader: IndexReader, corpus: String) -> String? {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: corpus) else { return nil }
        let indexChanged = (try? fm.attributesOfItem(atPath: reader.path)[.modificationDate] as? Date) ?? .distantPast
        var recorded: [String: Int] = [:]
        for segment in reader.manifest.segments {
            let deleted = Set(segment.deleted)
            for (i, source) in segment.reports.enumerated() where !deleted.contains(i) { recorded[source.path] = source.bytes }
        }
        for skipped in reader.manifest.skipped { recorded[skipped.source.path] = skipped.source.bytes }
        var seen = 0
        while let relative = walker.nextObject() as? String {
            let attributes = walker.fileAttributes
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                if attributes?[.type] as? FileAttributeType == .typeDirectory { walker.skipDescendants() }
                continue
            }
            guard attributes?[.type] as? FileAttributeType == .typeRegular,
                  relative.contains("."), let ext = relative.split(separator: ".").last,
                  reportExtensions.contains(ext.lowercased()) else { continue }
            seen += 1
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            guard let bytes = recorded[relative] else { return "\(relative) is new" }
            if bytes != size { return "\(relative) changed" }
            if let modified = attributes?[.modificationDate] as? Date, modified > indexChanged {
                return "\(relative) was modified after the last index update"
            }
        }
        return seen == recorded.count ? nil : "\(recorded.count - seen) report file(s) were removed"
    }

    static func corpusExists(_ corpus: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder) && isFolder.boolValue
    }
}
