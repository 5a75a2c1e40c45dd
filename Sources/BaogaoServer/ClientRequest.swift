/// A parsed request sorted by who answers it, so that the type system, not a
/// runtime check, keeps control requests away from the query executor (as
/// swift-nio's own handlers type what passes between them).
public enum ClientRequest: Sendable, Equatable {
    /// Answered by the connection itself (PING, QUIT, AUTH) or by the index
    /// watcher (RELOAD): never by the engine.
    case control(ControlRequest)
    /// Index work for the query executor.
    case query(QueryRequest)

    init(_ request: Request) {
        let id = request.id
        switch request.command {
        case .ping: self = .control(ControlRequest(kind: .ping, id: id))
        case .quit: self = .control(ControlRequest(kind: .quit, id: id))
        case .auth: self = .control(ControlRequest(kind: .auth(token: request.argument), id: id))
        case .reload: self = .control(ControlRequest(kind: .reload, id: id))
        case .search: self = .query(QueryRequest(.search, request))
        case .facts: self = .query(QueryRequest(.facts, request))
        case .ask: self = .query(QueryRequest(.ask, request))
        case .mentions: self = .query(QueryRequest(.mentions, request))
        case .series: self = .query(QueryRequest(.series, request))
        case .compare: self = .query(QueryRequest(.compare, request))
        case .define: self = .query(QueryRequest(.define, request))
        case .get: self = .query(QueryRequest(.get, request))
        case .stats: self = .query(QueryRequest(.stats, request))
        case .reports: self = .query(QueryRequest(.reports, request))
        }
    }

    var id: RequestID? {
        switch self {
        case .control(let c): c.id
        case .query(let q): q.id
        }
    }
}

/// A request about the connection or the server, not about the index.
public struct ControlRequest: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case ping
        case quit
        case auth(token: String)
        /// Reopens the index: runs on a query thread, but through the
        /// watcher, not the engine.
        case reload
    }

    var kind: Kind
    var id: RequestID?
}

/// A request the engine answers. Only these reach
/// `RequestExecutor.execute`.
public struct QueryRequest: Sendable, Equatable {
    public enum Command: Sendable, Equatable {
        case search, facts, ask, mentions, series, compare, define, get, stats, reports
    }

    var command: Command
    /// The query, question, term, paragraph id or filters; empty for STATS.
    var argument: String
    var limit: Int?
    var offset: Int?
    var id: RequestID?

    init(_ command: Command, argument: String = "", limit: Int? = nil, offset: Int? = nil, id: RequestID? = nil) {
        self.command = command
        self.argument = argument
        self.limit = limit
        self.offset = offset
        self.id = id
    }

    fileprivate init(_ command: Command, _ request: Request) {
        self.init(command, argument: request.argument, limit: request.limit, offset: request.offset, id: request.id)
    }
}
