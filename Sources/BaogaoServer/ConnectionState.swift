import NIOCore

/// The states of a connection (`ConnectionStateMachine` moves between them).
extension ConnectionStateMachine {
    enum State: Sendable, Equatable {
        /// Reading requests.
        case open(Input, Work)
        /// Reading no more: answering what was received, then closing.
        case draining(Work)
        /// Answering no more: the last lines are being flushed.
        case closing
        case closed
    }

    /// Where the reading side of an open connection stands.
    enum Input: Sendable, Equatable {
        /// No line begun: an idle connection, or one between pipelined lines.
        case betweenLines
        /// A line has begun: its deadline is running.
        case inLine
        /// Reads are held (backpressure): too many requests wait or the
        /// client is not taking its answers. The line deadline is paused,
        /// since the client cannot finish its line while we do not read.
        case held(lineStarted: Bool)
    }

    /// The request running and the ones received behind it.
    struct Work: Sendable, Equatable {
        var running: Running?
        var queue = CircularBuffer<Queued>()
        /// Bytes of the request lines in `queue`, bounded with its length.
        var queuedBytes = 0

        var isEmpty: Bool { running == nil && queue.isEmpty }
    }

    struct Running: Sendable, Equatable {
        /// Tells its answer from a late one (a query that timed out).
        var number: UInt64
        var id: RequestID?
    }

    struct Queued: Sendable, Equatable {
        var received: Received
        var bytes: Int
    }
}

extension ConnectionStateMachine.Input {
    /// The same hold, with the line it had begun now ended.
    var lineEnded: Self {
        if case .held = self { return .held(lineStarted: false) }
        return .betweenLines
    }

    var isHeld: Bool {
        if case .held = self { return true }
        return false
    }
}

extension ConnectionStateMachine.Work {
    mutating func enqueue(_ received: Received, bytes: Int) {
        queue.append(.init(received: received, bytes: bytes))
        queuedBytes += bytes
    }

    mutating func dequeue() -> Received? {
        guard let next = queue.popFirst() else { return nil }
        queuedBytes -= next.bytes
        return next.received
    }

    /// Past either bound reads are held until the queue shrinks.
    func isFull(_ limits: ServerLimits) -> Bool {
        queue.count >= limits.maxQueuedRequests || queuedBytes >= limits.maxQueuedBytes
    }
}
