@testable import BaogaoIngest
import Foundation
import XCTest

/// Ingestion speed on a generated corpus, run by hand in a release build:
///
///     python3 /work/shared/tools/gen_corpus.py Corpus /tmp/gen --mb 20
///     BAOGAO_INGEST_BENCH=/tmp/gen swift test -c release --disable-swift-testing \
///         --filter ThroughputTests
///
/// Files are read into memory first, so the figure is parsing alone (decode to
/// paragraphs with metadata), on one core.
final class ThroughputTests: XCTestCase {
    func testIngestionThroughput() throws {
        guard let dir = ProcessInfo.processInfo.environment["BAOGAO_INGEST_BENCH"] else {
            throw XCTSkip("set BAOGAO_INGEST_BENCH to a corpus directory")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        let files = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent($0))) }
        let bytes = files.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var paragraphs = 0
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["BAOGAO_INGEST_ROUNDS"] ?? "") ?? 3) {
            let start = Date()
            let startCPU = Self.threadCPUSeconds()
            paragraphs = 0
            for (name, data) in zip(names, files) {
                paragraphs += try ReportReader.parse(bytes: data, doc: name).paragraphs.count
            }
            best = min(best, Date().timeIntervalSince(start))
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - startCPU)
        }
        let mb = Double(bytes) / 1_048_576
        // CPU time of this thread as well as wall time: the machine is shared, and CPU
        // time is what one core gives when it is ours.
        print("ingest: \(names.count) files, \(String(format: "%.1f", mb)) MiB, \(paragraphs) paragraphs, "
              + "best wall \(String(format: "%.3f", best)) s = \(String(format: "%.1f", mb / best)) MiB/s, "
              + "best CPU \(String(format: "%.3f", bestCPU)) s = \(String(format: "%.1f", mb / bestCPU)) MiB/s")
    }

    private static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
