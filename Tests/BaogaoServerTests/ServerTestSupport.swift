import BaogaoIndex
import BaogaoQuery
import BaogaoServer
import Foundation
import Logging
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The repository root, found from this file's path.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

let sampleCorpus = repositoryRoot.appendingPathComponent("Corpus").path

/// Logs nothing: tests provoke hundreds of errors on purpose.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A fresh temporary folder.
func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "baogao-server-\(name)-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The sample corpus, indexed once per test run into a temporary folder.
enum SampleIndex {
    static let path: String = {
        let index = temporaryFolder("index")
        do {
            _ = try IndexUpdater.update(IndexUpdater.Options(corpus: sampleCorpus, index: index))
        } catch {
            fatalError("cannot index the sample corpus: \(error)")
        }
        return index
    }()

    static let engine: Engine = {
        do { return try Engine.open(path: path) } catch { fatalError("\(error)") }
    }()

    /// The total of a search on the sample, as the engine itself counts it.
    static func total(_ query: String) throws -> Int {
        try engine.search(query, page: Page(), deadline: .never).total
    }
}

/// Holds searches until the test opens it, so that a test orders events by waiting
/// on them rather than by sleeping and hoping (a loaded machine broke the sleeps).
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var started = 0, finished = 0

    /// Searches that have reached the gate / passed it.
    var startedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return started
    }
    var finishedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return finished
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `open()`; the 60 s limit only keeps a broken test from hanging the run.
    func pass() {
        condition.lock()
        started += 1
        let limit = Date().addingTimeInterval(60)
        while !isOpen, condition.wait(until: limit) {}
        finished += 1
        condition.unlock()
    }
}

extension Gate {
    /// For `Server.start(willRunQuery:)`: holds every SEARCH at the gate, lets
    /// the other commands through.
    var holdingSearches: @Sendable (QueryRequest.Command) -> Void {
        { [self] command in if command == .search { pass() } }
    }
}

/// Starts a server on an ephemeral loopback port; `gate`, when given, holds its searches.
func startServer(
    index: String = SampleIndex.path, token: String? = nil, gate: Gate? = nil,
    configure: (inout ServerLimits) -> Void = { _ in }
) async throws -> Server {
    var configuration = ServerConfiguration(indexPath: index)
    configuration.port = 0
    configuration.token = token
    configure(&configuration.limits)
    return try await Server.start(configuration, logger: quietLogger, willRunQuery: gate?.holdingSearches)
}

extension Server {
    var port: Int { localAddress?.port ?? 0 }
}

/// A blocking line client over a plain socket: what a script does.
/// Unchecked: a client is used by one thread at a time (the load test hands
/// each one to a single worker).
final class LineClient: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, receiveTimeout: Double = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int(receiveTimeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) { sendBytes(Array(text.utf8)) }

    func sendBytes(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            sent += n
        }
    }

    /// Sends all of `bytes`; false once the server has closed the connection.
    func trySend(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    /// The next line, without `\n`; nil at end of stream or on time-out.
    func readLine() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// Sends one request and parses the one JSON line that answers it.
    func request(_ line: String) throws -> [String: Any] {
        send(line + "\n")
        return try parseResponse(XCTUnwrap(readLine(), "no answer to \(line)"))
    }

    /// Whether the server closed the connection (reads end of stream).
    func isClosedByServer() -> Bool {
        readLine() == nil && buffer.isEmpty
    }

    func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }
}

func parseResponse(_ line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(line)", file: file, line: number)
}

/// The `code` of an error response, after checking it is one.
func errorCode(_ response: [String: Any], file: StaticString = #filePath, line: UInt = #line) -> String? {
    XCTAssertEqual(response["ok"] as? Bool, false, "expected an error: \(response)", file: file, line: line)
    XCTAssertNotNil(response["message"] as? String, file: file, line: line)
    return response["code"] as? String
}

func result(_ response: [String: Any], file: StaticString = #filePath, line: UInt = #line) -> [String: Any] {
    XCTAssertEqual(response["ok"] as? Bool, true, "expected success: \(response)", file: file, line: line)
    return response["result"] as? [String: Any] ?? [:]
}

/// Re-indexes a corpus folder as `baogao index` does.
enum IndexUpdaterShim {
    static func update(corpus: String, index: String) throws -> IndexUpdater.Summary {
        try IndexUpdater.update(IndexUpdater.Options(corpus: corpus, index: index))
    }
}
