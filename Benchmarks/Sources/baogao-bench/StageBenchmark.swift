import BaogaoAnalysis
import BaogaoIngest
import Foundation

// The indexer's stages one at a time, on one core, with the corpus already in
// memory: ingestion (bytes → cited paragraphs), then analysis (normalisation,
// ICU words), number-fact extraction. Reports wall time and this thread's CPU time: the machine is
// shared, and CPU time is what one core gives when it is ours.

func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func stageBenchmark(_ args: [String]) throws {
    let dir = args[2]
    let rounds = args.count > 3 ? Int(args[3]) ?? 3 : 3
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
    let files = try names.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent($0))) }
    let mb = Double(files.reduce(0) { $0 + $1.count }) / 1_048_576
    var reports: [Report] = []
    var best = (wall: Double.infinity, cpu: Double.infinity)
    for _ in 0..<rounds {
        let start = Date()
        let cpu = threadCPUSeconds()
        reports = try zip(names, files).map { try ReportReader.parse(bytes: $1, doc: $0) }
        best = (min(best.wall, Date().timeIntervalSince(start)), min(best.cpu, threadCPUSeconds() - cpu))
    }
    let paragraphs = reports.reduce(0) { $0 + $1.paragraphs.count }
    print(
        String(
            format: "ingest:  %d files, %.1f MiB, %d paragraphs: %.1f MiB/s wall, %.1f MiB/s CPU (best of %d)",
            names.count, mb, paragraphs, mb / best.wall, mb / best.cpu, rounds))
    let analyzer = Analyzer()
    best = (Double.infinity, Double.infinity)
    var words = 0
    for _ in 0..<rounds {
        let start = Date()
        let cpu = threadCPUSeconds()
        words = 0
        for r in reports { for p in r.paragraphs { words += analyzer.analyze(p.text).words.count } }
        best = (min(best.wall, Date().timeIntervalSince(start)), min(best.cpu, threadCPUSeconds() - cpu))
    }
    print(
        String(
            format: "analyze: %d words: %.1f MiB/s wall, %.1f MiB/s CPU (best of %d)",
            words, mb / best.wall, mb / best.cpu, rounds))
    best = (Double.infinity, Double.infinity)
    var facts = 0
    for _ in 0..<rounds {
        let start = Date()
        let cpu = threadCPUSeconds()
        facts = 0
        for r in reports { for p in r.paragraphs { facts += NumberExtractor.facts(in: p, report: r.metadata).count } }
        best = (min(best.wall, Date().timeIntervalSince(start)), min(best.cpu, threadCPUSeconds() - cpu))
    }
    print(
        String(
            format: "facts:   %d number facts: %.1f MiB/s wall, %.1f MiB/s CPU (best of %d)",
            facts, mb / best.wall, mb / best.cpu, rounds))
}
