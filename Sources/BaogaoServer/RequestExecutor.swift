import BaogaoQuery
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// Runs the index commands of every connection on a shared pool of threads,
/// so the event loops only frame and write and stay responsive whatever the
/// queries cost. The number of queries running or queued is bounded
/// (`ServerLimits.maxRunningQueries`); beyond it a request is refused `busy`
/// at once rather than queued without bound.
///
/// The time budget of a request is enforced twice: by the connection (it
/// answers `timeout` and moves on) and by the query, which runs within a
/// `Deadline` of the same length and stops itself between units of work. A
/// query keeps its slot here until it really ends, so one that overruns by a
/// unit of work still counts against the bound.
public final class RequestExecutor: Sendable {
    /// nil runs queries inline on the calling loop: only for in-memory
    /// tests (EmbeddedChannel is single-threaded).
    let pool: NIOThreadPool?
    let watcher: IndexWatcher
    let limits: ServerLimits
    /// Called on the query thread as each query starts, before the engine is
    /// asked: tests hold a query here to order events (a timeout, `busy`, a
    /// shutdown with queries in flight) by waiting on them, not by sleeping.
    let willRun: (@Sendable (QueryRequest.Command) -> Void)?
    private let running = Atomic<Int>(0)

    public init(
        pool: NIOThreadPool?, watcher: IndexWatcher, limits: ServerLimits,
        willRun: (@Sendable (QueryRequest.Command) -> Void)? = nil
    ) {
        self.pool = pool
        self.watcher = watcher
        self.limits = limits
        self.willRun = willRun
    }

    /// Queries running or waiting for a thread right now.
    public var inFlight: Int { running.load(ordering: .relaxed) }

    /// Runs `query` on the pool; the future completes on `loop`.
    func execute(_ query: QueryRequest, on loop: any EventLoop) -> EventLoopFuture<Response> {
        submit(on: loop) { [self] in run(query) }
    }

    /// Reopens the index on the pool. A control request, but it opens files,
    /// so it runs off the loop and counts against the same bound as queries.
    func reload(on loop: any EventLoop) -> EventLoopFuture<Response> {
        submit(on: loop) { [self] in
            do throws(ProtocolError) { return .success(try reload()) } catch { return .failure(error) }
        }
    }

    private func submit(on loop: any EventLoop, _ work: @escaping @Sendable () -> Response) -> EventLoopFuture<Response> {
        guard running.add(1, ordering: .relaxed).newValue <= limits.maxRunningQueries else {
            running.subtract(1, ordering: .relaxed)
            return loop.makeSucceededFuture(
                .failure(
                    ProtocolError(
                        .busy, "the server is running \(limits.maxRunningQueries) queries; try again shortly")))
        }
        guard let pool else {
            defer { running.subtract(1, ordering: .relaxed) }
            return loop.makeSucceededFuture(work())
        }
        let future = pool.runIfActive(eventLoop: loop) { [self] () -> Response in
            defer { running.subtract(1, ordering: .relaxed) }
            return work()
        }
        // runIfActive fails only when the pool is shutting down, before the
        // body ran: the slot taken above must be given back here.
        return future.flatMapErrorThrowing { [self] error in
            running.subtract(1, ordering: .relaxed)
            return .failure(ProtocolError(.busy, "the server is shutting down"))
        }
    }

    /// Runs one query on the engine current when it starts, so a reload never
    /// changes the index under a running request. Called on a pool thread.
    func run(_ request: QueryRequest) -> Response {
        let page = Page(limit: min(request.limit ?? 10, limits.maxLimit), offset: request.offset ?? 0)
        // The connection answers `timeout` when the budget passes; the deadline
        // makes the query itself stop then too, so it gives its thread and
        // its slot back instead of running on unseen.
        let deadline = Deadline.after(seconds: Double(limits.requestTimeout.nanoseconds) / 1e9)
        let engine = watcher.current
        willRun?(request.command)
        do throws(ProtocolError) {
            return .success(try engine.answer(request, page: page, deadline: deadline))
        } catch {
            return .failure(error)
        }
    }

    private func reload() throws(ProtocolError) -> ServiceResult {
        let loaded: Bool
        do { loaded = try watcher.reload(force: true) } catch {
            throw ProtocolError(
                .indexError, "cannot reload the index: \(error.description); still serving generation \(watcher.generation)")
        }
        return ServiceResult(json: Array("{\"generation\":\(watcher.generation),\"reloaded\":\(loaded)}".utf8))
    }
}
