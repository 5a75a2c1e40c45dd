import BaogaoServer
import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `baogao serve` as a user runs it, with the examples in Examples/ as its
/// clients, and SIGTERM ending it with status 0.
final class ServeCommandTests: XCTestCase {
    /// The `baogao` built next to this test bundle.
    private var baogao: String {
        get throws {
            let tests = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            let path = tests.deletingLastPathComponent().appendingPathComponent("baogao").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                // swift test builds every product; a missing one is a failure, not a skip.
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            return path
        }
    }

    private func run(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        // Both pipes read at once, so a full one cannot block the process.
        nonisolated(unsafe) var err = Data()
        let reader = DispatchWorkItem { err = errors.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(execute: reader)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testServeWithExamplesAndSIGTERM() throws {
        let tokenFile = temporaryFolder("token") + "/token"
        try "s3cret\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try baogao)
        server.arguments = [
            "serve", "--index", SampleIndex.path, "--port", "0", "--token-file", tokenFile, "--log-level", "warning"
        ]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        // Wait for the ready line, as a script would.
        var ready = Data()
        while !ready.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            ready.append(chunk)
        }
        let line = String(decoding: ready, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.hasPrefix("listening on 127.0.0.1:"), line)
        let port = try XCTUnwrap(line.split(separator: ":").last.map(String.init))

        let examples = repositoryRoot.appendingPathComponent("Examples").path
        let python = try run(["python3", examples + "/client.py", "--port", port, "--token", "s3cret", "--json", "三保"])
        XCTAssertEqual(python.status, 0)
        let searched = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(python.out.utf8)) as? [String: Any])
        XCTAssertEqual(searched["total"] as? Int, try SampleIndex.total("三保"))
        let human = try run(["python3", examples + "/client.py", "--port", port, "--token", "s3cret", "--limit", "2", "债务"])
        XCTAssertEqual(human.status, 0)
        XCTAssertTrue(human.out.contains("paragraphs match"), human.out)
        let asked = try run([
            "python3", examples + "/client.py", "--port", port, "--token", "s3cret", "--ask",
            "2023年江津区一般公共预算收入是多少？"
        ])
        XCTAssertEqual(asked.status, 0)
        XCTAssertTrue(asked.out.hasPrefix("67.96亿元  (002_b5c26ff8d3e05e66.txt ¶9"), asked.out)

        let shell = try run(
            ["bash", examples + "/query.sh", "SEARCH LIMIT=1 三保", "PING"],
            environment: ["BAOGAO_PORT": port, "BAOGAO_TOKEN": "s3cret"])
        XCTAssertEqual(shell.status, 0)
        let lines = shell.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, shell.out)
        XCTAssertEqual(lines.last, "{\"ok\":true,\"result\":{\"pong\":true}}")

        // A range query prints its facts, as `baogao search` does.
        let ranged = try run(["python3", examples + "/client.py", "--port", port, "--token", "s3cret", ">1亿元"])
        XCTAssertEqual(ranged.status, 0, ranged.err)
        XCTAssertTrue(ranged.out.contains("亿元") && ranged.out.contains(" facts match ("), ranged.out)
        let none = try run(["python3", examples + "/client.py", "--port", port, "--token", "s3cret", "没有这样的词组"])
        XCTAssertEqual(none.status, 1, none.err)

        // A second server on the same port says so in words.
        let busy = try run([try baogao, "serve", "--index", SampleIndex.path, "--port", port])
        XCTAssertEqual(busy.status, 2)
        XCTAssertEqual(
            busy.err,
            "baogao: port \(port) is in use (another server is running there?); choose another with --port, or 0 for a free one\n"
        )
        XCTAssertFalse(busy.out.contains("listening"), busy.out)

        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        XCTAssertEqual(server.terminationReason, .exit)
        XCTAssertEqual(server.terminationStatus, 0)

        // No server: one line that says so, not a Python traceback.
        let refused = try run(["python3", examples + "/client.py", "--port", port, "三保"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.err, "baogao: no server at 127.0.0.1:\(port) (start one with: baogao serve --port \(port))\n")
    }

    /// `--host 0.0.0.0` without a token is refused before anything is bound,
    /// with an error that names the two ways out.
    func testNonLoopbackHostWithoutTokenIsRefused() throws {
        for host in ["0.0.0.0", "::"] {
            let server = Process()
            server.executableURL = URL(fileURLWithPath: try baogao)
            server.arguments = ["serve", "--index", SampleIndex.path, "--port", "0", "--host", host]
            let out = Pipe()
            let err = Pipe()
            server.standardOutput = out
            server.standardError = err
            try server.run()
            // Reads to the end: a server that started would never get there,
            // so stop it after a while and fail.
            let guardTimer = DispatchWorkItem { if server.isRunning { server.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: guardTimer)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            server.waitUntilExit()
            guardTimer.cancel()
            XCTAssertEqual(server.terminationReason, .exit, host)
            XCTAssertEqual(server.terminationStatus, 2, host)
            XCTAssertFalse(stdout.contains("listening"), stdout)
            XCTAssertTrue(stderr.contains("not a loopback address"), stderr)
            XCTAssertTrue(stderr.contains("--token-file") && stderr.contains("--insecure"), stderr)
        }
    }

    func testLoopbackAddresses() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"] {
            XCTAssertTrue(HostPolicy.isLoopback(host), host)
        }
        for host in [
            "0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "128.0.0.1", "::2", "::ffff:10.0.0.1", "example.org",
            "localhost.example.org", "127.0.0.1.example.org", ""
        ] {
            XCTAssertFalse(HostPolicy.isLoopback(host), host)
        }
    }
}
