import NIOCore

/// Every bound the server enforces, with its default. PROTOCOL.md ("Limits")
/// lists the same numbers; a test checks each one is answered with an error
/// line, never a crash.
public struct ServerLimits: Sendable {
    /// Longest request line in bytes, without its `\n`. A longer line is
    /// answered `too_long` and the connection closed: we cannot know where
    /// the next request starts without reading the rest, so we stop.
    public var maxLineBytes = 64 * 1024
    /// Time budget of one request, from the moment it starts running. When it
    /// passes the client gets `timeout`, and the query, which runs within a
    /// `Deadline` of the same length, stops at its next check (between
    /// segments, blocks of documents, paragraphs) and frees its thread.
    public var requestTimeout: TimeAmount = .seconds(10)
    /// Threads that run queries off the event loop.
    public var queryThreads = System.coreCount
    /// Queries running or queued on those threads, over all connections,
    /// timed-out ones included until they really finish. Past this a request
    /// is answered `busy` at once, so a flood of slow queries cannot pile up
    /// unbounded work behind them.
    public var maxRunningQueries = 256
    /// Time from the first byte of a request line to its `\n`. Later bytes
    /// do not reset it, so a client trickling a byte at a time (slowloris)
    /// is told `timeout` and closed after this long whatever its rate. No
    /// separate minimum rate is needed: a line is at most `maxLineBytes`, so
    /// this bounds how long and how much a half-sent line can hold, and a
    /// slow but honest link has the whole interval (64 KiB in 10 s is
    /// 6.4 KB/s). The clock pauses while the server itself holds reads
    /// (backpressure), since the client cannot finish its line then.
    public var lineTimeout: TimeAmount = .seconds(10)
    /// Open connections. When a new one comes and all are taken, the one
    /// idle the longest (no request waiting or running) is told `busy` and
    /// closed to make room; only when none is idle is the new one refused
    /// with one `busy` line.
    public var maxConnections = 1024
    /// Open connections from one client address (loopback included). The
    /// next one from it gets one `busy` line and is closed, so one client
    /// cannot take every connection and then push the others out.
    public var maxConnectionsPerAddress = 64
    /// A connection with no request and no response for this long is told
    /// so (`timeout`) and closed. Only whole request lines count as
    /// requests: partial lines and blank lines do not keep a connection open.
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

    /// `lineTimeout` in seconds.
    public var lineTimeoutSeconds: Double {
        get { Double(lineTimeout.nanoseconds) / 1e9 }
        set { lineTimeout = .nanoseconds(Int64(newValue * 1e9)) }
    }
}

extension TimeAmount {
    /// `10 s`, `0.3 s`: for messages to clients and the log.
    var secondsText: String {
        let seconds = Double(nanoseconds) / 1e9
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
