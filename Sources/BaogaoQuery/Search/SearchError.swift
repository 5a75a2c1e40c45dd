import BaogaoIndex

/// Why a search could not run: the query (with its position) or the index.
public enum SearchError: Error, Sendable, CustomStringConvertible {
    case syntax(QuerySyntaxError)
    case index(IndexError)
    /// A query form this index cannot answer, at a position in the query.
    case unsupported(position: Int, message: String)
    /// The command's deadline passed before it finished (the `Deadline` of an `Engine` call).
    case timeout

    public var description: String {
        switch self {
        case .syntax(let e): return e.description
        case .index(let e): return e.description
        case .unsupported(_, let message): return message
        case .timeout: return "the command ran past its time budget and was stopped"
        }
    }
}

extension SearchError {
    /// `body`, a read of the index, with its damage as a search error: for the
    /// tables a segment decodes on first use (reports, sections, facts).
    static func reading<T>(_ body: () throws(IndexError) -> T) throws(SearchError) -> T {
        do { return try body() } catch { throw .index(error) }
    }
}
