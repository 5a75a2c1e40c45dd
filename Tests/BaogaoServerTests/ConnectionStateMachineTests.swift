import NIOCore
import XCTest

@testable import BaogaoServer

/// The connection's transition function as tables: for each state and each
/// event that matters, illegal and late ones included, the state it leads to
/// and the actions the handler is told to take. No channel, no clock.
final class ConnectionStateMachineTests: XCTestCase {
    private typealias Machine = ConnectionStateMachine
    private typealias State = ConnectionStateMachine.State

    private struct Row {
        var name: String
        var from: State
        var token: String? = nil
        var limits = ServerLimits()
        var event: ConnectionEvent
        var actions: [ConnectionAction]
        var to: State
    }

    private func check(_ rows: [Row], file: StaticString = #filePath, line: UInt = #line) {
        for row in rows {
            var machine = Machine(state: row.from, token: row.token.map { Array($0.utf8) }, limits: row.limits)
            let actions = machine.apply(row.event)
            XCTAssertEqual(actions, row.actions, "\(row.name): actions", file: file, line: line)
            XCTAssertEqual(machine.state, row.to, "\(row.name): state", file: file, line: line)
        }
    }

    // MARK: Building states

    private static let search = QueryRequest(.search, argument: "三保", id: .number(7))
    private static let ping = Received.request(.control(ControlRequest(kind: .ping, id: nil)))
    private static let quit = Received.request(.control(ControlRequest(kind: .quit, id: nil)))
    private static let reload = Received.request(.control(ControlRequest(kind: .reload, id: nil)))
    private static func auth(_ token: String) -> Received {
        .request(.control(ControlRequest(kind: .auth(token: token), id: nil)))
    }
    private static let query = Received.request(.query(search))
    private static let bad = Received.invalid(ProtocolError(.unknownCommand, "unknown command FOO"), nil)

    private static func work(running: UInt64? = nil, _ queued: Received...) -> Machine.Work {
        var work = Machine.Work()
        work.running = running.map { Machine.Running(number: $0, id: .number(7)) }
        for item in queued {
            // As the handler counts them: the line's bytes; none for the notices.
            let bytes = item == .tooLong || item == .lineTimedOut ? 0 : 5
            work.queue.append(.init(received: item, bytes: bytes))
            work.queuedBytes += bytes
        }
        return work
    }

    private static let empty = work()
    private static let busy = work(running: 1)

    private static func ok(_ json: String) -> Response { .success(ServiceResult(json: Array(json.utf8))) }
    private static func error(_ code: ErrorCode, _ message: String) -> Response { .failure(ProtocolError(code, message)) }
    private static let pong = ok("{\"pong\":true}")
    private static let result = ok("{\"hits\":[]}")

    private var oneRequestQueue: ServerLimits {
        var limits = ServerLimits()
        limits.maxQueuedRequests = 1
        return limits
    }

    // MARK: Tables

    func testLineStarted() {
        check([
            Row(
                name: "idle starts the deadline", from: .open(.betweenLines, Self.empty), event: .lineStarted,
                actions: [.startLineDeadline], to: .open(.inLine, Self.empty)),
            Row(
                name: "already in a line", from: .open(.inLine, Self.empty), event: .lineStarted,
                actions: [], to: .open(.inLine, Self.empty)),
            Row(
                name: "held: the clock waits for reads", from: .open(.held(lineStarted: false), Self.busy), event: .lineStarted,
                actions: [], to: .open(.held(lineStarted: true), Self.busy)),
            Row(
                name: "draining: never answered, so no deadline", from: .draining(Self.busy), event: .lineStarted,
                actions: [], to: .draining(Self.busy)),
            Row(name: "closing", from: .closing, event: .lineStarted, actions: [], to: .closing),
            Row(name: "closed", from: .closed, event: .lineStarted, actions: [], to: .closed)
        ])
    }

    func testReceived() {
        check([
            Row(
                name: "a line ends its deadline and is queued", from: .open(.inLine, Self.empty),
                event: .received(Self.ping, bytes: 5),
                actions: [.stopLineDeadline, .setIdle(false), .answerQueued(flush: false)],
                to: .open(.betweenLines, Self.work(Self.ping))),
            Row(
                name: "behind a running query", from: .open(.betweenLines, Self.busy),
                event: .received(Self.ping, bytes: 5),
                actions: [.setIdle(false), .answerQueued(flush: false)],
                to: .open(.betweenLines, Self.work(running: 1, Self.ping))),
            Row(
                name: "while held: the hold stays, the line is over", from: .open(.held(lineStarted: true), Self.busy),
                event: .received(Self.ping, bytes: 5),
                actions: [.setIdle(false), .answerQueued(flush: false)],
                to: .open(.held(lineStarted: false), Self.work(running: 1, Self.ping))),
            Row(
                name: "draining: already read, so answered", from: .draining(Self.busy),
                event: .received(Self.ping, bytes: 5),
                actions: [.setIdle(false), .answerQueued(flush: false)],
                to: .draining(Self.work(running: 1, Self.ping))),
            Row(name: "closing: dropped", from: .closing, event: .received(Self.ping, bytes: 5), actions: [], to: .closing),
            Row(name: "closed: dropped", from: .closed, event: .received(Self.ping, bytes: 5), actions: [], to: .closed)
        ])
    }

    func testLineDeadline() {
        check([
            Row(
                name: "passes after the requests received", from: .open(.inLine, Self.work(running: 1, Self.ping)),
                event: .lineDeadlinePassed, actions: [.setIdle(false), .answerQueued(flush: false)],
                to: .draining(Self.work(running: 1, Self.ping, .lineTimedOut))),
            Row(
                name: "late: no line in progress", from: .open(.betweenLines, Self.empty), event: .lineDeadlinePassed,
                actions: [], to: .open(.betweenLines, Self.empty)),
            Row(
                name: "late: paused by a hold", from: .open(.held(lineStarted: true), Self.busy), event: .lineDeadlinePassed,
                actions: [], to: .open(.held(lineStarted: true), Self.busy)),
            Row(
                name: "late: draining", from: .draining(Self.busy), event: .lineDeadlinePassed, actions: [],
                to: .draining(Self.busy)),
            Row(name: "late: closing", from: .closing, event: .lineDeadlinePassed, actions: [], to: .closing)
        ])
    }

    func testAnsweringTheQueue() {
        let writable = ConnectionEvent.answerQueued(writable: true, flush: false)
        check([
            Row(
                name: "control request answered at once", from: .open(.betweenLines, Self.work(Self.ping, Self.ping)),
                event: writable, actions: [.answer(Self.pong, nil), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.work(Self.ping))),
            Row(
                name: "a query starts and holds the queue", from: .open(.betweenLines, Self.work(Self.query, Self.ping)),
                event: writable, actions: [.startQuery(number: 1, Self.search), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.work(running: 1, Self.ping))),
            Row(
                name: "reload goes to the executor's own entry", from: .open(.betweenLines, Self.work(Self.reload)),
                event: writable, actions: [.startReload(number: 1), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.busy.with(id: nil))),
            Row(
                name: "in order: nothing passes a running query", from: .open(.betweenLines, Self.work(running: 1, Self.ping)),
                event: writable, actions: [.setIdle(false)], to: .open(.betweenLines, Self.work(running: 1, Self.ping))),
            Row(
                name: "client not reading: answers wait", from: .open(.betweenLines, Self.work(Self.ping)),
                event: .answerQueued(writable: false, flush: true), actions: [.setIdle(false), .flush],
                to: .open(.betweenLines, Self.work(Self.ping))),
            Row(
                name: "queue empty: idle, flushed", from: .open(.betweenLines, Self.empty),
                event: .answerQueued(writable: true, flush: true), actions: [.setIdle(true), .flush],
                to: .open(.betweenLines, Self.empty)),
            Row(
                name: "caught up: a hold ends and the line clock restarts", from: .open(.held(lineStarted: true), Self.empty),
                event: writable, actions: [.setIdle(true), .startLineDeadline, .read], to: .open(.inLine, Self.empty)),
            Row(
                name: "still full: the hold stays", from: .open(.held(lineStarted: false), Self.work(running: 1, Self.ping)),
                limits: oneRequestQueue, event: writable, actions: [.setIdle(false)],
                to: .open(.held(lineStarted: false), Self.work(running: 1, Self.ping))),
            Row(
                name: "QUIT answers then closes, dropping the rest", from: .open(.betweenLines, Self.work(Self.quit, Self.ping)),
                event: writable, actions: [.answer(Self.ok("{\"bye\":true}"), nil), .close, .answerQueued(flush: true)],
                to: .closing),
            Row(
                name: "too long answers then closes", from: .open(.betweenLines, Self.work(.tooLong)), event: writable,
                actions: [
                    .answer(Self.error(.tooLong, "request line longer than 65536 bytes; closing the connection"), nil),
                    .close, .answerQueued(flush: true)
                ],
                to: .closing),
            Row(
                name: "a bad line is answered and the connection goes on", from: .open(.betweenLines, Self.work(Self.bad)),
                event: writable,
                actions: [
                    .answer(.failure(ProtocolError(.unknownCommand, "unknown command FOO")), nil),
                    .answerQueued(flush: true)
                ],
                to: .open(.betweenLines, Self.empty)),
            Row(
                name: "the line deadline's notice closes", from: .draining(Self.work(.lineTimedOut)), event: writable,
                actions: [
                    .answer(
                        Self.error(
                            .timeout,
                            "the request line was not finished within 10 s of its first byte; "
                                + "closing the connection"), nil), .close, .answerQueued(flush: true)
                ],
                to: .closing),
            Row(
                name: "draining answers what it holds", from: .draining(Self.work(Self.ping)), event: writable,
                actions: [.answer(Self.pong, nil), .answerQueued(flush: true)], to: .draining(Self.empty)),
            Row(
                name: "draining and done: close", from: .draining(Self.empty), event: .answerQueued(writable: true, flush: true),
                actions: [.setIdle(true), .flush, .close], to: .closing),
            Row(
                name: "draining, a query running: wait for it", from: .draining(Self.busy), event: writable,
                actions: [.setIdle(false)], to: .draining(Self.busy)),
            Row(
                name: "closing: only the flush", from: .closing, event: .answerQueued(writable: true, flush: true),
                actions: [.setIdle(true), .flush], to: .closing),
            Row(name: "closed", from: .closed, event: writable, actions: [], to: .closed)
        ])
    }

    func testAuthentication() {
        let writable = ConnectionEvent.answerQueued(writable: true, flush: false)
        let first = Self.error(.unauthorized, "send AUTH <token> first")
        check([
            Row(
                name: "a query before AUTH never starts", from: .open(.betweenLines, Self.work(Self.query)), token: "t",
                event: writable, actions: [.answer(first, .number(7)), .close, .answerQueued(flush: true)], to: .closing),
            Row(
                name: "RELOAD before AUTH never starts", from: .open(.betweenLines, Self.work(Self.reload)), token: "t",
                event: writable, actions: [.answer(first, nil), .close, .answerQueued(flush: true)], to: .closing),
            Row(
                name: "PING before AUTH", from: .open(.betweenLines, Self.work(Self.ping)), token: "t",
                event: writable, actions: [.answer(first, nil), .close, .answerQueued(flush: true)], to: .closing),
            Row(
                name: "wrong token", from: .open(.betweenLines, Self.work(Self.auth("T"), Self.ping)), token: "t",
                event: writable,
                actions: [
                    .answer(Self.error(.unauthorized, "wrong token"), nil), .close,
                    .answerQueued(flush: true)
                ], to: .closing),
            Row(
                name: "right token", from: .open(.betweenLines, Self.work(Self.auth("t"), Self.query)), token: "t",
                event: writable, actions: [.answer(Self.ok("{\"authenticated\":true}"), nil), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.work(Self.query))),
            Row(
                name: "QUIT needs no token", from: .open(.betweenLines, Self.work(Self.quit)), token: "t",
                event: writable, actions: [.answer(Self.ok("{\"bye\":true}"), nil), .close, .answerQueued(flush: true)],
                to: .closing),
            Row(
                name: "a bad line before AUTH closes", from: .open(.betweenLines, Self.work(Self.bad, Self.auth("t"))),
                token: "t",
                event: writable,
                actions: [
                    .answer(.failure(ProtocolError(.unknownCommand, "unknown command FOO")), nil), .close,
                    .answerQueued(flush: true)
                ], to: .closing),
            Row(
                name: "AUTH without a server token", from: .open(.betweenLines, Self.work(Self.auth("x"))),
                event: writable, actions: [.answer(Self.ok("{\"authenticated\":true}"), nil), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.empty))
        ])
    }

    func testFinishing() {
        check([
            Row(
                name: "the answer, with its id, then the queue", from: .open(.betweenLines, Self.work(running: 1, Self.ping)),
                event: .finished(number: 1, Self.result),
                actions: [.cancelQueryTimer, .answer(Self.result, .number(7)), .answerQueued(flush: true)],
                to: .open(.betweenLines, Self.work(Self.ping))),
            Row(
                name: "the time budget passes first", from: .open(.inLine, Self.busy), event: .queryTimedOut(number: 1),
                actions: [
                    .cancelQueryTimer, .answer(Self.error(.timeout, "the request took longer than 10.0 s"), .number(7)),
                    .answerQueued(flush: true)
                ],
                to: .open(.inLine, Self.empty)),
            Row(
                name: "late: its timeout was answered", from: .open(.betweenLines, Self.work(running: 2)),
                event: .finished(number: 1, Self.result), actions: [], to: .open(.betweenLines, Self.work(running: 2))),
            Row(
                name: "late: nothing running", from: .open(.betweenLines, Self.empty), event: .queryTimedOut(number: 1),
                actions: [], to: .open(.betweenLines, Self.empty)),
            Row(
                name: "draining", from: .draining(Self.busy), event: .finished(number: 1, Self.result),
                actions: [.cancelQueryTimer, .answer(Self.result, .number(7)), .answerQueued(flush: true)],
                to: .draining(Self.empty)),
            Row(name: "closing: dropped", from: .closing, event: .finished(number: 1, Self.result), actions: [], to: .closing),
            Row(name: "closed: dropped", from: .closed, event: .finished(number: 1, Self.result), actions: [], to: .closed)
        ])
    }

    func testBackpressureOnReads() {
        check([
            Row(
                name: "room: read", from: .open(.betweenLines, Self.empty), event: .readRequested(writable: true),
                actions: [.read], to: .open(.betweenLines, Self.empty)),
            Row(
                name: "client not reading: hold", from: .open(.betweenLines, Self.empty), event: .readRequested(writable: false),
                actions: [], to: .open(.held(lineStarted: false), Self.empty)),
            Row(
                name: "hold pauses the line clock", from: .open(.inLine, Self.empty), event: .readRequested(writable: false),
                actions: [.stopLineDeadline], to: .open(.held(lineStarted: true), Self.empty)),
            Row(
                name: "queue full: hold", from: .open(.betweenLines, Self.work(running: 1, Self.ping)), limits: oneRequestQueue,
                event: .readRequested(writable: true), actions: [],
                to: .open(.held(lineStarted: false), Self.work(running: 1, Self.ping))),
            Row(
                name: "held, room again", from: .open(.held(lineStarted: true), Self.empty),
                event: .readRequested(writable: true),
                actions: [.startLineDeadline, .read], to: .open(.inLine, Self.empty)),
            Row(
                name: "draining reads nothing", from: .draining(Self.busy), event: .readRequested(writable: true),
                actions: [], to: .draining(Self.busy)),
            Row(name: "closing reads nothing", from: .closing, event: .readRequested(writable: true), actions: [], to: .closing),
            Row(name: "closed reads nothing", from: .closed, event: .readRequested(writable: true), actions: [], to: .closed)
        ])
    }

    func testIdleTimeout() {
        let notice = Self.error(.timeout, "no request for 300 s; closing the connection")
        check([
            Row(
                name: "nothing to do: told and closed", from: .open(.betweenLines, Self.empty),
                event: .idleTimedOut(writable: true),
                actions: [.answer(notice, nil), .close], to: .closing),
            Row(
                name: "a half-sent line is the client's debt", from: .open(.inLine, Self.empty),
                event: .idleTimedOut(writable: true),
                actions: [.answer(notice, nil), .close], to: .closing),
            Row(
                name: "a running query has its own budget", from: .open(.betweenLines, Self.busy),
                event: .idleTimedOut(writable: true), actions: [], to: .open(.betweenLines, Self.busy)),
            Row(
                name: "requests about to be answered", from: .open(.betweenLines, Self.work(Self.ping)),
                event: .idleTimedOut(writable: true), actions: [], to: .open(.betweenLines, Self.work(Self.ping))),
            Row(
                name: "answers the client does not take: stuck", from: .open(.held(lineStarted: false), Self.work(Self.ping)),
                event: .idleTimedOut(writable: false), actions: [.answer(notice, nil), .close], to: .closing),
            Row(
                name: "closing and still idle: stop waiting", from: .closing, event: .idleTimedOut(writable: false),
                actions: [.closeNow], to: .closing),
            Row(name: "closed", from: .closed, event: .idleTimedOut(writable: true), actions: [], to: .closed)
        ])
    }

    func testEvictionDrainAndHalfClose() {
        let busyNotice = Self.error(
            .busy,
            "the server is at its cap of 3 connections and this one was idle the longest; "
                + "closing it to make room for a new one")
        check([
            Row(
                name: "evicted while idle", from: .open(.inLine, Self.empty), event: .evicted(limit: 3),
                actions: [.answer(busyNotice, nil), .close], to: .closing),
            Row(
                name: "evicted with work: answer it first", from: .open(.inLine, Self.busy), event: .evicted(limit: 3),
                actions: [.stopLineDeadline, .answerQueued(flush: false)], to: .draining(Self.busy)),
            Row(name: "evicted while closing", from: .closing, event: .evicted(limit: 3), actions: [], to: .closing),
            Row(
                name: "drain stops the line clock", from: .open(.inLine, Self.empty), event: .drain,
                actions: [.stopLineDeadline, .answerQueued(flush: false)], to: .draining(Self.empty)),
            Row(
                name: "drain with a query running", from: .open(.held(lineStarted: true), Self.busy), event: .drain,
                actions: [.answerQueued(flush: false)], to: .draining(Self.busy)),
            Row(
                name: "drain twice", from: .draining(Self.busy), event: .drain,
                actions: [.answerQueued(flush: false)], to: .draining(Self.busy)),
            Row(name: "drain while closing", from: .closing, event: .drain, actions: [], to: .closing),
            Row(
                name: "half-close: answer what was sent", from: .open(.betweenLines, Self.work(Self.ping)), event: .inputClosed,
                actions: [.answerQueued(flush: false)], to: .draining(Self.work(Self.ping))),
            Row(name: "half-close after close", from: .closed, event: .inputClosed, actions: [], to: .closed)
        ])
    }

    func testErrorsAndTheEnd() {
        check([
            Row(name: "error closes", from: .open(.betweenLines, Self.busy), event: .failed, actions: [.close], to: .closing),
            Row(name: "error while draining", from: .draining(Self.busy), event: .failed, actions: [.close], to: .closing),
            Row(name: "error while closing", from: .closing, event: .failed, actions: [], to: .closing),
            Row(
                name: "inactive stops every timer", from: .open(.inLine, Self.busy), event: .inactive,
                actions: [.cancelQueryTimer, .stopLineDeadline], to: .closed),
            Row(
                name: "inactive after closing", from: .closing, event: .inactive,
                actions: [.cancelQueryTimer, .stopLineDeadline], to: .closed),
            Row(name: "inactive twice", from: .closed, event: .inactive, actions: [], to: .closed)
        ])
    }

    /// The gate alone: every AUTH is checked against the token, a second one too.
    func testAuthGate() {
        var gate = AuthGate(token: Array("t".utf8))
        let auth = { (token: String) in ClientRequest.control(ControlRequest(kind: .auth(token: token), id: nil)) }
        let ping = ClientRequest.control(ControlRequest(kind: .ping, id: nil))
        XCTAssertEqual(gate.admit(.query(Self.search)), .refuse("send AUTH <token> first"))
        XCTAssertEqual(gate.admit(ping), .refuse("send AUTH <token> first"))
        XCTAssertEqual(gate.admit(.control(ControlRequest(kind: .quit, id: nil))), .pass)
        XCTAssertFalse(gate.isOpen)
        XCTAssertEqual(gate.admit(auth("t")), .authenticated)
        XCTAssertTrue(gate.isOpen)
        XCTAssertEqual(gate.admit(.query(Self.search)), .pass)
        XCTAssertEqual(gate.admit(ping), .pass)
        XCTAssertEqual(gate.admit(auth("x")), .refuse("wrong token"))
        var open = AuthGate(token: nil)
        XCTAssertEqual(open.admit(auth("anything")), .authenticated)
        XCTAssertEqual(open.admit(.query(Self.search)), .pass)
    }

    /// With a token set and never given, no sequence of events starts a
    /// query or a reload: the property the auth gate is for.
    func testNothingReachesTheExecutorBeforeAuth() {
        let received: [Received] = [Self.query, Self.reload, Self.ping, Self.auth("wrong"), Self.bad]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var machine = Machine(token: Array("t".utf8), limits: ServerLimits())
            for _ in 0..<20 {
                let event: ConnectionEvent =
                    switch Int.random(in: 0..<6, using: &rng) {
                    case 0: .lineStarted
                    case 1, 2: .received(received.randomElement(using: &rng)!, bytes: 5)
                    case 3: .answerQueued(writable: Bool.random(using: &rng), flush: false)
                    case 4: .readRequested(writable: Bool.random(using: &rng))
                    default: .drain
                    }
                for action in machine.apply(event) {
                    switch action {
                    case .startQuery, .startReload: XCTFail("\(action) before AUTH")
                    default: break
                    }
                }
            }
        }
    }

    /// The typed split: every command lands on exactly one side.
    func testControlRequestsAreNotQueries() {
        for command in Command.allCases {
            let request = ClientRequest(Request(command: command, argument: "x"))
            let isControl: Bool = if case .control = request { true } else { false }
            XCTAssertEqual(isControl, [.ping, .quit, .auth, .reload].contains(command), "\(command)")
        }
    }
}

extension ConnectionStateMachine.Work {
    /// The same work with the running request's id replaced.
    fileprivate func with(id: RequestID?) -> Self {
        var copy = self
        copy.running?.id = id
        return copy
    }
}
