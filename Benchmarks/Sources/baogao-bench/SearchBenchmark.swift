import BaogaoIndex
import BaogaoQuery
import Dispatch
import Foundation

// In-process search latency: opens an index once, then runs each query class
// many times and reports p50/p99 of the engine's own time (parse, exact total
// count, ranked top 10 with snippets) and the result counts.

struct QueryClass {
    var name: String
    var queries: [String]
}

let classes: [QueryClass] = [
    QueryClass(name: "rare term", queries: ["数据资产入表", "银发经济", "拨改投", "财政电子票据"]),
    QueryClass(name: "single term", queries: ["三保", "化债", "零基预算", "专项债", "过紧日子"]),
    QueryClass(name: "common 2-char", queries: ["预算", "财政", "收入", "支出"]),
    QueryClass(name: "common 1-char", queries: ["的", "年", "元", "收"]),
    QueryClass(name: "phrase", queries: ["\"政府债务余额\"", "\"一般公共预算收入\"", "\"预算稳定调节基金\"", "\"社会保险基金预算\""]),
    QueryClass(name: "AND", queries: ["债务 风险", "教育 支出", "税收 增长"]),
    QueryClass(name: "OR", queries: ["过紧日子 OR 紧日子", "化债 OR 偿债", "三保 OR 三公"]),
    QueryClass(name: "NOT", queries: ["债务 -隐性", "收入 -税收", "预算 -草案"]),
    QueryClass(name: "filtered", queries: ["三保 year:2023", "债务 year:2020..2022", "教育 section:预算执行"]),
    QueryClass(name: "range + term", queries: ["教育 >1亿", "债务余额 >100亿", "税收收入 增长>5%"]),
    QueryClass(name: "bare range", queries: [">1亿", "增长>10%", "下降>30%"])
]

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func searchBenchmark(_ args: [String]) throws {
    let rounds = args.count > 3 ? Int(args[3]) ?? 50 : 50
    let openStart = DispatchTime.now()
    // Opened as every command opens an index (lazily, no CRC pass); BAOGAO_BENCH_VERIFY=1
    // adds the full checksum pass `baogao check` makes, to time it.
    let verify = ProcessInfo.processInfo.environment["BAOGAO_BENCH_VERIFY"] != nil
    let searcher = Searcher(index: try IndexReader.open(path: args[2], verifyChecksums: verify))
    let openMs = Double(DispatchTime.now().uptimeNanoseconds - openStart.uptimeNanoseconds) / 1e6
    print(
        String(
            format: "opened %@ in %.1f ms (%d paragraphs, %d segments)", args[2], openMs,
            searcher.index.liveDocCount, searcher.index.segments.count))
    print("class            p50 ms   p99 ms   max ms   queries × rounds   totals")
    let only = args.count > 4 ? args[4] : nil
    for c in classes where only == nil || c.name == only {
        for q in c.queries { _ = try searcher.search(q) }  // warm the page cache
        var times: [Double] = []
        var totals: [String] = []
        var perQuery: [String] = []
        for q in c.queries {
            var total = 0
            var own: [Double] = []
            for _ in 0..<rounds {
                let t0 = DispatchTime.now()
                let r = try searcher.search(q, limit: 10)
                own.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e6)
                total = r.total
            }
            times += own
            own.sort()
            totals.append("\(q)=\(total)")
            perQuery.append(String(format: "    %@: p50 %.2f, max %.2f", q, percentile(own, 0.5), own.last ?? 0))
        }
        times.sort()
        print(
            String(
                format: "%-15@ %7.2f  %7.2f  %7.2f   %3d × %-4d  ", c.name as NSString,
                percentile(times, 0.5), percentile(times, 0.99), times.last ?? 0, c.queries.count, rounds)
                + totals.joined(separator: " "))
        // BAOGAO_BENCH_PER_QUERY=1: each query's own figures, to see which one makes the p99.
        if ProcessInfo.processInfo.environment["BAOGAO_BENCH_PER_QUERY"] != nil {
            for line in perQuery { print(line) }
        }
    }
}
