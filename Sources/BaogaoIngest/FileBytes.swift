#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads, in one place for every caller (reports, catalogues, the index
/// manifest), so that the rest of ingestion works on bytes.
///
/// One allocation of the file's exact size, filled by `read(2)`: reading through
/// `Data` and copying into an array held the file twice, and a report file is the
/// largest thing indexing holds.
public enum FileBytes {
    /// Why a read failed, in words fit to follow a file name.
    public enum Failure: Error, Equatable, Sendable {
        case missing
        case directory
        case unreadable(String)
        /// Larger than the caller's limit: `bytes` is the file's size.
        case tooLarge(bytes: Int, limit: Int)

        public var reason: String {
            switch self {
            case .missing: return "no such file"
            case .directory: return "is a directory"
            case .unreadable(let why): return why
            case .tooLarge(let bytes, let limit):
                return
                    "\(FileBytes.megabytes(bytes)) MB, larger than the \(FileBytes.megabytes(limit)) MB limit on one report file (--max-file-mb raises it)"
            }
        }
    }

    /// The whole file at `path`, or why not. A file that grows while it is read is
    /// read to the size it had when opened.
    public static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(describe(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(describe(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.directory) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(bytes: size, limit: limit)) }
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = systemRead(fd, buffer.baseAddress! + count, size - count)
                if n > 0 {
                    count += n
                } else if n == 0 {
                    break  // shrank since fstat: what is there is the file
                } else if errno != EINTR {
                    failure = .unreadable(describe(errno))
                    break
                }
            }
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    /// `read` for callers that only need to know it failed.
    public static func read(_ path: String) -> [UInt8]? {
        try? read(path, limit: .max).get()
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / Double(1 << 20)
        return mb >= 10 || mb == mb.rounded() ? String(Int(mb.rounded())) : String((mb * 10).rounded() / 10)
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        default: return String(cString: strerror(code))
        }
    }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
