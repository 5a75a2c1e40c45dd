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
///
/// What to do when is decided by `ConnectionStateMachine`; this handler only
/// turns NIO's calls into its events and carries out the actions it returns
/// (writes, timers, the executor, reads, close).
public final class ConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = DecodedLine
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private let executor: RequestExecutor
    private let limits: ServerLimits
    private var logger: Logger
    /// Where the registry reads whether this connection is idle; nil when
    /// there is no registry (in-memory tests).
    private let ticket: ConnectionTicket?
    private var machine: ConnectionStateMachine

    private var queryTimer: Scheduled<Void>?
    /// Closes the connection if the line in progress is not finished in time.
    private var lineDeadline: Scheduled<Void>?
    private var answered = 0
    private let opened = NIODeadline.now()

    public convenience init(executor: RequestExecutor, token: [UInt8]?, limits: ServerLimits, logger: Logger) {
        self.init(executor: executor, token: token, limits: limits, logger: logger, ticket: nil)
    }

    init(executor: RequestExecutor, token: [UInt8]?, limits: ServerLimits, logger: Logger, ticket: ConnectionTicket?) {
        self.executor = executor
        self.limits = limits
        self.logger = logger
        self.ticket = ticket
        self.machine = ConnectionStateMachine(token: token, limits: limits)
    }

    // MARK: Inbound

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        apply(.received(line.received, bytes: line.bytes), context: context)
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            apply(.idleTimedOut(writable: context.channel.isWritable), context: context)
        } else if event is LineStartedEvent {
            apply(.lineStarted, context: context)
        } else if let eviction = event as? EvictionEvent {
            apply(.evicted(limit: eviction.limit), context: context)
        } else if event is DrainEvent {
            apply(.drain, context: context)
        } else if let e = event as? ChannelEvent, e == .inputClosed {
            // The client half-closed (shutdown(SHUT_WR)): answer what it sent, then close.
            apply(.inputClosed, context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { apply(.answerQueued(writable: true, flush: false), context: context) }
        context.fireChannelWritabilityChanged()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        apply(.inactive, context: context)
        // The one log line per connection.
        let seconds = Double((NIODeadline.now() - opened).nanoseconds) / 1e9
        logger.info("connection closed", metadata: ["answered": "\(answered)", "seconds": "\(seconds)"])
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Resets and broken pipes from a client that went away are routine.
        logger.notice("connection error", metadata: ["error": "\(LogEscaping.escape("\(error)"))"])
        apply(.failed, context: context)
    }

    // MARK: Outbound: backpressure

    public func read(context: ChannelHandlerContext) {
        apply(.readRequested(writable: context.channel.isWritable), context: context)
    }

    // MARK: Carrying out the machine's actions

    /// Applies `event` and carries out what it calls for. `answerQueued` is
    /// fed back in a loop, with the writability after the writes before it,
    /// so a burst of answers stops as soon as the client falls behind.
    private func apply(_ event: ConnectionEvent, context: ChannelHandlerContext) {
        var next: ConnectionEvent? = event
        while let event = next {
            next = nil
            for action in machine.apply(event) {
                if case .answerQueued(let flush) = action {
                    next = .answerQueued(writable: context.channel.isWritable, flush: flush)
                } else {
                    perform(action, context: context)
                }
            }
        }
    }

    private func perform(_ action: ConnectionAction, context: ChannelHandlerContext) {
        switch action {
        case .answer(let response, let id):
            respond(context: context, response, id: id)
        case .startQuery(let number, let query):
            startTimer(number, context: context)
            run(number, executor.execute(query, on: context.eventLoop), context: context)
        case .startReload(let number):
            startTimer(number, context: context)
            run(number, executor.reload(on: context.eventLoop), context: context)
        case .cancelQueryTimer:
            queryTimer?.cancel()
            queryTimer = nil
        case .startLineDeadline:
            startLineDeadline(context: context)
        case .stopLineDeadline:
            lineDeadline?.cancel()
            lineDeadline = nil
        case .read:
            context.read()
        case .answerQueued(let flush):
            // `apply` loops on this one; here only for completeness.
            apply(.answerQueued(writable: context.channel.isWritable, flush: flush), context: context)
        case .flush:
            context.flush()
        case .setIdle(let idle):
            ticket?.setIdle(idle)
        case .close:
            close(context: context)
        case .closeNow:
            context.close(promise: nil)
        }
    }

    /// Counts from the first byte of a line, not from the last one: a client
    /// sending a byte a second would reset a per-byte timer for ever.
    private func startLineDeadline(context: ChannelHandlerContext) {
        guard lineDeadline == nil else { return }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        lineDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: limits.lineTimeout) { [self] in
            lineDeadline = nil
            if case .open(.inLine, _) = machine.state {
                logger.notice("request line not finished in time", metadata: ["limit": "\(limits.lineTimeout.secondsText)"])
            }
            apply(.lineDeadlinePassed, context: bound.value)
        }
    }

    /// The time budget of the request running as `number`: whichever comes
    /// first, its result or this, is its answer. Started before the work, so
    /// an answer that comes at once (inline, in tests) cancels it.
    private func startTimer(_ number: UInt64, context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        queryTimer = context.eventLoop.assumeIsolated().scheduleTask(in: limits.requestTimeout) { [self] in
            apply(.queryTimedOut(number: number), context: bound.value)
        }
    }

    private func run(_ number: UInt64, _ work: EventLoopFuture<Response>, context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        work.assumeIsolated().whenSuccess { [self] response in
            apply(.finished(number: number, response), context: bound.value)
        }
    }

    private func respond(context: ChannelHandlerContext, _ response: Response, id: RequestID?) {
        if case .failure(let error) = response {
            // The message may quote the request (an unknown command, a paragraph id).
            logger.notice(
                "request failed",
                metadata: [
                    "code": "\(error.code.rawValue)",
                    "message": "\(LogEscaping.escape(error.message))"
                ])
        }
        var buffer = context.channel.allocator.buffer(capacity: ResponseWriter.capacity(for: response, id: id))
        ResponseWriter.write(response, id: id, into: &buffer)
        answered += 1
        context.write(wrapOutboundOut(buffer), promise: nil)
    }

    /// Flushes what was written and closes once it is sent; at once if the
    /// client is not reading (what we wrote would never be sent).
    private func close(context: ChannelHandlerContext) {
        guard context.channel.isWritable else {
            context.close(promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
