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
    /// A format whose reader is a separate program (`pdftotext` for PDF) that is not
    /// installed; `package` is the Debian package that brings it.
    case needsProgram(file: String, program: String, package: String)
    /// A PDF that opens only with a password.
    case encrypted(file: String)
    /// A PDF of `pages` pages with no text on them: scanned images, which need OCR.
    case noTextLayer(file: String, pages: Int)
    /// A file of a known format (`PDF`, `HTML`, `Word`) that its reader could not
    /// parse: truncated or damaged; `reason` is the reader's own word for it.
    case malformed(file: String, format: String, reason: String)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .empty(let file), .binary(let file, _),
            .undecodable(let file, _, _), .tooLarge(let file, _, _), .needsProgram(let file, _, _),
            .encrypted(let file), .noTextLayer(let file, _), .malformed(let file, _, _):
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
        case .needsProgram(_, let program, let package):
            return "not read: reading it needs \(program), which is not installed (apt-get install \(package))"
        case .encrypted:
            return "an encrypted PDF that opens only with a password; save an unprotected copy to index it"
        case .noTextLayer(_, let pages):
            return
                "a PDF of \(pages) page(s) with no text layer (scanned images): it needs OCR, e.g. ocrmypdf, before it can be read"
        case .malformed(_, let format, let reason):
            return "not a readable \(format) file (truncated or damaged?): \(reason)"
        }
    }
}
