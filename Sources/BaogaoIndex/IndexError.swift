/// Everything that can go wrong with an index, each naming the file it concerns,
/// rendered to text in one place. Damaged, too old and too new are different
/// errors: only the first means the bytes are bad.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No manifest in the index folder.
    case missing(folder: String)
    /// A file's checksum, header, length or contents are not what was written.
    case damaged(file: String, reason: String)
    /// The file was written by a newer version of Baogao.
    case tooNew(file: String, version: UInt32)
    /// The file was written by an older format version that this build no longer reads.
    case tooOld(file: String, version: UInt32)
    /// Another process holds the writer lock.
    case locked(path: String)
    /// A system call failed.
    case io(path: String, reason: String)
    /// The index was built by another analyzer (or ICU version): its terms would not
    /// match what this build makes of a query.
    case analyzerChanged(indexed: String, current: String)
    /// The index holds the reports of another corpus folder, which still exists:
    /// updating it from this one would drop every report of that one.
    case otherCorpus(indexed: String, given: String)

    /// What is wrong, without the advice on what to run: for a damaged file, the file
    /// and the damage (what a repair line reports).
    public var problem: String {
        if case .damaged(let file, let reason) = self { return "\(file): \(reason)" }
        return description
    }

    public var description: String {
        switch self {
        case .missing(let folder):
            return "no index in \(folder) — run baogao index"
        case .damaged(let file, let reason):
            return "index damaged: \(file): \(reason) — run baogao index to repair it"
        case .tooNew(let file, let version):
            return "index file \(file) has format version \(version), newer than this baogao reads "
                + "(\(IndexFormat.version)) — upgrade baogao, or run baogao index --rebuild"
        case .tooOld(let file, let version):
            return "index file \(file) has old format version \(version) (this baogao reads "
                + "\(IndexFormat.version)) — run baogao index, which rebuilds it"
        case .locked(let path):
            return "another baogao index is writing this index (lock held on \(path)); try again when it is done"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .analyzerChanged(let indexed, let current):
            return
                "the index was built with \(indexed), this baogao analyses text with \(current) — run baogao index, which rebuilds it"
        case .otherCorpus(let indexed, let given):
            return "the index holds the reports of \(indexed), not of \(given): updating it would drop them all"
                + " — give --corpus \(indexed), another --index, or --rebuild to replace it"
        }
    }
}
