import BaogaoIndex
import BaogaoQuery
import Foundation

/// What the server asks of the engine: one method per index command of the
/// protocol. The server adds no search logic of its own (ARCHITECTURE.md, "One
/// engine, three front ends"); it parses requests, calls these on a query
/// thread, and frames what they return.
///
/// Every method gets the index snapshot current when the request started
/// (`QueryContext`), so a reload never changes the index under a running
/// request. Methods run on the server's query threads and may block.
///
/// `EngineQueryService` implements every method with the engine; tests pass their
/// own conforming type to `Server.start(_:service:logger:)` (a slow or gated
/// search, say). A type that leaves out FACTS, ASK, MENTIONS, DEFINE or REPORTS gets the
/// defaults below, which answer `unsupported`.
public protocol QueryService: Sendable {
    func search(_ query: String, page: Page, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func facts(_ query: String, page: Page, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func ask(_ question: String, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func mentions(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func define(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func get(_ paragraphID: String, context: QueryContext) throws(ProtocolError) -> ServiceResult
    func stats(context: QueryContext) throws(ProtocolError) -> ServiceResult
    func reports(_ filters: String, context: QueryContext) throws(ProtocolError) -> ServiceResult
}

extension QueryService {
    public func facts(_ query: String, page: Page, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        throw .unsupported("FACTS (number facts)")
    }

    public func ask(_ question: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        throw .unsupported("ASK (answers)")
    }

    public func mentions(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        throw .unsupported("MENTIONS")
    }

    public func define(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        throw .unsupported("DEFINE (glossary)")
    }

    public func reports(_ filters: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        throw .unsupported("REPORTS")
    }
}

/// LIMIT and OFFSET of a request, defaults applied and LIMIT capped.
public struct Page: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int = 10, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }
}

/// The index snapshot a request runs against.
public struct QueryContext: Sendable {
    public let searcher: Searcher
    public var index: IndexReader { searcher.index }

    public init(searcher: Searcher) {
        self.searcher = searcher
    }
}

/// A result, already encoded as the JSON object the CLI's `--json` prints for
/// it; the server splices these bytes into the response line as they are.
public struct ServiceResult: Sendable {
    public let json: [UInt8]

    /// Encodes `value` with the CLI's writer (`JSONLines`), so the result is byte
    /// for byte what `--json` prints. Never contains a newline.
    public init<T: Encodable>(encoding value: T) throws(ProtocolError) {
        do {
            json = try JSONLines.bytes(value)
        } catch {
            throw ProtocolError(.internal, "cannot encode the result: \(error)")
        }
    }

    /// Raw JSON text (one line, no newline), for results built by hand.
    public init(json: [UInt8]) {
        self.json = json
    }
}

extension ProtocolError {
    /// How a search failure is told to the client: syntax errors with their
    /// position in the query, index damage as `index_error`.
    public init(_ error: SearchError) {
        switch error {
        case .syntax(let e): self.init(.syntaxError, e.message, position: e.position)
        case .index(let e): self.init(.indexError, e.description)
        case .unsupported(let position, let message): self.init(.unsupported, message, position: position)
        case .timeout: self.init(.timeout, error.description)
        }
    }
}
