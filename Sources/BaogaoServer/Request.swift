import BaogaoQuery

/// One request of the line protocol, whichever form it came in (a text
/// command line or a JSON object): what to do, on what, and the id to echo.
public struct Request: Sendable, Equatable {
    public var command: Command
    /// The query, question, term or paragraph id; empty for STATS, PING …
    public var argument: String
    public var limit: Int?
    public var offset: Int?
    /// The client's id, echoed verbatim in the response (already JSON text:
    /// a number or a string literal).
    public var id: RequestID?

    public init(command: Command, argument: String = "", limit: Int? = nil, offset: Int? = nil, id: RequestID? = nil) {
        self.command = command
        self.argument = argument
        self.limit = limit
        self.offset = offset
        self.id = id
    }
}

/// The commands of protocol version 1 (PROTOCOL.md).
public enum Command: String, Sendable, CaseIterable {
    case search = "SEARCH"
    case facts = "FACTS"
    case ask = "ASK"
    case mentions = "MENTIONS"
    case series = "SERIES"
    case compare = "COMPARE"
    case define = "DEFINE"
    case get = "GET"
    case stats = "STATS"
    case reports = "REPORTS"
    case ping = "PING"
    case quit = "QUIT"
    case reload = "RELOAD"
    case auth = "AUTH"

    /// Whether the command needs text after it (a query, a term, an id …).
    var takesArgument: Bool {
        switch self {
        case .search, .facts, .ask, .mentions, .series, .compare, .define, .get, .auth: return true
        case .stats, .ping, .quit, .reload, .reports: return false
        }
    }

    /// Whether the command may have text after it without needing it (REPORTS' filters).
    var allowsArgument: Bool { takesArgument || self == .reports }

    /// Whether the command accepts LIMIT and OFFSET.
    var takesPage: Bool {
        switch self {
        case .search, .facts: return true
        default: return false
        }
    }
}

/// A request id as the client wrote it, kept as JSON text so it is echoed
/// exactly: an integer (`7`) or a string (`"a-7"`).
public struct RequestID: Sendable, Equatable, CustomStringConvertible {
    public let json: String

    public static func number(_ n: Int) -> RequestID { RequestID(json: String(n)) }
    public static func string(_ s: String) -> RequestID { RequestID(json: StreamingJSONEncoder.quoted(s)) }

    public var description: String { json }
}
