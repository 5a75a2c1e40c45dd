#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory. Index files are immutable once committed,
/// so readers on any thread share one mapping; one of the few places where raw
/// pointers live.
final class MappedFile: @unchecked Sendable {
    let path: String
    let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    init(path: String) throws(IndexError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        length = Int(st.st_size)
        if length == 0 {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw .io(path: path, reason: "mmap: " + String(cString: strerror(errno))) }
        mapping = p
        bytes = UnsafeRawBufferPointer(start: p, count: length)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }
}
