import Logging
import NIOCore

/// Tells a connection that the server is stopping: read no more requests,
/// answer the ones already received, then close.
public struct DrainEvent: Sendable {
    public init() {}
}

/// One connection's side of the protocol: takes request lines in, answers
/// each with one JSON line, in order.
///
/// Requests are answered one at a time per connection, which is what keeps
/// pipelined answers in order; connections run in parallel. Reads are held
/// (backpressure) while the answers not yet taken by the client pass the
/// channel's high water mark or too many requests wait, so a client that
/// never reads costs a bounded amount of memory.
public final class ConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = InboundLine
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private enum Pending {
        case request(Request)
        case invalid(ProtocolError, RequestID?)
        case tooLong
        /// The line in progress passed `lineTimeout`.
        case lineTimedOut
    }

    private let executor: RequestExecutor
    private let token: [UInt8]?
    private let limits: ServerLimits
    private var logger: Logger
    /// Where the registry reads whether this connection is idle; nil when
    /// there is no registry (in-memory tests).
    private let ticket: ConnectionTicket?

    private var queue = CircularBuffer<(pending: Pending, bytes: Int)>()
    /// Bytes of the request lines in `queue`, bounded with its length.
    private var queuedBytes = 0
    /// A request is running; its number, to tell its answer from a late one.
    private var running: UInt64?
    private var sequence: UInt64 = 0
    private var timeoutTask: Scheduled<Void>?
    private var authenticated: Bool
    /// No more requests will be answered: after QUIT, a fatal error, or drain
    /// once the queue is empty.
    private var closing = false
    private var draining = false
    private var inputClosed = false
    private var heldRead = false
    /// A request line has begun and not ended (see `LineStartedEvent`).
    private var lineInProgress = false
    /// Closes the connection if that line is not finished in time; nil
    /// while no line is in progress, or while reads are held.
    private var lineDeadline: Scheduled<Void>?
    /// The deadline passed: nothing more is read.
    private var lineTimedOut = false
    private var answered = 0
    private let opened = NIODeadline.now()

    public convenience init(executor: RequestExecutor, token: [UInt8]?, limits: ServerLimits, logger: Logger) {
        self.init(executor: executor, token: token, limits: limits, logger: logger, ticket: nil)
    }

    init(executor: RequestExecutor, token: [UInt8]?, limits: ServerLimits, logger: Logger, ticket: ConnectionTicket?) {
        self.executor = executor
        self.token = token
        self.limits = limits
        self.logger = logger
        self.ticket = ticket
        self.authenticated = token == nil
    }

    // MARK: Inbound

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing, !lineTimedOut else { return }
        stopLineClock()
        switch unwrapInboundIn(data) {
        case .tooLong:
            enqueue(.tooLong, bytes: 0)
        case .line(let bytes):
            guard let line = String(validating: bytes.readableBytesView, as: UTF8.self) else {
                enqueue(.invalid(ProtocolError(.badRequest, "the request line is not valid UTF-8"), nil), bytes: bytes.readableBytes)
                break
            }
            // Blank lines never get here: the framer drops them.
            switch RequestParser.parse(line) {
            case .success(let request): enqueue(.request(request), bytes: bytes.readableBytes)
            case .failure(let f): enqueue(.invalid(f.error, f.id), bytes: bytes.readableBytes)
            }
        }
        processQueue(context: context)
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            // Only a connection with nothing to do is idle: a running query
            // has its own budget. Answers waiting because the client does
            // not read count as nothing to do: that client is stuck.
            // Closing but still idle: the client is not taking our last
            // answers; stop waiting for it.
            if closing { return context.close(promise: nil) }
            guard running == nil, queue.isEmpty || !context.channel.isWritable else { return }
            fail(context: context, ProtocolError(.timeout, "no request for \(limits.idleTimeout.secondsText); closing the connection"), id: nil)
            close(context: context)
        } else if event is LineStartedEvent {
            guard !closing, !lineTimedOut else { return }
            lineInProgress = true
            if !heldRead { startLineDeadline(context: context) }
        } else if let eviction = event as? EvictionEvent {
            guard !closing else { return }
            // The registry has already given this connection's place to a new
            // one, so it must go. It was idle when chosen; if a request came
            // in since, answer what was received first, as in a drain.
            if running == nil && queue.isEmpty {
                fail(context: context, ProtocolError(.busy, "the server is at its cap of \(eviction.limit) connections and "
                    + "this one was idle the longest; closing it to make room for a new one"), id: nil)
                close(context: context)
            } else {
                draining = true
                stopLineClock()
                processQueue(context: context)
            }
        } else if event is DrainEvent {
            // No more reading: a line still in progress will not be answered,
            // so its deadline no longer matters.
            draining = true
            stopLineClock()
            processQueue(context: context)
        } else if let e = event as? ChannelEvent, e == .inputClosed {
            // The client half-closed (shutdown(SHUT_WR)): answer what it sent, then close.
            inputClosed = true
            processQueue(context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { processQueue(context: context) }
        context.fireChannelWritabilityChanged()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        closing = true
        running = nil
        timeoutTask?.cancel()
        stopLineClock()
        queue.removeAll()
        queuedBytes = 0
        // The one log line per connection.
        let seconds = Double((NIODeadline.now() - opened).nanoseconds) / 1e9
        logger.info("connection closed", metadata: ["answered": "\(answered)", "seconds": "\(seconds)"])
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Resets and broken pipes from a client that went away are routine.
        logger.notice("connection error", metadata: ["error": "\(LogEscaping.escape("\(error)"))"])
        close(context: context)
    }

    // MARK: Outbound: backpressure

    public func read(context: ChannelHandlerContext) {
        if closing || draining || inputClosed || lineTimedOut {
            return
        }
        if queueIsFull || !context.channel.isWritable {
            heldRead = true
            // The client cannot finish its line while we do not read: that
            // time is ours, not its. The clock starts afresh on resuming.
            lineDeadline?.cancel()
            lineDeadline = nil
            return
        }
        context.read()
    }

    private var queueIsFull: Bool {
        queue.count >= limits.maxQueuedRequests || queuedBytes >= limits.maxQueuedBytes
    }

    private func enqueue(_ pending: Pending, bytes: Int) {
        queue.append((pending, bytes))
        queuedBytes += bytes
        // Busy until answered: the idle time then counts from the answer.
        ticket?.setIdle(false)
    }

    private func resumeReading(context: ChannelHandlerContext) {
        guard heldRead, !closing, !draining, !queueIsFull,
              context.channel.isWritable else { return }
        heldRead = false
        if lineInProgress { startLineDeadline(context: context) }
        context.read()
    }

    // MARK: The line deadline

    /// Counts from the first byte of a line, not from the last one: a client
    /// sending a byte a second would reset a per-byte timer for ever.
    private func startLineDeadline(context: ChannelHandlerContext) {
        guard lineDeadline == nil else { return }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        lineDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: limits.lineTimeout) { [self] in
            lineDeadline = nil
            guard !closing else { return }
            lineInProgress = false
            lineTimedOut = true
            logger.notice("request line not finished in time", metadata: ["limit": "\(limits.lineTimeout.secondsText)"])
            // After the requests already received: they are answered first.
            enqueue(.lineTimedOut, bytes: 0)
            processQueue(context: bound.value)
        }
    }

    private func stopLineClock() {
        lineInProgress = false
        lineDeadline?.cancel()
        lineDeadline = nil
    }

    // MARK: Answering

    /// Answers queued requests in order until one has to wait for a query
    /// thread, the client has to catch up on reading, or the queue is empty.
    private func processQueue(context: ChannelHandlerContext, flush: Bool = false) {
        var wrote = flush
        while running == nil, !closing, context.channel.isWritable, let (next, bytes) = queue.popFirst() {
            wrote = true
            queuedBytes -= bytes
            switch next {
            case .tooLong:
                fail(context: context, ProtocolError(.tooLong, "request line longer than \(limits.maxLineBytes) bytes; closing the connection"), id: nil)
                close(context: context)
            case .lineTimedOut:
                fail(context: context, ProtocolError(.timeout, "the request line was not finished within "
                    + "\(limits.lineTimeout.secondsText) of its first byte; closing the connection"), id: nil)
                close(context: context)
            case .invalid(let error, let id):
                fail(context: context, error, id: id)
                if !authenticated { close(context: context) }
            case .request(let request):
                handle(request, context: context)
            }
        }
        // Every change of `running` and `queue` ends here. Before the flush:
        // once a client has its answer it may act on it, and the registry
        // must already see this connection idle from then.
        ticket?.setIdle(running == nil && queue.isEmpty)
        if wrote { context.flush() }
        if !closing, running == nil, queue.isEmpty, draining || inputClosed {
            close(context: context)
        } else {
            resumeReading(context: context)
        }
    }

    private func handle(_ request: Request, context: ChannelHandlerContext) {
        if !authenticated && request.command != .auth && request.command != .quit {
            fail(context: context, ProtocolError(.unauthorized, "send AUTH <token> first"), id: request.id)
            close(context: context)
            return
        }
        switch request.command {
        case .ping:
            respond(context: context, .success(ServiceResult(json: Array("{\"pong\":true}".utf8))), id: request.id)
        case .quit:
            respond(context: context, .success(ServiceResult(json: Array("{\"bye\":true}".utf8))), id: request.id)
            close(context: context)
        case .auth:
            guard let token else {
                respond(context: context, .success(ServiceResult(json: Array("{\"authenticated\":true}".utf8))), id: request.id)
                return
            }
            if TokenComparison.equal(Array(request.argument.utf8), token) {
                authenticated = true
                respond(context: context, .success(ServiceResult(json: Array("{\"authenticated\":true}".utf8))), id: request.id)
            } else {
                fail(context: context, ProtocolError(.unauthorized, "wrong token"), id: request.id)
                close(context: context)
            }
        default:
            start(request, context: context)
        }
    }

    /// Hands a query to the executor and answers whichever comes first: its
    /// result or the end of its time budget.
    private func start(_ request: Request, context: ChannelHandlerContext) {
        sequence += 1
        let number = sequence
        running = number
        let loop = context.eventLoop.assumeIsolated()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timeoutTask = loop.scheduleTask(in: limits.requestTimeout) { [self] in
            let seconds = Double(limits.requestTimeout.nanoseconds) / 1e9
            finish(number, .failure(ProtocolError(.timeout, "the request took longer than \(seconds) s")),
                   id: request.id, context: bound.value)
        }
        executor.execute(request, on: context.eventLoop).assumeIsolated().whenSuccess { [self] response in
            finish(number, response, id: request.id, context: bound.value)
        }
    }

    private func finish(_ number: UInt64, _ response: Response, id: RequestID?, context: ChannelHandlerContext) {
        guard running == number, !closing else { return }
        running = nil
        timeoutTask?.cancel()
        timeoutTask = nil
        respond(context: context, response, id: id)
        processQueue(context: context, flush: true)
    }

    private func fail(context: ChannelHandlerContext, _ error: ProtocolError, id: RequestID?) {
        respond(context: context, .failure(error), id: id)
    }

    private func respond(context: ChannelHandlerContext, _ response: Response, id: RequestID?) {
        if case .failure(let error) = response {
            // The message may quote the request (an unknown command, a paragraph id).
            logger.notice("request failed", metadata: ["code": "\(error.code.rawValue)",
                                                       "message": "\(LogEscaping.escape(error.message))"])
        }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        ResponseWriter.write(response, id: id, into: &buffer)
        answered += 1
        context.write(wrapOutboundOut(buffer), promise: nil)
    }

    /// Flushes what was written and closes once it is sent; at once if the
    /// client is not reading (what we wrote would never be sent).
    private func close(context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        queue.removeAll()
        queuedBytes = 0
        guard context.channel.isWritable else {
            context.close(promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
