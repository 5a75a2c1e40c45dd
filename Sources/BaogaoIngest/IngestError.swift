/// Why a report file could not be read. Every case names the file; rendering
/// to text happens here, in one place.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, permissions, a directory).
    case unreadable(file: String, reason: String)
    /// The file has no text (zero bytes, or only whitespace).
    case empty(file: String)
    /// The bytes look like a binary file (NUL bytes, control characters).
    case binary(file: String, byteOffset: Int)
    /// No supported encoding decodes the bytes; `byteOffset` is the first bad byte
    /// under the encoding that came furthest.
    case undecodable(file: String, encoding: String, byteOffset: Int)
    /// Larger than the limit on one report (`ReportReader.defaultSizeLimit`): read
    /// whole, it would take several times its size in memory.
    case tooLarge(file: String, bytes: Int, limit: Int)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .binary(let file, _),
            .undecodable(let file, _, _), .tooLarge(let file, _, _):
            return file
        }
    }

    public var description: String { "\(file): \(reason)" }

    /// What went wrong, without the file name (for callers that name the file by its
    /// full path, as the command line does).
    public var reason: String {
        switch self {
        case .unreadable(_, let reason):
            return "cannot read: \(reason)"
        case .empty:
            return "empty file, no text to read"
        case .binary(_, let offset):
            return "looks like a binary file (control byte at offset \(offset)), not a report"
        case .undecodable(_, let encoding, let offset):
            return "not valid text: cannot decode as \(encoding) at byte \(offset)"
        case .tooLarge(_, let bytes, let limit):
            return FileBytes.Failure.tooLarge(bytes: bytes, limit: limit).reason
        }
    }
}
