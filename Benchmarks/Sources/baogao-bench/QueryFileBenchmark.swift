import BaogaoIndex
import BaogaoQuery
import Dispatch
import Foundation

// The peer benchmark's Baogao side (Benchmarks/peer): the queries of a
// `kind \t query` file, each run ROUNDS times in process — exact total, ranked
// top 10 with snippets — and p50/p99 per kind, in the same layout as
// tantivy_peer.py prints, so the two can be set side by side.

func queryFileBenchmark(_ args: [String]) throws {
    guard args.count >= 4 else { throw BenchError.usage }
    let rounds = args.count > 4 ? Int(args[4]) ?? 50 : 50
    // BAOGAO_BENCH_FANOUT_MIN=N: segments searched side by side only from N live paragraphs
    // (the engine's default otherwise), to weigh fanning out against a query's size.
    let fanOut = ProcessInfo.processInfo.environment["BAOGAO_BENCH_FANOUT_MIN"].flatMap { Int($0) }
    let searcher = Searcher(
        index: try IndexReader.open(path: args[2]), fanOutMinimumDocs: fanOut ?? Searcher.defaultFanOutMinimumDocs)
    var kinds: [(String, [String])] = []
    for line in try String(contentsOfFile: args[3], encoding: .utf8).split(separator: "\n") {
        guard !line.hasPrefix("#") else { continue }
        let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { continue }
        if let k = kinds.firstIndex(where: { $0.0 == parts[0] }) {
            kinds[k].1.append(parts[1])
        } else {
            kinds.append((parts[0], [parts[1]]))
        }
    }
    print("kind      p50 ms   p99 ms   totals")
    for (kind, queries) in kinds {
        var times: [Double] = []
        var totals: [String] = []
        for q in queries {
            _ = try searcher.search(q)  // warm
            var total = 0
            for _ in 0..<rounds {
                let t0 = DispatchTime.now()
                total = try searcher.search(q, limit: 10).total
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e6)
            }
            totals.append("\(q)=\(total)")
        }
        times.sort()
        print(
            String(format: "%-8@ %7.2f  %7.2f   ", kind as NSString, percentile(times, 0.5), percentile(times, 0.99))
                + totals.joined(separator: " "))
    }
}

enum BenchError: Error { case usage }
