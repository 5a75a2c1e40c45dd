import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How to run a server.
public struct ServerConfiguration: Sendable {
    public var indexPath: String
    public var host = "127.0.0.1"
    /// 0 picks a free port; `Server.localAddress` tells which.
    public var port = 7878
    /// When set, every connection must start with `AUTH <token>`.
    public var token: String?
    public var limits = ServerLimits()

    public init(indexPath: String) {
        self.indexPath = indexPath
    }
}

/// Binding failed; says why in words a user acts on (NIO's own text names the
/// system call: `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`).
public struct BindError: Error, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var underlying: any Error

    /// The system's error number, when binding failed in the system call.
    public var errno: CInt? { (underlying as? IOError)?.errnoCode }

    public var description: String {
        switch errno {
        case EADDRINUSE:
            "port \(port) is in use (another server is running there?); choose another with --port, or 0 for a free one"
        case EACCES: "no permission to bind port \(port) (ports below 1024 need privileges); choose another with --port"
        case EADDRNOTAVAIL: "\(host) is no address of this machine"
        default: "cannot bind \(host):\(port): \(underlying)"
        }
    }
}

/// The Baogao line-protocol server (PROTOCOL.md): binds, accepts connections
/// up to a cap (overall and per client address), watches the index for new commits, and stops gracefully.
///
///     let server = try await Server.start(configuration, logger: logger)
///     print("listening on \(server.address)")
///     try await server.run()          // until shutdown() (e.g. on SIGTERM)
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    public let watcher: IndexWatcher
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let executor: RequestExecutor
    private let serverChannel: any Channel
    private let connections: ConnectionRegistry
    private let logger: Logger
    private let pollTask: RepeatedTask
    private let stopped: EventLoopPromise<Void>
    private let stopping = Atomic<Bool>(false)

    /// The address actually bound (with the real port when 0 was asked for).
    public var localAddress: SocketAddress? { serverChannel.localAddress }

    /// `127.0.0.1:7878`, as printed when ready.
    public var address: String {
        guard let a = localAddress else { return "\(configuration.host):\(configuration.port)" }
        let host = a.ipAddress ?? configuration.host
        return (host.contains(":") ? "[\(host)]" : host) + ":\(a.port ?? configuration.port)"
    }

    /// Opens the index and binds. Throws (and holds nothing) if either fails.
    /// `willRunQuery` is called on the query thread as each query starts (tests
    /// hold queries there; see `RequestExecutor.willRun`).
    public static func start(
        _ configuration: ServerConfiguration, logger: Logger,
        willRunQuery: (@Sendable (QueryRequest.Command) -> Void)? = nil
    ) async throws -> Server {
        let watcher = try IndexWatcher(path: configuration.indexPath, logger: logger)
        let limits = configuration.limits
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
        let pool = NIOThreadPool(numberOfThreads: max(1, limits.queryThreads))
        pool.start()
        let executor = RequestExecutor(pool: pool, watcher: watcher, limits: limits, willRun: willRunQuery)
        let connections = ConnectionRegistry(limit: limits.maxConnections, limitPerAddress: limits.maxConnectionsPerAddress)
        let token = configuration.token.map { Array($0.utf8) }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(
                .writeBufferWaterMark,
                value: .init(low: limits.writeBufferLowMark, high: limits.writeBufferHighMark)
            )
            .childChannelInitializer { channel in
                Self.initialize(
                    channel, connections: connections, executor: executor, token: token,
                    limits: limits, logger: logger)
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            try? await pool.shutdownGracefully()
            try? await group.shutdownGracefully()
            throw BindError(host: configuration.host, port: configuration.port, underlying: error)
        }
        return Server(
            configuration: configuration, watcher: watcher, group: group, pool: pool, executor: executor,
            channel: channel, connections: connections, logger: logger)
    }

    private init(
        configuration: ServerConfiguration, watcher: IndexWatcher, group: MultiThreadedEventLoopGroup,
        pool: NIOThreadPool, executor: RequestExecutor, channel: any Channel,
        connections: ConnectionRegistry, logger: Logger
    ) {
        self.configuration = configuration
        self.watcher = watcher
        self.group = group
        self.pool = pool
        self.executor = executor
        self.serverChannel = channel
        self.connections = connections
        self.logger = logger
        self.stopped = channel.eventLoop.makePromise()
        // Poll the manifest; open a new index on a query thread, never on the loop.
        let interval = configuration.limits.reloadPollInterval
        self.pollTask = channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            guard watcher.manifestChanged else { return }
            _ = pool.runIfActive(eventLoop: channel.eventLoop) { _ = try? watcher.reload() }
        }
        logger.info(
            "listening",
            metadata: [
                "address": "\(channel.localAddress.map { "\($0)" } ?? "?")",
                "index": "\(configuration.indexPath)",
                "generation": "\(watcher.generation)"
            ])
    }

    private static func initialize(
        _ channel: any Channel, connections: ConnectionRegistry, executor: RequestExecutor,
        token: [UInt8]?, limits: ServerLimits, logger: Logger
    ) -> EventLoopFuture<Void> {
        var logger = logger
        logger[metadataKey: "peer"] = "\(channel.remoteAddress.map { "\($0)" } ?? "?")"
        let ticket: ConnectionTicket
        switch connections.admit(channel) {
        case .refused(let error):
            // Over a cap: one refusal line, then close.
            logger.warning("refused connection", metadata: ["reason": "\(error.message)"])
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(RefusalHandler(error))
            }
        case .admitted(let admitted, let evicting):
            ticket = admitted
            if let evicting {
                logger.notice(
                    "closing the connection idle the longest to make room",
                    metadata: ["closed": "\(evicting.channel.remoteAddress.map { "\($0)" } ?? "?")"])
                evicting.channel.pipeline.fireUserInboundEventTriggered(EvictionEvent(limit: limits.maxConnections))
            }
        }
        logger.debug("connection opened")
        return channel.eventLoop.makeCompletedFuture {
            let sync = channel.pipeline.syncOperations
            try sync.addHandler(ByteToMessageHandler(LineFramer(maxLineBytes: limits.maxLineBytes)))
            // After the framer, so that only whole request lines count as
            // activity: bytes of a line in progress and blank lines do not.
            try sync.addHandler(IdleStateHandler(allTimeout: limits.idleTimeout))
            try sync.addHandler(RequestDecoder())
            try sync.addHandler(
                ConnectionHandler(
                    executor: executor, token: token, limits: limits, logger: logger,
                    ticket: ticket))
        }
    }

    /// Waits until the server has stopped (after `shutdown()`).
    public func run() async throws {
        try await stopped.futureResult.get()
    }

    /// Stops accepting, lets every connection answer the requests it has
    /// received (up to `shutdownGrace`), closes them, and releases the threads.
    /// Safe to call more than once and from any thread.
    public func shutdown() async {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else {
            try? await stopped.futureResult.get()
            return
        }
        logger.info("shutting down", metadata: ["connections": "\(connections.count)", "queries": "\(executor.inFlight)"])
        pollTask.cancel()
        try? await serverChannel.close()
        let open = connections.all
        for channel in open { channel.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
        let grace = configuration.limits.shutdownGrace
        let closed = EventLoopFuture.andAllComplete(open.map(\.closeFuture), on: serverChannel.eventLoop)
        let deadline = serverChannel.eventLoop.scheduleTask(in: grace) { for c in open { c.close(promise: nil) } }
        try? await closed.get()
        deadline.cancel()
        try? await pool.shutdownGracefully()
        stopped.succeed(())
        try? await group.shutdownGracefully()
        logger.info("stopped")
    }

    /// Connections open now.
    public var connectionCount: Int { connections.count }

    /// Queries running or waiting for a query thread now.
    public var queriesInFlight: Int { executor.inFlight }
}
