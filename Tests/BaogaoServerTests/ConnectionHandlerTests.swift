import BaogaoQuery
import BaogaoServer
import Foundation
import NIOCore
import NIOEmbedded
import XCTest

/// The protocol through an in-memory channel (no sockets): framing, UTF-8,
/// errors, pipelining, auth, limits. Queries run inline (no thread pool).
final class ConnectionHandlerTests: XCTestCase {
    private func makeChannel(
        token: String? = nil, limits: ServerLimits = ServerLimits()
    ) throws -> EmbeddedChannel {
        let watcher = try IndexWatcher(path: SampleIndex.path, logger: quietLogger)
        let executor = RequestExecutor(pool: nil, watcher: watcher, limits: limits)
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFramer(maxLineBytes: limits.maxLineBytes)))
        try channel.pipeline.syncOperations.addHandler(RequestDecoder())
        try channel.pipeline.syncOperations.addHandler(
            ConnectionHandler(executor: executor, token: token.map { Array($0.utf8) }, limits: limits, logger: quietLogger))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    private func send(_ channel: EmbeddedChannel, _ bytes: [UInt8]) throws {
        try channel.writeInbound(channel.allocator.buffer(bytes: bytes))
    }

    private func send(_ channel: EmbeddedChannel, _ text: String) throws { try send(channel, Array(text.utf8)) }

    /// Every line written back so far.
    private func lines(_ channel: EmbeddedChannel) throws -> [String] {
        var text = ""
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            text += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        XCTAssert(text.isEmpty || text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private func responses(_ channel: EmbeddedChannel) throws -> [[String: Any]] {
        try lines(channel).map { try parseResponse($0) }
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let channel = try makeChannel()
        try send(channel, "PING\r\nSEARCH ID=1 LIMIT=2 三保\n\nSTATS\n{\"op\":\"ping\",\"id\":\"j\"}\nSEARCH ID=2 \"未闭合\nFOO\n")
        let r = try responses(channel)
        XCTAssertEqual(r.count, 6)
        XCTAssertEqual(result(r[0])["pong"] as? Bool, true)
        XCTAssertEqual(r[1]["id"] as? Int, 1)
        let search = result(r[1])
        XCTAssertEqual((search["hits"] as? [Any])?.count, 2)
        XCTAssertEqual(search["total"] as? Int, try SampleIndex.total("三保"))
        XCTAssertNotNil(result(r[2])["paragraphs"])
        XCTAssertEqual(r[3]["id"] as? String, "j")
        XCTAssertEqual(errorCode(r[4]), "syntax_error")
        XCTAssertEqual(r[4]["id"] as? Int, 2)
        XCTAssertEqual(r[4]["position"] as? Int, 0)
        XCTAssertEqual(errorCode(r[5]), "unknown_command")
        XCTAssertTrue(channel.isActive)
    }

    func testLineSplitAcrossReads() throws {
        let channel = try makeChannel()
        for byte in Array("SEARCH 三保\n".utf8) { try send(channel, [byte]) }
        XCTAssertEqual(result(try XCTUnwrap(responses(channel).first))["query"] as? String, "三保")
    }

    func testSearchResultIsTheCLIObject() throws {
        let channel = try makeChannel()
        try send(channel, "SEARCH LIMIT=3 OFFSET=1 债务\n")
        let got = try XCTUnwrap(responses(channel).first?["result"] as? NSDictionary)
        let expected = try SampleIndex.engine.search("债务", page: Page(limit: 3, offset: 1), deadline: .never)
        var cli = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(expected)) as? [String: Any])
        let gotDict = got as? [String: Any] ?? [:]
        // took_ms differs run to run; everything else is the same object.
        cli["took_ms"] = gotDict["took_ms"]
        XCTAssertEqual(got, cli as NSDictionary)
    }

    func testInvalidUTF8IsAnErrorAndTheConnectionGoesOn() throws {
        let channel = try makeChannel()
        try send(channel, Array("SEARCH ".utf8) + [0xE4, 0xB8] + Array("\nPING\n".utf8))
        let r = try responses(channel)
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(errorCode(r[0]), "bad_request")
        XCTAssertEqual(result(r[1])["pong"] as? Bool, true)
    }

    func testOverlongLineIsRefusedAndClosed() throws {
        var limits = ServerLimits()
        limits.maxLineBytes = 100
        let channel = try makeChannel(limits: limits)
        try send(channel, "PING\n" + "SEARCH " + String(repeating: "三", count: 31) + "\n")
        // Exactly at the limit (100 bytes + \r\n) is fine.
        try send(channel, "SEARCH " + String(repeating: "a", count: 93) + "\r\n")
        try send(channel, String(repeating: "x", count: 150))
        let r = try responses(channel)
        guard r.count == 4 else { return XCTFail("\(r)") }
        XCTAssertEqual(result(r[0])["pong"] as? Bool, true)
        XCTAssertEqual(result(r[1])["query"] as? String, String(repeating: "三", count: 31))
        XCTAssertEqual(result(r[2])["total"] as? Int, 0)
        XCTAssertEqual(errorCode(r[3]), "too_long")
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive)
    }

    func testEngineFeatures() throws {
        let channel = try makeChannel()
        try send(channel, "FACTS 教育 >1亿\nASK ID=3 什么是三保？\nDEFINE 三保\n")
        let r = try responses(channel)
        XCTAssertEqual(r[0]["ok"] as? Bool, true)
        XCTAssertGreaterThan(result(r[0])["total"] as? Int ?? 0, 0)
        XCTAssertEqual(r.map { $0["ok"] as? Bool }, [true, true, true])
        XCTAssertEqual(r[1]["id"] as? Int, 3)
        // The server's answers are the engine's, the ones the CLI and the REPL print.
        let asked = try SampleIndex.engine.ask("什么是三保？", deadline: .never)
        XCTAssertNotNil(asked.answer)
        XCTAssertEqual((result(r[1])["answer"] as? [String: Any])?["text"] as? String, asked.answer?.text)
        let defined = try SampleIndex.engine.define("三保", deadline: .never)
        XCTAssertEqual((result(r[2])["definitions"] as? [Any])?.count, defined.definitions.count)
    }

    func testReports() throws {
        let channel = try makeChannel()
        try send(
            channel, "REPORTS\nREPORTS ID=2 region:重庆\nREPORTS kind:决算\nREPORTS 三保\n{\"op\":\"reports\",\"q\":\"level:县\"}\n")
        let r = try responses(channel)
        XCTAssertEqual(r.map { $0["ok"] as? Bool }, [true, true, true, false, true])
        XCTAssertEqual(result(r[0])["total"] as? Int, 3)
        // 江津区 is inside 重庆市: the gazetteer's chain, not the region's text, says so.
        let chongqing = try XCTUnwrap(result(r[1])["reports"] as? [[String: Any]])
        XCTAssertEqual(chongqing.count, 1)
        XCTAssertEqual(chongqing.first?["region"] as? String, "江津区")
        XCTAssertEqual(chongqing.first?["region_chain"] as? [String], ["重庆市", "江津区"])
        XCTAssertNotNil((chongqing.first?["sources"] as? [String: Any])?["region"])
        XCTAssertEqual(r[1]["id"] as? Int, 2)
        XCTAssertEqual(result(r[2])["total"] as? Int, 0)
        XCTAssertEqual(result(r[4])["total"] as? Int, 2)
    }

    func testGetAndMentions() throws {
        let channel = try makeChannel()
        let hit = try XCTUnwrap(SampleIndex.engine.search("三保", page: Page(limit: 1), deadline: .never).hits.first)
        try send(channel, "GET \(hit.paragraph.id)\nGET nothing.txt#1\nGET ../../etc/passwd\nMENTIONS 三保\n")
        let r = try responses(channel)
        XCTAssertEqual(result(r[0])["text"] as? String, hit.paragraph.text)
        XCTAssertEqual(result(r[0])["id"] as? String, hit.paragraph.id)
        XCTAssertEqual(errorCode(r[1]), "not_found")
        XCTAssertEqual(errorCode(r[2]), "bad_request")
        let mentions = result(r[3])
        XCTAssertEqual(mentions["total"] as? Int, try SampleIndex.total("三保"))
    }

    func testAuthGate() throws {
        let channel = try makeChannel(token: "s3cret")
        try send(channel, "PING\n")
        XCTAssertEqual(try responses(channel).map { errorCode($0) }, ["unauthorized"])
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive)

        let wrong = try makeChannel(token: "s3cret")
        try send(wrong, "AUTH s3creT\nPING\n")
        XCTAssertEqual(try responses(wrong).map { errorCode($0) }, ["unauthorized"])

        let right = try makeChannel(token: "s3cret")
        try send(right, "AUTH s3cret\nPING\n")
        let r = try responses(right)
        XCTAssertEqual(result(r[0])["authenticated"] as? Bool, true)
        XCTAssertEqual(result(r[1])["pong"] as? Bool, true)
    }

    /// Every AUTH is checked, not only the first (PROTOCOL.md: a wrong token closes).
    func testALaterWrongAuthCloses() throws {
        let channel = try makeChannel(token: "s3cret")
        try send(channel, "AUTH s3cret\nAUTH nope\nPING\n")
        let r = try responses(channel)
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(result(r[0])["authenticated"] as? Bool, true)
        XCTAssertEqual(errorCode(r[1]), "unauthorized")
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive)
    }

    /// Drain answers what was received; a half-sent line is not a request.
    func testDrainAnswersWhatWasReceivedThenCloses() throws {
        let channel = try makeChannel()
        try send(channel, "PING\nPI")
        channel.pipeline.fireUserInboundEventTriggered(DrainEvent())
        XCTAssertEqual(try responses(channel).count, 1)
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive)
    }

    func testQuitAnswersThenCloses() throws {
        let channel = try makeChannel()
        try send(channel, "QUIT\nPING\n")
        XCTAssertEqual(try responses(channel).count, 1)
        channel.embeddedEventLoop.run()
        XCTAssertFalse(channel.isActive)
    }

    func testHeldReadsWhileTooManyRequestsWait() throws {
        var limits = ServerLimits()
        limits.maxQueuedRequests = 2
        let channel = try makeChannel(limits: limits)
        // Inline queries finish at once, so the queue drains and reads go on.
        try send(channel, String(repeating: "PING\n", count: 10))
        XCTAssertEqual(try responses(channel).count, 10)
    }

    /// The line deadline counts from a line's first byte (later bytes do not
    /// reset it) and starts again with each new line. On the embedded loop's
    /// virtual clock, so exact.
    func testLineDeadlineCountsFromTheFirstByte() throws {
        var limits = ServerLimits()
        limits.lineTimeoutSeconds = 0.3
        let channel = try makeChannel(limits: limits)
        let loop = channel.embeddedEventLoop
        // Two lines, each finished within 0.3 s of its own first byte.
        try send(channel, "PING\nSE")
        loop.advanceTime(by: .milliseconds(200))
        try send(channel, "ARCH LIMIT=1 三保\nPI")
        loop.advanceTime(by: .milliseconds(200))
        try send(channel, "NG\n")
        loop.advanceTime(by: .milliseconds(500))
        XCTAssertEqual(try responses(channel).map { $0["ok"] as? Bool }, [true, true, true])
        XCTAssertTrue(channel.isActive)
        // A byte every 0.1 s: each well inside 0.3 s of the last, but the line
        // began 0.3 s ago.
        for byte in Array("PIN".utf8) {
            try send(channel, [byte])
            loop.advanceTime(by: .milliseconds(100))
        }
        let notice = try XCTUnwrap(responses(channel).first)
        XCTAssertEqual(errorCode(notice), "timeout")
        loop.run()
        XCTAssertFalse(channel.isActive)
    }

    /// Lines of nothing but spaces, tabs and carriage returns get no answer, wherever
    /// the CR stands (the fuzz test below once drew "\r \r" and counted it blank).
    func testBlankLinesWithCarriageReturnsAreIgnored() throws {
        let channel = try makeChannel()
        try send(channel, "\r \r\n \t\n\r\r\n\r\nPING\r\n")
        XCTAssertEqual(try responses(channel).count, 1)
    }

    func testFuzzedLinesNeverCrash() throws {
        let channel = try makeChannel()
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("SEARCH GET ASK PING LIMIT= OFFSET= ID= -- {}\"\\:[]#三保债务\r\t 0123456789".unicodeScalars)
        var sent = 0
        for _ in 0..<300 {
            var line = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) {
                line.unicodeScalars.append(alphabet.randomElement(using: &rng) ?? "x")
            }
            line = line.replacingOccurrences(of: "\n", with: "")
            if line.uppercased().hasPrefix("QUIT") { continue }
            try send(channel, line + "\n")
            if !line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")).isEmpty { sent += 1 }
        }
        XCTAssertEqual(try responses(channel).count, sent)
        XCTAssertTrue(channel.isActive)
    }
}
