import BaogaoIndex
import Dispatch
import Foundation

// What showing one hit costs the store: reads paragraphs of random documents,
// spread over every segment so that nearly every read misses the store's cache
// of decompressed blocks, and reports p50/p99 of one read (decompress its block,
// skip to the paragraph, decode it). Then the same documents again: the cached case.

func paragraphBenchmark(_ args: [String]) throws {
    let reads = args.count > 3 ? Int(args[3]) ?? 5000 : 5000
    let index = try IndexReader.open(path: args[2])
    var random = SystemRandomNumberGenerator()
    let picks: [(Int, Int)] = (0..<reads).map { _ in
        let s = Int.random(in: 0..<index.segments.count, using: &random)
        return (s, Int.random(in: 0..<index.segments[s].docCount, using: &random))
    }
    for (label, docs) in [("cold (cache misses)", picks), ("warm (same documents)", Array(picks.suffix(32)))] {
        var times: [Double] = []
        var bytes = 0
        for (s, d) in docs {
            let t0 = DispatchTime.now()
            let p = try index.paragraph(segment: s, doc: d)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e3)
            bytes += p.text.utf8.count
        }
        times.sort()
        print(
            String(
                format: "%-22@ p50 %6.1f µs   p99 %6.1f µs   %d reads, %d text bytes", label as NSString,
                percentile(times, 0.5), percentile(times, 0.99), docs.count, bytes))
    }
}
