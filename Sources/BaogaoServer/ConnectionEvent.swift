/// What can happen to a connection, as its state machine sees it: from the
/// framer, the client, the timers, the executor, the server and NIO.
enum ConnectionEvent: Sendable, Equatable {
    /// The first byte of a request line arrived (`LineStartedEvent`).
    case lineStarted
    /// A whole line was framed and parsed; `bytes` counts against the queue's bound.
    case received(Received, bytes: Int)
    /// The line begun at `lineStarted` was not finished in time.
    case lineDeadlinePassed
    /// Answer the next queued request if nothing runs and the client keeps
    /// up; `flush` when something was written since the last flush.
    case answerQueued(writable: Bool, flush: Bool)
    /// The query or reload started as `number` ended with `response`.
    case finished(number: UInt64, Response)
    /// The query started as `number` passed its time budget.
    case queryTimedOut(number: UInt64)
    /// NIO asks for more bytes (`read` passing through the handler).
    case readRequested(writable: Bool)
    /// No whole line and no answer for `idleTimeout`.
    case idleTimedOut(writable: Bool)
    /// The registry gave this connection's place to a new one.
    case evicted(limit: Int)
    /// The server is shutting down.
    case drain
    /// The client half-closed its side.
    case inputClosed
    /// The channel reported an error (usually a reset).
    case failed
    /// The channel closed.
    case inactive
}

/// A framed line as the connection queues it.
public enum Received: Sendable, Equatable {
    case request(ClientRequest)
    /// A line that is not a request (bad UTF-8, bad syntax, unknown command),
    /// with the id when one could be read.
    case invalid(ProtocolError, RequestID?)
    /// The line passed `maxLineBytes`; nothing after it is framed.
    case tooLong
    /// Queued by the machine itself when the line deadline passes, so the
    /// requests before it are answered first.
    case lineTimedOut
}

/// What the handler does for the machine, in the order given. The machine
/// never touches a channel, a timer or the executor itself, which is what
/// lets its transitions be tested without NIO.
enum ConnectionAction: Sendable, Equatable {
    /// Write one response line (not flushed).
    case answer(Response, RequestID?)
    /// Hand `query` to the executor and start its time budget.
    case startQuery(number: UInt64, QueryRequest)
    /// Reopen the index on a query thread, under the same budget.
    case startReload(number: UInt64)
    case cancelQueryTimer
    /// Start the line deadline (counted from the line's first byte).
    case startLineDeadline
    case stopLineDeadline
    /// Let NIO read from the socket.
    case read
    /// Feed `answerQueued` back in with the channel's writability now.
    case answerQueued(flush: Bool)
    case flush
    /// Tell the registry whether the server owes this client nothing.
    case setIdle(Bool)
    /// Flush what was written, then close; at once if the client is not
    /// reading (what we wrote would never be sent).
    case close
    /// Close without waiting for anything.
    case closeNow
}

extension Response: Equatable {
    public static func == (a: Response, b: Response) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x.json == y.json
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }
}
