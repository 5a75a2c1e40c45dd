import BaogaoServer
import Foundation
import Logging
import NIOCore
import NIOEmbedded
import XCTest

/// Client text in log lines: control characters become visible text, so a
/// client cannot clear the terminal, overwrite a line or forge one.
final class LogEscapingTests: XCTestCase {
    func testEscapes() {
        let cases: [(String, String)] = [
            ("SEARCH 三保", "SEARCH 三保"),
            ("\u{1b}[2J", "\\x1b[2J"),
            ("ok\rFAKE", "ok\\rFAKE"),
            ("a\nlevel=error forged", "a\\nlevel=error forged"),
            ("\t\u{0}\u{7}\u{7f}", "\\t\\x00\\x07\\x7f"),
            ("\u{85}\u{9b}31m", "\\u{85}\\u{9b}31m"),  // C1: NEL, CSI
            ("\u{202e}gpj.exe", "\\u{202e}gpj.exe"),  // right-to-left override
            ("\u{2028}", "\\u{2028}"),
            ("\\x1b", "\\\\x1b"),  // a literal backslash cannot pass for an escape
            ("", ""),
            ("预算收入 67.96亿元 (+3.2%)", "预算收入 67.96亿元 (+3.2%)")
        ]
        for (input, expected) in cases {
            XCTAssertEqual(LogEscaping.escape(input), expected, "escaping \(input.debugDescription)")
        }
    }

    func testNoControlCharacterSurvives() {
        var all = ""
        for v in UInt32(0)..<0x3000 { if let s = Unicode.Scalar(v) { all.unicodeScalars.append(s) } }
        let escaped = LogEscaping.escape(all)
        XCTAssertFalse(escaped.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        XCTAssertFalse(escaped.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{202e}" })
    }

    /// The log line the handler writes for a failed request carries the
    /// request's text escaped.
    func testRequestTextIsEscapedInTheLog() throws {
        let records = LogRecords()
        let logger = Logger(label: "test") { _ in RecordingLogHandler(records: records) }
        let watcher = try IndexWatcher(path: SampleIndex.path, logger: quietLogger)
        let limits = ServerLimits()
        let executor = RequestExecutor(pool: nil, watcher: watcher, limits: limits)
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFramer(maxLineBytes: limits.maxLineBytes)))
        try channel.pipeline.syncOperations.addHandler(RequestDecoder())
        try channel.pipeline.syncOperations.addHandler(
            ConnectionHandler(executor: executor, token: nil, limits: limits, logger: logger))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.writeInbound(channel.allocator.buffer(string: "\u{1b}[2J\u{1b}[Hlevel=critical\rGET \u{9b}x#1\n"))
        let logged = records.all.joined(separator: "\n")
        XCTAssertTrue(logged.contains("\\x1b[2J\\x1b[Hlevel=critical\\rGET"), logged)
        XCTAssertFalse(
            logged.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
            logged.debugDescription)
        _ = try? channel.finish()
    }
}

/// Log lines written so far, as text: message then metadata values.
final class LogRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        records.add("\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }
}
