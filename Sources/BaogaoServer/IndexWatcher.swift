import BaogaoIndex
import BaogaoQuery
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Holds the index the server answers from, and replaces it when `baogao
/// index` commits a new one. An `IndexReader` is immutable, so a new commit
/// means a new reader: requests take the current engine when they start and
/// keep it to the end, so in-flight requests finish on the old reader while
/// new ones see the new commit. The old reader is freed with its last request.
///
/// A commit renames a new MANIFEST into place (ARCHITECTURE.md, decision 5), so a
/// change of its inode, size or mtime is the signal; `poll()` checks that
/// cheaply (one stat) and opens the new index only when it changed.
public final class IndexWatcher: Sendable {
    public let path: String
    private let state: Mutex<State>
    /// Serialises reloads, so a poll and a RELOAD never open the index twice.
    private let reloading = Mutex<Void>(())
    private let logger: Logger

    private struct State {
        var engine: Engine
        var stamp: FileStamp?
    }

    /// Opens the index at `path`; throws if there is none (the server does
    /// not start without an index).
    public init(path: String, logger: Logger) throws(IndexError) {
        self.path = path
        self.logger = logger
        let stamp = FileStamp(path: path + "/MANIFEST")
        let reader = try IndexReader.open(path: path)
        state = Mutex(State(engine: Engine(index: reader), stamp: stamp))
    }

    /// The engine new requests run on.
    public var current: Engine { state.withLock { $0.engine } }

    public var generation: Int { current.index.manifest.generation }

    /// Whether MANIFEST looks different from the one last loaded. Cheap: one stat.
    public var manifestChanged: Bool {
        let now = FileStamp(path: path + "/MANIFEST")
        return state.withLock { now != $0.stamp }
    }

    /// Reloads if MANIFEST changed since the last load (or always, with
    /// `force`). Blocks while the new index is opened and verified: call it
    /// off the event loop. Returns whether a new generation was loaded.
    @discardableResult
    public func reload(force: Bool = false) throws(IndexError) -> Bool {
        try reloading.withLock { _ in reloadLocked(force: force) }.get()
    }

    private func reloadLocked(force: Bool) -> Result<Bool, IndexError> {
        let stamp = FileStamp(path: path + "/MANIFEST")
        let (old, seen) = state.withLock { ($0.engine, $0.stamp) }
        guard force || stamp != seen else { return .success(false) }
        let reader: IndexReader
        do {
            reader = try IndexReader.open(path: path)
        } catch {
            logger.error("cannot reload the index", metadata: ["path": "\(path)", "error": "\(error)"])
            return .failure(error)
        }
        let changed = reader.manifest != old.index.manifest
        state.withLock { s in
            // Same commit (a forced RELOAD with nothing new): keep the old
            // engine and its snapshot's warm caches.
            if changed { s.engine = Engine(index: reader) }
            s.stamp = stamp
        }
        if changed {
            logger.info(
                "loaded a new index",
                metadata: [
                    "path": "\(path)", "generation": "\(reader.manifest.generation)",
                    "previous": "\(old.index.manifest.generation)"
                ])
        }
        return .success(changed)
    }
}

/// Identity and version of a file as stat(2) sees it.
struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }
}
