import BaogaoAnalysis
import BaogaoIngest
import Foundation
import XCTest

/// Extraction speed on a generated corpus, in MB/s of paragraph text. Runs only when
/// NUMBERS_BENCH_DIR names a folder of reports; measure in a release build:
///
///     python3 /work/shared/tools/gen_corpus.py /work/shared/corpus /tmp/gen-numbers --mb 20
///     NUMBERS_BENCH_DIR=/tmp/gen-numbers swift test -c release --scratch-path .build-release \
///         --enable-testable-imports --disable-swift-testing --filter NumberThroughput
final class NumberThroughputTests: XCTestCase {
    func testNumberThroughput() throws {
        guard let dir = ProcessInfo.processInfo.environment["NUMBERS_BENCH_DIR"] else { return }
        let limit = ProcessInfo.processInfo.environment["NUMBERS_BENCH_LIMIT"].flatMap { Int($0) } ?? Int.max
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
            .prefix(limit)
        var reports: [Report] = []
        for name in names { reports.append(try ReportReader.read(fileAt: dir + "/" + name)) }
        let bytes = reports.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.text.utf8.count } }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var facts = 0
        for _ in 0..<(ProcessInfo.processInfo.environment["NUMBERS_BENCH_ROUNDS"].flatMap { Int($0) } ?? 5) {
            facts = 0
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = threadCPUSeconds()
            for r in reports {
                for p in r.paragraphs { facts += NumberExtractor.facts(in: p, report: r.metadata).count }
            }
            bestCPU = min(bestCPU, threadCPUSeconds() - c0)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        let mb = Double(bytes) / 1_000_000
        // The machine is shared: thread CPU time is the steadier measure.
        print(String(format: "numbers throughput: %.1f MB, wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s, %d facts (%d reports)",
                     mb, best, mb / best, bestCPU, mb / bestCPU, facts, reports.count))
    }

    private func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
