import BaogaoServer
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Many clients at once, each pipelining requests: every answer correct and
/// in order.
final class ServerLoadTests: XCTestCase {
    func test200ClientsEach50Requests() async throws {
        // All 200 come from 127.0.0.1: lift the per-address cap for them.
        let server = try await startServer { $0.maxConnectionsPerAddress = 256 }
        defer { Task { await server.shutdown() } }
        let port = server.port
        let rareTotal = try SampleIndex.total("三保")
        let clients = 200
        let requests = 50
        let threads = 4
        let failures = FailureLog()
        // Every client connects first, so all 200 are open at once.
        let connections = try (0..<clients).map { _ in try LineClient(port: port) }
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let mine = stride(from: t, to: clients, by: threads).map { ($0, connections[$0]) }
            // Send every client's whole batch, then read the answers: the
            // server sees all the requests of this thread's clients at once.
            for (n, c) in mine {
                var batch = ""
                for i in 0..<requests {
                    let id = n * requests + i
                    batch += i % 2 == 0 ? "SEARCH ID=\(id) LIMIT=1 三保\n" : "{\"op\":\"ping\",\"id\":\(id)}\n"
                }
                c.send(batch)
            }
            for (n, c) in mine {
                for i in 0..<requests {
                    let id = n * requests + i
                    guard let line = c.readLine(),
                        let r = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    else {
                        failures.add("client \(n): no answer to request \(i)")
                        break
                    }
                    guard r["id"] as? Int == id, r["ok"] as? Bool == true,
                        let result = r["result"] as? [String: Any]
                    else {
                        failures.add("client \(n) request \(i): \(line.prefix(200))")
                        continue
                    }
                    if i % 2 == 0 && result["total"] as? Int != rareTotal {
                        failures.add("client \(n) request \(i): wrong total")
                    }
                    if i % 2 == 1 && result["pong"] as? Bool != true { failures.add("client \(n) request \(i): not a pong") }
                }
            }
        }
        XCTAssertEqual(failures.all, [])
        let seconds = Date().timeIntervalSince(start)
        print("200 clients × 50 requests in \(String(format: "%.2f", seconds)) s")
        XCTAssertLessThan(seconds, 60)
    }
}

/// Failures collected from several threads.
final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    func add(_ s: String) {
        lock.lock()
        entries.append(s)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(entries.prefix(10))
    }
}
