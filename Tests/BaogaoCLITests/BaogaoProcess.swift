import Foundation
import XCTest

/// Runs the built `baogao` executable as a subprocess, as a person or a script would.
enum BaogaoProcess {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The repository root, from this file's path (Tests/BaogaoCLITests/…).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle (same build folder), else .build/debug.
    static var executable: String {
        get throws {
            let candidates = [
                Bundle.main.bundleURL.appendingPathComponent("baogao").path,
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("baogao").path,
                repository.appendingPathComponent(".build/debug/baogao").path
            ]
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw XCTSkip("no built baogao executable (looked in \(candidates)); run swift build --product baogao")
            }
            return found
        }
    }

    /// Runs `baogao arguments…` with `input` on stdin (a pipe, so not a terminal).
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env["NO_COLOR"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The REPL reading `script` from a pipe, with the shared test index.
    static func repl(_ script: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> Output {
        let index = try TestIndex.shared()
        return try run(
            ["repl", "--index", index.index, "--corpus", index.corpus] + extra, input: script, environment: environment)
    }
}

/// An index of the repository's Corpus/ in a temporary folder, built once per test run.
struct TestIndex: Sendable {
    var corpus: String
    var index: String

    private static let built: Result<TestIndex, TestIndexError> = Result { () throws(TestIndexError) -> TestIndex in
        do { return try build() } catch let e as TestIndexError { throw e } catch { throw TestIndexError(message: "\(error)") }
    }

    private static func build() throws -> TestIndex {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baogao-cli-tests-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corpus = BaogaoProcess.repository.appendingPathComponent("Corpus").path
        let index = folder.appendingPathComponent("Index").path
        let out = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus, "--index", index])
        guard out.status == 0 else { throw TestIndexError(message: "baogao index failed: \(out.stderr)") }
        return TestIndex(corpus: corpus, index: index)
    }

    static func shared() throws -> TestIndex { try built.get() }

    /// An index of `count` variants of the sample report 002 (江津区), each made
    /// by `variant(n, text)` and written as `r01.txt` …, for tests that need many
    /// reports saying nearly the same thing.
    static func variants(
        of count: Int, name: String,
        _ variant: (Int, String) -> String
    ) throws -> TestIndex {
        let folder = try temporaryFolder(name)
        let corpus = folder.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let source = BaogaoProcess.repository.appendingPathComponent("Corpus/002_b5c26ff8d3e05e66.txt")
        let text = try String(contentsOf: source, encoding: .utf8)
        for n in 1...count {
            try variant(n, text).write(
                to: corpus.appendingPathComponent(String(format: "r%02d.txt", n)),
                atomically: true, encoding: .utf8)
        }
        let index = folder.appendingPathComponent("Index").path
        let built = try BaogaoProcess.run(["index", "--quiet", "--corpus", corpus.path, "--index", index])
        guard built.status == 0 else { throw TestIndexError(message: "baogao index failed: \(built.stderr)") }
        return TestIndex(corpus: corpus.path, index: index)
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baogao-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

struct TestIndexError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension String {
    /// Search timings vary from run to run: "(showing 1–10, 5.9 ms)" → "(showing 1–10, # ms)".
    var timingsMasked: String {
        replacingOccurrences(of: #"[0-9]+(\.[0-9]+)? ms\)"#, with: "# ms)", options: .regularExpression)
    }

    /// Terminal columns, counting CJK (East Asian Wide/Fullwidth) as two.
    var columns: Int {
        unicodeScalars.reduce(0) { w, s in
            switch s.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                0x20000...0x2FFFD:
                return w + 2
            default:
                return w + (s.value < 0x20 ? 0 : 1)
            }
        }
    }
}
