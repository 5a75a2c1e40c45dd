import ArgumentParser
import BaogaoIngest
import BaogaoServer
import Dispatch
import Foundation
import Logging
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer queries over a line protocol (PROTOCOL.md): one request line in, one JSON line out.",
        discussion: """
            Prints `listening on HOST:PORT` on stdout when ready and logs to stderr. \
            SIGINT or SIGTERM stops accepting, answers the requests in flight, and exits 0. \
            A new commit of the index (baogao index) is picked up without a restart. \
            A --host other than loopback (127.0.0.0/8, ::1, localhost) needs --token-file, \
            or --insecure to serve every client that can reach it without one.
            """)

    @OptionGroup var location: IndexLocation

    @Option(
        help:
            "The address to bind. Loopback by default; anything else exposes the index to the network and needs --token-file (or --insecure)."
    )
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one (the real one is printed).")
    var port = 7878

    @Option(help: ArgumentHelp("A file holding a token every connection must send first (AUTH <token>).", valueName: "file"))
    var tokenFile: String?

    @Flag(help: "Allow a --host other than loopback without --token-file: anyone who can reach it may query.")
    var insecure = false

    @Option(help: "Seconds a request may run before it is answered `timeout`.")
    var timeout = 10.0

    @Option(help: "Seconds without a request before a connection is closed.")
    var idleTimeout = 300.0

    @Option(help: "Seconds from the first byte of a request line to its newline before the connection is closed.")
    var lineTimeout = 10.0

    @Option(
        help:
            "Open connections at most; when full, the one idle the longest is closed for a new one, or the new one is refused `busy` if none is idle."
    )
    var maxConnections = 1024

    @Option(help: "Open connections from one client address at most (loopback included); further ones are refused `busy`.")
    var maxConnectionsPerAddress = 64

    @Option(help: "Threads that run queries (default: one per core).")
    var threads: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard timeout > 0, idleTimeout > 0, lineTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard maxConnections > 0, maxConnectionsPerAddress > 0, (threads ?? 1) > 0 else {
            throw ValidationError("--max-connections, --max-connections-per-address and --threads must be positive")
        }
        // Binding beyond loopback without a token serves the index to the
        // whole network; that must be asked for, not happen by a typo.
        if !HostPolicy.isLoopback(host) && tokenFile == nil && !insecure {
            throw ValidationError(
                "--host \(host) is not a loopback address: every client that can reach it could query "
                    + "the index without a token. Give --token-file FILE, or --insecure if that is what you want.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() throws {
        var configuration = ServerConfiguration(indexPath: location.index)
        configuration.host = host
        configuration.port = port
        configuration.token = try readToken()
        configuration.limits.requestTimeoutSeconds = timeout
        configuration.limits.idleTimeoutSeconds = idleTimeout
        configuration.limits.lineTimeoutSeconds = lineTimeout
        configuration.limits.maxConnections = maxConnections
        configuration.limits.maxConnectionsPerAddress = maxConnectionsPerAddress
        if let threads { configuration.limits.queryThreads = threads }

        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "baogao.serve")
        if !HostPolicy.isLoopback(host) && configuration.token == nil {
            logger.warning("serving a non-loopback address without a token (--insecure)", metadata: ["host": "\(host)"])
        }

        // ArgumentParser runs this synchronously; the server is async. Block
        // here until it has stopped.
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        Task {
            do {
                let server = try await Server.start(configuration, logger: logger)
                let signals = Self.handleSignals { Task { await server.shutdown() } }
                // Unbuffered, so a script waiting for this line sees it at once.
                FileHandle.standardOutput.write(Data("listening on \(server.address)\n".utf8))
                try await server.run()
                withExtendedLifetime(signals) {}
            } catch let error as BindError {
                failure.withLock { $0 = error.description }
            } catch {
                failure.withLock { $0 = "cannot serve: \(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw Terminal.fail(message) }
    }

    private func readToken() throws -> String? {
        guard let tokenFile else { return nil }
        guard let data = FileManager.default.contents(atPath: tokenFile),
            let text = String(data: data, encoding: .utf8)
        else {
            throw Terminal.fail("cannot read the token file \(tokenFile)")
        }
        let token = Whitespace.trimmed(text)
        guard !token.isEmpty else { throw Terminal.fail("the token file \(tokenFile) is empty") }
        return token
    }

    /// SIGINT and SIGTERM call `stop` once each, instead of killing the process.
    private static func handleSignals(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }
}
