import BaogaoIngest
import CDeflate
import Foundation

/// Finds the report files of a corpus folder and fingerprints their contents.
///
/// A report file is a regular file whose name ends in `.txt`, `.md`, `.text`, `.pdf`,
/// `.html`, `.htm` or `.docx`,
/// anywhere under the folder, not hidden (no path component starting with `.`); which
/// reader it needs is told by its bytes (`ReportText`). Other files (a generator's
/// `manifest.tsv`, notes, images, old Word `.doc` and WPS files) are left alone, but counted by kind so
/// that `baogao index` can say what it did not read: a user who drops 12 Word files
/// into the folder must not believe they were searched.
public enum CorpusScanner {
    static let extensions: Set<String> = ["txt", "md", "text", "pdf", "html", "htm", "docx"]

    struct Entry {
        /// Relative to the corpus folder, `/`-separated.
        var path: String
        var size: Int
        /// When the file was last modified, if the file system says.
        var modified: Date?
    }

    struct Scan {
        var entries: [Entry]
        /// Files not read, by lower-cased extension (`pdf`, `docx`; "" for none), with
        /// their paths; the catalogue is not among them.
        var unread: [String: [String]]
    }

    static func scan(_ corpus: String) throws(IndexError) -> Scan {
        guard isCorpusFolder(corpus) else { throw .io(path: corpus, reason: "no such corpus folder") }
        guard let listing = list(corpus) else { throw .io(path: corpus, reason: "cannot list the corpus folder") }
        return Scan(entries: listing.entries.sorted { $0.path < $1.path }, unread: listing.unread.mapValues { $0.sorted() })
    }

    /// Whether `corpus` is a folder (a corpus may be empty, not missing).
    public static func isCorpusFolder(_ corpus: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The report files under `corpus`, in the order the folder lists them;
    /// nil when it cannot be listed. The one statement of which files a corpus
    /// holds: the indexer's scan and `IndexFreshness` both read it.
    static func reportFiles(_ corpus: String) -> [Entry]? {
        list(corpus)?.entries
    }

    /// Report files and the other files, unsorted; nil when the folder cannot be listed.
    private static func list(_ corpus: String) -> Scan? {
        guard let walker = FileManager.default.enumerator(atPath: corpus) else { return nil }
        var entries: [Entry] = []
        var unread: [String: [String]] = [:]
        while let relative = walker.nextObject() as? String {
            let attributes = walker.fileAttributes
            let components = relative.split(separator: "/")
            guard !components.contains(where: { $0.hasPrefix(".") }) else {
                if attributes?[.type] as? FileAttributeType == .typeDirectory { walker.skipDescendants() }
                continue
            }
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let name = components.last.map(String.init) ?? relative
            let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
            guard extensions.contains(ext) else {
                if !(components.count == 1 && Catalogue.fileNames.contains(name)) {
                    unread[ext, default: []].append(relative)
                }
                continue
            }
            entries.append(
                Entry(
                    path: relative, size: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
                    modified: attributes?[.modificationDate] as? Date))
        }
        return Scan(entries: entries, unread: unread)
    }

    /// `crc32-adler32-size` of the bytes, in hex: two independent 32-bit checksums
    /// and the length, so that an edited file is told apart from the old one
    /// whatever its modification time says.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var f = Fingerprint()
        f.add(bytes)
        return f.value
    }

    /// `fingerprint` of bytes that come in pieces: the same value as for the pieces
    /// joined, without joining them.
    struct Fingerprint {
        private var crc: UInt32 = 0
        private var adler: UInt32 = 1
        private var count = 0

        mutating func add(_ bytes: some Sequence<UInt8>) {
            let done: Void? = bytes.withContiguousStorageIfAvailable { p in
                crc = bg_crc32(crc, p.baseAddress, UInt64(p.count))
                adler = bg_adler32(adler, p.baseAddress, UInt64(p.count))
                count += p.count
            }
            if done == nil { add(Array(bytes)) }
        }

        var value: String { hex(crc) + "-" + hex(adler) + "-" + String(count) }
    }

    private static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
