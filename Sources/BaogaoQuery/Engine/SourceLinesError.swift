import BaogaoIngest

/// Why a paragraph's source lines could not be shown (`Engine.sourceLines`).
public enum SourceLinesError: Error, Sendable, Equatable {
    /// The report file could not be read or decoded at `path`.
    case unreadable(path: String, IngestError)
    /// The file has fewer lines than the paragraph's span: it changed since it was indexed.
    case changed(path: String)
    /// The deadline passed before the file was read.
    case timeout
}
