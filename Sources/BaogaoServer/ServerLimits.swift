import NIOCore

/// Every bound the server enforces, with its default. PROTOCOL.md ("Limits")
/// lists the same numbers; a test checks each one is answered with an error
/// line, never a crash.
public struct ServerLimits: Sendable {
    /// Longest request line in bytes, without its `\n`. A longer line is
    /// answered `too_long` and the connection closed: we cannot know where
    /// the next request starts without reading the rest, so we stop.
    public var maxLineBytes = 64 * 1024
    /// Time budget of one request, from the moment it starts running. A
    /// search cannot be cancelled, so when the budget passes the client gets
    /// `timeout` and the search finishes in the background, still holding
    /// its thread (see `maxRunningQueries`).
    public var requestTimeout: TimeAmount = .seconds(10)
    /// Threads that run queries off the event loop.
    public var queryThreads = System.coreCount
    /// Queries running or queued on those threads, over all connections,
    /// timed-out ones included until they really finish. Past this a request
    /// is answered `busy` at once, so a flood of slow queries cannot pile up
    /// unbounded work behind them.
    public var maxRunningQueries = 256
    /// Open connections. The next one gets one `busy` line and is closed.
    public var maxConnections = 1024
    /// A connection with no request and no response for this long is told
    /// so (`timeout`) and closed.
    public var idleTimeout: TimeAmount = .seconds(300)
    /// Requests read but not yet answered on one connection. Past this the
    /// server stops reading from it until it catches up (pipelining works,
    /// but a client cannot make it buffer without bound).
    public var maxQueuedRequests = 128
    /// …and their bytes: with lines of up to 64 KiB, the count alone would
    /// let one connection hold 8 MiB.
    public var maxQueuedBytes = 256 * 1024
    /// Unsent response bytes per connection: above the high mark the server
    /// stops reading from (and answering) that client until the kernel has
    /// taken the output down to the low mark. Bounds the memory held for a
    /// client that never reads.
    public var writeBufferLowMark = 64 * 1024
    public var writeBufferHighMark = 256 * 1024
    /// How long shutdown waits for requests in flight before closing anyway.
    public var shutdownGrace: TimeAmount = .seconds(10)
    /// How often the index folder's MANIFEST is checked for a new commit.
    public var reloadPollInterval: TimeAmount = .seconds(1)
    /// Largest LIMIT a request may ask for (a page, not a dump).
    public var maxLimit = 1000

    public init() {}
}

extension ServerLimits {
    /// `requestTimeout` in seconds, for callers that do not import NIOCore.
    public var requestTimeoutSeconds: Double {
        get { Double(requestTimeout.nanoseconds) / 1e9 }
        set { requestTimeout = .nanoseconds(Int64(newValue * 1e9)) }
    }

    /// `idleTimeout` in seconds.
    public var idleTimeoutSeconds: Double {
        get { Double(idleTimeout.nanoseconds) / 1e9 }
        set { idleTimeout = .nanoseconds(Int64(newValue * 1e9)) }
    }
}
