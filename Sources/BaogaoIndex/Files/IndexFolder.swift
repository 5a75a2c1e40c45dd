#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations on the index folder, in the order a crash-safe commit needs
/// them: write a new file and fsync it, fsync the folder so the new name is
/// durable, rename over the manifest, fsync the folder again.
///
/// Every write goes through `FileSink`, so tests can inject failures (a crash
/// half-way through a segment, a manifest never renamed).
public struct IndexFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    func file(_ name: String) -> String { path + "/" + name }

    func exists(_ name: String) -> Bool {
        access(file(name), F_OK) == 0
    }

    func createIfMissing() throws(IndexError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: path, reason: "not a folder") }
            return
        }
        // Creates parents too, like mkdir -p.
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .io(path: prefix, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Writes `bytes` to a new file `name` and fsyncs it.
    func writeDurably(_ name: String, _ bytes: [UInt8], sink: FileSink = .system) throws(IndexError) {
        try sink.write(file(name), bytes)
    }

    func syncFolder() throws(IndexError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // Some file systems refuse fsync on a directory (EINVAL); the rename is
        // still atomic there, only its durability is up to the file system.
        if fsync(fd) != 0 && errno != EINVAL {
            throw .io(path: path, reason: "fsync: " + String(cString: strerror(errno)))
        }
    }

    func rename(_ from: String, to: String) throws(IndexError) {
        guard Glibc.rename(file(from), file(to)) == 0 else {
            throw .io(path: file(to), reason: "rename: " + String(cString: strerror(errno)))
        }
    }

    func remove(_ name: String) {
        unlink(file(name))
    }

    func list() -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    func size(_ name: String) -> Int {
        var st = stat()
        return stat(file(name), &st) == 0 ? Int(st.st_size) : 0
    }
}

/// Where index bytes go. `.system` writes and fsyncs real files; tests make their
/// own sink that fails part-way through a write (CommitSafetyTests), as a crash would.
public struct FileSink: Sendable {
    let write: @Sendable (String, [UInt8]) throws(IndexError) -> Void

    public static let system = FileSink { (path: String, bytes: [UInt8]) throws(IndexError) in
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: "write: " + String(cString: strerror(errno)))
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw .io(path: path, reason: "fsync: " + String(cString: strerror(errno))) }
    }

    public init(write: @escaping @Sendable (String, [UInt8]) throws(IndexError) -> Void) {
        self.write = write
    }
}

/// The writer lock: an exclusive `flock` on `write.lock` in the index folder.
/// The kernel drops it when the process ends, however it ends, so a crashed
/// writer never leaves a stale lock behind. Readers never take it.
public final class WriterLock {
    private let fd: Int32
    public let path: String

    public init(folder: IndexFolder) throws(IndexError) {
        path = folder.file("write.lock")
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw .locked(path: path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
