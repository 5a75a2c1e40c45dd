import NIOCore

/// One connection's life as a single state and one transition function:
/// `apply(_:)` takes an event, moves to the next state and returns the
/// actions for the handler to carry out. No channel, timer or thread here,
/// so every transition can be tested as a table (ConnectionStateMachineTests).
///
///     open(betweenLines | inLine | held, work) ──drain, evicted with work,
///         half-close, line deadline──► draining(work) ──queue empty──► closing
///     open / draining ──QUIT, fatal error, idle, eviction when idle──► closing
///     any ──inactive──► closed
///
/// `work` is the request running (at most one: that is what keeps pipelined
/// answers in order) and the requests queued behind it. Authentication is
/// its own machine (`AuthGate`), consulted before each request is answered.
struct ConnectionStateMachine {
    private(set) var state: State = .open(.betweenLines, Work())
    private(set) var auth: AuthGate
    private let limits: ServerLimits
    private var sequence: UInt64 = 0

    init(token: [UInt8]?, limits: ServerLimits) {
        self.auth = AuthGate(token: token)
        self.limits = limits
    }

    /// For tests: a machine already in `state`.
    init(state: State, token: [UInt8]? = nil, limits: ServerLimits = ServerLimits()) {
        self.init(token: token, limits: limits)
        self.state = state
    }

    /// The transition function.
    mutating func apply(_ event: ConnectionEvent) -> [ConnectionAction] {
        switch event {
        case .lineStarted: return lineStarted()
        case .received(let received, let bytes): return receive(received, bytes: bytes)
        case .lineDeadlinePassed: return lineDeadlinePassed()
        case .answerQueued(let writable, let flush): return answerQueued(writable: writable, flush: flush)
        case .finished(let number, let response): return finish(number, response)
        case .queryTimedOut(let number):
            return finish(
                number, .failure(ProtocolError(.timeout, "the request took longer than \(limits.requestTimeoutSeconds) s")))
        case .readRequested(let writable): return readRequested(writable: writable)
        case .idleTimedOut(let writable): return idleTimedOut(writable: writable)
        case .evicted(let limit): return evicted(limit: limit)
        case .drain, .inputClosed: return stopReading()
        case .failed: return close()
        case .inactive:
            guard state != .closed else { return [] }
            state = .closed
            return [.cancelQueryTimer, .stopLineDeadline]
        }
    }

    // MARK: Reading

    private mutating func lineStarted() -> [ConnectionAction] {
        switch state {
        case .open(.betweenLines, let work):
            state = .open(.inLine, work)
            return [.startLineDeadline]
        case .open(.held(lineStarted: false), let work):
            // The clock starts when reading resumes.
            state = .open(.held(lineStarted: true), work)
            return []
        case .open(.inLine, _), .open(.held(lineStarted: true), _), .draining, .closing, .closed:
            // Draining: that line will not be answered, so it has no deadline.
            return []
        }
    }

    private mutating func receive(_ received: Received, bytes: Int) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        switch state {
        case .open(let input, var work):
            if input == .inLine { actions.append(.stopLineDeadline) }
            work.enqueue(received, bytes: bytes)
            state = .open(input.lineEnded, work)
        case .draining(var work):
            // Lines the framer had already read when reading stopped: received, so answered.
            work.enqueue(received, bytes: bytes)
            state = .draining(work)
        case .closing, .closed:
            return []
        }
        // Busy until answered: the idle time then counts from the answer.
        return actions + [.setIdle(false), .answerQueued(flush: false)]
    }

    private mutating func lineDeadlinePassed() -> [ConnectionAction] {
        // Only a running deadline can pass: it is stopped on every other way out of `inLine`.
        guard case .open(.inLine, var work) = state else { return [] }
        // After the requests already received: they are answered first.
        work.enqueue(.lineTimedOut, bytes: 0)
        state = .draining(work)
        return [.setIdle(false), .answerQueued(flush: false)]
    }

    private mutating func readRequested(writable: Bool) -> [ConnectionAction] {
        guard case .open(let input, let work) = state else { return [] }
        if work.isFull(limits) || !writable {
            switch input {
            case .betweenLines: state = .open(.held(lineStarted: false), work)
            case .inLine:
                state = .open(.held(lineStarted: true), work)
                return [.stopLineDeadline]
            case .held: break
            }
            return []
        }
        return resume(input, work) + [.read]
    }

    /// Reading again after a hold: the line clock starts afresh.
    private mutating func resume(_ input: Input, _ work: Work) -> [ConnectionAction] {
        guard case .held(let lineStarted) = input else { return [] }
        state = .open(lineStarted ? .inLine : .betweenLines, work)
        return lineStarted ? [.startLineDeadline] : []
    }

    /// Drain and half-close: answer what was received, read nothing more.
    private mutating func stopReading() -> [ConnectionAction] {
        switch state {
        case .open(let input, let work):
            state = .draining(work)
            return (input == .inLine ? [.stopLineDeadline] : []) + [.answerQueued(flush: false)]
        case .draining:
            return [.answerQueued(flush: false)]
        case .closing, .closed:
            return []
        }
    }

    // MARK: Timers and the registry

    private mutating func idleTimedOut(writable: Bool) -> [ConnectionAction] {
        switch state {
        case .open(_, let work), .draining(let work):
            // Only a connection with nothing to do is idle: a running query
            // has its own budget. Answers waiting because the client does
            // not read count as nothing to do: that client is stuck.
            guard work.running == nil, work.queue.isEmpty || !writable else { return [] }
            return [
                .answer(
                    .failure(
                        ProtocolError(
                            .timeout,
                            "no request for \(limits.idleTimeout.secondsText); "
                                + "closing the connection")), nil)
            ] + close()
        case .closing:
            // The client is not taking our last answers; stop waiting for it.
            return [.closeNow]
        case .closed:
            return []
        }
    }

    private mutating func evicted(limit: Int) -> [ConnectionAction] {
        switch state {
        case .open(_, let work) where work.isEmpty, .draining(let work) where work.isEmpty:
            return [
                .answer(
                    .failure(
                        ProtocolError(
                            .busy,
                            "the server is at its cap of \(limit) connections and "
                                + "this one was idle the longest; closing it to make room for a new one")), nil)
            ] + close()
        case .open, .draining:
            // The registry has already given its place away, so it must go;
            // a request came in since it was chosen: answer what was received first.
            return stopReading()
        case .closing, .closed:
            return []
        }
    }

    // MARK: Answering

    private mutating func answerQueued(writable: Bool, flush: Bool) -> [ConnectionAction] {
        switch state {
        case .open(let input, var work):
            if work.running == nil, writable, let next = work.dequeue() {
                state = .open(input, work)
                return answer(next) + [.answerQueued(flush: true)]
            }
            // Every change of `running` and `queue` ends here. Before the flush:
            // once a client has its answer it may act on it, and the registry
            // must already see this connection idle from then.
            var actions: [ConnectionAction] = [.setIdle(work.isEmpty)] + (flush ? [.flush] : [])
            if !work.isFull(limits) && writable { actions += resume(input, work) + (input.isHeld ? [.read] : []) }
            return actions
        case .draining(var work):
            if work.running == nil, writable, let next = work.dequeue() {
                state = .draining(work)
                return answer(next) + [.answerQueued(flush: true)]
            }
            let actions: [ConnectionAction] = [.setIdle(work.isEmpty)] + (flush ? [.flush] : [])
            return work.isEmpty ? actions + close() : actions
        case .closing:
            return [.setIdle(true)] + (flush ? [.flush] : [])
        case .closed:
            return []
        }
    }

    /// The actions for one queued line, which has just left the queue.
    private mutating func answer(_ received: Received) -> [ConnectionAction] {
        switch received {
        case .tooLong:
            return [
                .answer(
                    .failure(
                        ProtocolError(
                            .tooLong,
                            "request line longer than \(limits.maxLineBytes) bytes; "
                                + "closing the connection")), nil)
            ] + close()
        case .lineTimedOut:
            return [
                .answer(
                    .failure(
                        ProtocolError(
                            .timeout,
                            "the request line was not finished within "
                                + "\(limits.lineTimeout.secondsText) of its first byte; closing the connection")), nil)
            ] + close()
        case .invalid(let error, let id):
            // Before authentication, a client that cannot form a request is not given another try.
            return [.answer(.failure(error), id)] + (auth.isOpen ? [] : close())
        case .request(let request):
            return answer(request)
        }
    }

    private mutating func answer(_ request: ClientRequest) -> [ConnectionAction] {
        let id = request.id
        switch auth.admit(request) {
        case .refuse(let message):
            return [.answer(.failure(ProtocolError(.unauthorized, message)), id)] + close()
        case .authenticated:
            return [.answer(.success(ServiceResult(json: Array("{\"authenticated\":true}".utf8))), id)]
        case .pass:
            break
        }
        switch request {
        case .control(let control):
            switch control.kind {
            case .ping: return [.answer(.success(ServiceResult(json: Array("{\"pong\":true}".utf8))), id)]
            case .quit: return [.answer(.success(ServiceResult(json: Array("{\"bye\":true}".utf8))), id)] + close()
            case .auth: return []  // the gate answered it
            case .reload: return [.startReload(number: start(id))]
            }
        case .query(let query):
            return [.startQuery(number: start(id), query)]
        }
    }

    /// Marks a request running; its number.
    private mutating func start(_ id: RequestID?) -> UInt64 {
        sequence += 1
        switch state {
        case .open(let input, var work):
            work.running = Running(number: sequence, id: id)
            state = .open(input, work)
        case .draining(var work):
            work.running = Running(number: sequence, id: id)
            state = .draining(work)
        case .closing, .closed:
            break
        }
        return sequence
    }

    private mutating func finish(_ number: UInt64, _ response: Response) -> [ConnectionAction] {
        switch state {
        case .open(let input, var work) where work.running?.number == number:
            let id = work.running?.id
            work.running = nil
            state = .open(input, work)
            return [.cancelQueryTimer, .answer(response, id), .answerQueued(flush: true)]
        case .draining(var work) where work.running?.number == number:
            let id = work.running?.id
            work.running = nil
            state = .draining(work)
            return [.cancelQueryTimer, .answer(response, id), .answerQueued(flush: true)]
        default:
            // A late answer (its timeout was sent already) or a closing connection.
            return []
        }
    }

    /// Answers no more: drops what is queued and closes once the lines
    /// written so far are flushed.
    private mutating func close() -> [ConnectionAction] {
        switch state {
        case .open, .draining:
            state = .closing
            return [.close]
        case .closing, .closed:
            return []
        }
    }
}
