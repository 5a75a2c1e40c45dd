import BaogaoServer
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The protocol over a real loopback socket: every command, pipelining, JSON
/// requests, and each limit and fault of PROTOCOL.md.
final class ServerSocketTests: XCTestCase {
    func testEveryCommand() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true)
        let search = result(try c.request("SEARCH LIMIT=2 三保"))
        XCTAssertEqual((search["hits"] as? [[String: Any]])?.count, 2)
        let id = try XCTUnwrap((search["hits"] as? [[String: Any]])?.first?["id"] as? String)
        XCTAssertEqual(result(try c.request("GET \(id)"))["id"] as? String, id)
        XCTAssertEqual(errorCode(try c.request("GET /etc/passwd#1")), "not_found")
        XCTAssertEqual(result(try c.request("STATS"))["generation"] as? Int, server.watcher.generation)
        XCTAssertNotNil(result(try c.request("MENTIONS 过紧日子"))["by_year"])
        let series = result(try c.request("SERIES 一般公共预算收入 region:江津"))
        XCTAssertEqual((series["regions"] as? [[String: Any]])?.map { $0["region"] as? String }, ["江津区"])
        let compared = result(try c.request("COMPARE 债务余额 year:2023"))
        XCTAssertEqual((compared["rows"] as? [[String: Any]])?.map { $0["region"] as? String }, ["江津区", "解放区"])
        XCTAssertEqual(errorCode(try c.request("COMPARE 债务余额")), "unsupported")
        let facts = result(try c.request("FACTS 教育 >1亿"))
        XCTAssertTrue((facts["facts"] as? [[String: Any]] ?? []).contains { $0["label"] as? String == "教育支出" })
        let asked = result(try c.request("ASK 2023年江津区一般公共预算收入是多少？"))
        XCTAssertEqual((asked["answer"] as? [String: Any])?["text"] as? String, "67.96亿元")
        let defined = result(try c.request("DEFINE 三保"))
        XCTAssertFalse((defined["definitions"] as? [[String: Any]] ?? []).isEmpty)
        let json = try c.request(#"{"op":"search","q":"债务","limit":1,"offset":2,"id":7}"#)
        XCTAssertEqual(json["id"] as? Int, 7)
        XCTAssertEqual(result(json)["offset"] as? Int, 2)
        let syntax = try c.request("SEARCH ID=s 债务 OR")
        XCTAssertEqual(errorCode(syntax), "syntax_error")
        XCTAssertEqual(syntax["id"] as? String, "s")
        XCTAssertNotNil(syntax["position"] as? Int)
        XCTAssertEqual(errorCode(try c.request("HELLO")), "unknown_command")
        XCTAssertEqual(result(try c.request("RELOAD"))["reloaded"] as? Bool, false)
        XCTAssertEqual(result(try c.request("AUTH anything"))["authenticated"] as? Bool, true)
        XCTAssertEqual(result(try c.request("QUIT"))["bye"] as? Bool, true)
        XCTAssertTrue(c.isClosedByServer())
    }

    func testPipelinedRequestsAnsweredInOrder() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        var batch = ""
        for i in 0..<200 {
            switch i % 4 {
            case 0: batch += "PING ID=\(i)\n"
            case 1: batch += "SEARCH ID=\(i) LIMIT=1 三保\n"
            case 2: batch += "{\"op\":\"search\",\"q\":\"债务\",\"limit\":0,\"id\":\(i)}\n"
            default: batch += "SEARCH ID=\(i) \"\n"
            }
        }
        c.send(batch)
        for i in 0..<200 {
            let r = try parseResponse(try XCTUnwrap(c.readLine()))
            XCTAssertEqual(r["id"] as? Int, i)
            XCTAssertEqual(r["ok"] as? Bool, i % 4 != 3)
        }
    }

    func testOverlongLineIsAnsweredThenClosed() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        c.send("PING\nSEARCH " + String(repeating: "三", count: 30_000) + "\nPING\n")
        XCTAssertEqual(result(try parseResponse(try XCTUnwrap(c.readLine())))["pong"] as? Bool, true)
        XCTAssertEqual(errorCode(try parseResponse(try XCTUnwrap(c.readLine()))), "too_long")
        XCTAssertTrue(c.isClosedByServer())
        // The server itself is fine.
        XCTAssertEqual(result(try LineClient(port: server.port).request("PING"))["pong"] as? Bool, true)
    }

    func testInvalidUTF8() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        c.sendBytes(Array("SEARCH ".utf8) + [0xFF, 0xFE] + [0x0A])
        XCTAssertEqual(errorCode(try parseResponse(try XCTUnwrap(c.readLine()))), "bad_request")
        XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true)
    }

    func testIdleConnectionsAreClosed() async throws {
        let server = try await startServer { $0.idleTimeoutSeconds = 0.3 }
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true)
        let line = try XCTUnwrap(c.readLine(), "no idle notice")
        XCTAssertEqual(errorCode(try parseResponse(line)), "timeout")
        XCTAssertTrue(c.isClosedByServer())
    }

    /// At the cap, the connection idle the longest makes room for the new one.
    func testConnectionCapClosesTheLongestIdle() async throws {
        let server = try await startServer { $0.maxConnections = 3 }
        defer { Task { await server.shutdown() } }
        let clients = try (0..<3).map { _ in try LineClient(port: server.port) }
        // In this order, so clients[0] has been idle the longest.
        for c in clients { XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true) }
        let newcomer = try LineClient(port: server.port)
        XCTAssertEqual(result(try newcomer.request("PING"))["pong"] as? Bool, true)
        let notice = try parseResponse(try XCTUnwrap(clients[0].readLine(), "no eviction notice"))
        XCTAssertEqual(errorCode(notice), "busy")
        XCTAssertTrue((notice["message"] as? String ?? "").contains("idle the longest"), "\(notice)")
        XCTAssertTrue(clients[0].isClosedByServer())
        for c in clients.dropFirst() + [newcomer] { XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true) }
        XCTAssertEqual(server.connectionCount, 3)
    }

    /// At the cap with every connection busy, the new one is refused.
    func testConnectionCapRefusesWhenNoneIsIdle() async throws {
        let gate = Gate()
        let server = try await startServer(gate: gate) { $0.maxConnections = 2 }
        defer {
            gate.open()
            Task { await server.shutdown() }
        }
        let a = try LineClient(port: server.port)
        let b = try LineClient(port: server.port)
        a.send("SEARCH ID=a 三保\n")
        b.send("SEARCH ID=b 三保\n")
        try await waitUntil(timeout: 60) { gate.startedCount == 2 }
        let refused = try LineClient(port: server.port)
        let refusal = try parseResponse(try XCTUnwrap(refused.readLine()))
        XCTAssertEqual(errorCode(refusal), "busy")
        XCTAssertTrue((refusal["message"] as? String ?? "").contains("none is idle"), "\(refusal)")
        XCTAssertTrue(refused.isClosedByServer())
        // The busy ones were left alone.
        gate.open()
        XCTAssertEqual(try parseResponse(try XCTUnwrap(a.readLine()))["id"] as? String, "a")
        XCTAssertEqual(try parseResponse(try XCTUnwrap(b.readLine()))["id"] as? String, "b")
    }

    /// One address cannot take more than its share, even with room overall
    /// and its own connections idle.
    func testConnectionCapPerAddress() async throws {
        let server = try await startServer { $0.maxConnectionsPerAddress = 2 }
        defer { Task { await server.shutdown() } }
        var clients = try (0..<2).map { _ in try LineClient(port: server.port) }
        for c in clients { XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true) }
        let refused = try LineClient(port: server.port)
        let refusal = try parseResponse(try XCTUnwrap(refused.readLine()))
        XCTAssertEqual(errorCode(refusal), "busy")
        XCTAssertTrue((refusal["message"] as? String ?? "").contains("from 127.0.0.1"), "\(refusal)")
        XCTAssertTrue(refused.isClosedByServer())
        // Nobody was pushed out for it.
        for c in clients { XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true) }
        clients.removeFirst()  // closes one: the address has room again
        try await waitUntil { server.connectionCount < 2 }
        XCTAssertEqual(result(try LineClient(port: server.port).request("PING"))["pong"] as? Bool, true)
    }

    /// Slowloris: a byte every 50 ms, far inside the line deadline between
    /// bytes, never a newline. The deadline counts from the first byte, so
    /// the connection is told `timeout` and closed; others are served all along.
    func testSlowlorisIsClosedAfterTheLineDeadline() async throws {
        let server = try await startServer { $0.lineTimeoutSeconds = 0.3 }
        defer { Task { await server.shutdown() } }
        let slow = try LineClient(port: server.port, receiveTimeout: 5)
        let trickle = Task.detached {
            // Until the server closes (send fails) or 5 s: never a whole line.
            let start = Date()
            for byte in Array(String(repeating: "SEARCH 三保 ", count: 20).utf8) {
                guard Date().timeIntervalSince(start) < 5, slow.trySend([byte]) else { break }
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        let other = try LineClient(port: server.port)
        XCTAssertEqual(result(try other.request("SEARCH LIMIT=1 三保"))["query"] as? String, "三保")
        // The notice itself shows the deadline fired: the trickle never ends a line.
        let line = try XCTUnwrap(slow.readLine(), "not closed by the line deadline")
        let notice = try parseResponse(line)
        XCTAssertEqual(errorCode(notice), "timeout")
        XCTAssertTrue((notice["message"] as? String ?? "").contains("request line"), "\(notice)")
        XCTAssertTrue(slow.isClosedByServer())
        await trickle.value
        XCTAssertEqual(result(try other.request("SEARCH LIMIT=1 三保"))["query"] as? String, "三保")
    }

    /// Blank lines are not requests: sent now and then, they do not keep an
    /// idle connection open.
    func testBlankLinesDoNotResetTheIdleTimer() async throws {
        let server = try await startServer { $0.idleTimeoutSeconds = 0.5 }
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port, receiveTimeout: 5)
        let keepAlive = Task.detached {
            let start = Date()
            while Date().timeIntervalSince(start) < 5, c.trySend(Array("\n".utf8)) {
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        let notice = try parseResponse(try XCTUnwrap(c.readLine(), "blank lines kept the connection open"))
        XCTAssertEqual(errorCode(notice), "timeout")
        XCTAssertTrue((notice["message"] as? String ?? "").contains("no request"), "\(notice)")
        XCTAssertTrue(c.isClosedByServer())
        await keepAlive.value
    }

    /// The answer `timeout` comes while the search is still held at the gate: the
    /// budget, not the search's end, answered it (no clock needed to tell).
    func testRequestTimeBudget() async throws {
        let gate = Gate()
        let server = try await startServer(gate: gate) { $0.requestTimeoutSeconds = 0.2 }
        defer {
            gate.open()
            Task { await server.shutdown() }
        }
        let c = try LineClient(port: server.port)
        let r = try c.request("SEARCH ID=1 三保")
        XCTAssertEqual(errorCode(r), "timeout")
        XCTAssertEqual(r["id"] as? Int, 1)
        XCTAssertEqual(gate.finishedCount, 0, "answered timeout only after the search ended")
        // The connection and the event loop go on while the search still runs.
        XCTAssertEqual(result(try c.request("PING"))["pong"] as? Bool, true)
        gate.open()
        XCTAssertNotNil(result(try c.request("STATS"))["paragraphs"])
    }

    func testBusyWhenTooManyQueriesRun() async throws {
        let gate = Gate()
        let server = try await startServer(gate: gate) { $0.maxRunningQueries = 1 }
        defer {
            gate.open()
            Task { await server.shutdown() }
        }
        let a = try LineClient(port: server.port)
        let b = try LineClient(port: server.port)
        a.send("SEARCH 三保\n")
        try await waitUntil(timeout: 60) { gate.startedCount == 1 }
        XCTAssertEqual(errorCode(try b.request("SEARCH 三保")), "busy")
        gate.open()
        XCTAssertEqual(result(try parseResponse(try XCTUnwrap(a.readLine())))["query"] as? String, "三保")
        XCTAssertEqual(result(try b.request("SEARCH 三保"))["query"] as? String, "三保")
    }

    /// A client that sends without ever reading: the server must stop reading
    /// from it once its unsent answers pass the high water mark, so the
    /// client's sends block (EAGAIN) after a bounded amount of input.
    func testClientThatNeverReadsIsThrottled() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        let flags = fcntl(c.fd, F_GETFL)
        _ = fcntl(c.fd, F_SETFL, flags | O_NONBLOCK)
        let request = Array("SEARCH LIMIT=50 的\n".utf8)
        var sent = 0
        var stalledSince: Date?
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let n = request.withUnsafeBytes { send(c.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                sent += n
                stalledSince = nil
                continue
            }
            if stalledSince == nil { stalledSince = Date() }
            if let s = stalledSince, Date().timeIntervalSince(s) > 1 { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        XCTAssertNotNil(stalledSince, "the server kept reading from a client that never reads")
        XCTAssertLessThan(sent, 64 << 20)
        // Other clients are unaffected.
        XCTAssertEqual(result(try LineClient(port: server.port).request("PING"))["pong"] as? Bool, true)
        // Going away mid-response is routine.
        c.shutdownWrite()
        close(c.fd)
        XCTAssertEqual(result(try LineClient(port: server.port).request("SEARCH 三保"))["query"] as? String, "三保")
        try await waitUntil { server.connectionCount == 0 }
    }

    func testStuckClientIsClosedWhenIdle() async throws {
        let server = try await startServer { $0.idleTimeoutSeconds = 0.5 }
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        let flags = fcntl(c.fd, F_GETFL)
        _ = fcntl(c.fd, F_SETFL, flags | O_NONBLOCK)
        let request = Array(String(repeating: "SEARCH LIMIT=50 的\n", count: 100).utf8)
        // Never read; send until the server stops taking input.
        for _ in 0..<100 {
            let n = request.withUnsafeBytes { send(c.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
        }
        try await waitUntil(timeout: 20) { server.connectionCount == 0 }
    }

    func testHalfClosedClientStillGetsItsAnswers() async throws {
        let server = try await startServer()
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        c.send("PING\nSEARCH LIMIT=1 三保")  // the last line has no \n
        c.shutdownWrite()
        XCTAssertEqual(result(try parseResponse(try XCTUnwrap(c.readLine())))["pong"] as? Bool, true)
        XCTAssertEqual(result(try parseResponse(try XCTUnwrap(c.readLine())))["query"] as? String, "三保")
        XCTAssertTrue(c.isClosedByServer())
    }

    func testTokenAuthentication() async throws {
        let server = try await startServer(token: "tok-三保")
        defer { Task { await server.shutdown() } }
        let anonymous = try LineClient(port: server.port)
        XCTAssertEqual(errorCode(try anonymous.request("SEARCH 三保")), "unauthorized")
        XCTAssertTrue(anonymous.isClosedByServer())
        let wrong = try LineClient(port: server.port)
        XCTAssertEqual(errorCode(try wrong.request("AUTH tok-三")), "unauthorized")
        XCTAssertTrue(wrong.isClosedByServer())
        let right = try LineClient(port: server.port)
        XCTAssertEqual(result(try right.request(#"{"op":"auth","q":"tok-三保"}"#))["authenticated"] as? Bool, true)
        XCTAssertEqual(result(try right.request("SEARCH 三保"))["query"] as? String, "三保")
    }

    func testShutdownFinishesRequestsInFlight() async throws {
        let gate = Gate()
        let server = try await startServer(gate: gate)
        defer { gate.open() }
        let c = try LineClient(port: server.port)
        c.send("SEARCH ID=1 三保\nSEARCH ID=2 债务\n")
        try await waitUntil(timeout: 60) { gate.startedCount == 1 }
        let stopping = Task { await server.shutdown() }
        // Released only once the server has stopped accepting: the requests finish during the shutdown.
        try await waitUntil(timeout: 60) { (try? LineClient(port: server.port)) == nil }
        gate.open()
        let first = try parseResponse(try XCTUnwrap(c.readLine()))
        XCTAssertEqual(first["id"] as? Int, 1)
        XCTAssertEqual(result(first)["query"] as? String, "三保")
        let second = try parseResponse(try XCTUnwrap(c.readLine()))
        XCTAssertEqual(second["id"] as? Int, 2)
        XCTAssertTrue(c.isClosedByServer())
        await stopping.value
        XCTAssertThrowsError(try LineClient(port: server.port), "still accepting after shutdown")
    }

    func testNewCommitIsPickedUpWithoutRestart() async throws {
        let corpus = temporaryFolder("corpus")
        let index = temporaryFolder("reload-index")
        let files = try FileManager.default.contentsOfDirectory(atPath: sampleCorpus).sorted()
        try FileManager.default.copyItem(atPath: sampleCorpus + "/" + files[0], toPath: corpus + "/" + files[0])
        _ = try IndexUpdaterShim.update(corpus: corpus, index: index)
        let server = try await startServer(index: index) { $0.reloadPollInterval = .milliseconds(100) }
        defer { Task { await server.shutdown() } }
        let c = try LineClient(port: server.port)
        let before = result(try c.request("STATS"))
        XCTAssertEqual(before["reports"] as? Int, 1)

        // A request running on the old reader while the new commit lands.
        for f in files.dropFirst() { try FileManager.default.copyItem(atPath: sampleCorpus + "/" + f, toPath: corpus + "/" + f) }
        _ = try IndexUpdaterShim.update(corpus: corpus, index: index)
        try await waitUntil(timeout: 5) { server.watcher.generation > (before["generation"] as? Int ?? 0) }
        XCTAssertEqual(result(try c.request("STATS"))["reports"] as? Int, files.count)
        XCTAssertEqual(result(try c.request("SEARCH 三保"))["total"] as? Int, try SampleIndex.total("三保"))

        // RELOAD forces a look (nothing new here).
        XCTAssertEqual(result(try c.request("RELOAD"))["reloaded"] as? Bool, false)
        // Removing a report and re-indexing: RELOAD sees it even before the poll.
        try FileManager.default.removeItem(atPath: corpus + "/" + files[0])
        _ = try IndexUpdaterShim.update(corpus: corpus, index: index)
        let reload = result(try c.request("RELOAD"))
        XCTAssertEqual(reload["generation"] as? Int, server.watcher.generation)
        XCTAssertEqual(result(try c.request("STATS"))["reports"] as? Int, files.count - 1)
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func waitUntil(
    timeout: Double = 5, file: StaticString = #filePath, line: UInt = #line,
    _ condition: () -> Bool
) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        guard Date() < deadline else { return XCTFail("timed out waiting", file: file, line: line) }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
}
