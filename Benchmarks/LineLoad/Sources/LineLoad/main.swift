import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// Closed-loop load: N connections, each on its own thread, each sending one
// request, waiting for its answer line, and recording the latency. Reports
// throughput and p50/p99, and the server's RSS before and after when given
// its pid.
//
//   LineLoad --port 7878 --connections 16 --requests 200000 --request 'SEARCH LIMIT=10 三保' [--pid N]

struct Options {
    var host = "127.0.0.1"
    var port: UInt16 = 7878
    var connections = 16
    var requests = 100_000
    var warmup = 2_000
    var request = "PING"
    var pid: Int32?
    var expect = "\"ok\":true"
}

func parseOptions() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst().makeIterator()
    while let a = args.next() {
        guard let v = args.next() else { fatalError("\(a) needs a value") }
        switch a {
        case "--host": o.host = v
        case "--port": o.port = UInt16(v) ?? 7878
        case "--connections": o.connections = Int(v) ?? 16
        case "--requests": o.requests = Int(v) ?? 100_000
        case "--warmup": o.warmup = Int(v) ?? 2_000
        case "--request": o.request = v
        case "--pid": o.pid = Int32(v)
        case "--expect": o.expect = v
        default: fatalError("unknown option \(a)")
        }
    }
    return o
}

func rssKiB(_ pid: Int32) -> Int? {
    guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
    return nil
}

func connectTo(_ o: Options) -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var a = sockaddr_in()
    a.sin_family = sa_family_t(AF_INET)
    a.sin_port = o.port.bigEndian
    a.sin_addr.s_addr = inet_addr(o.host)
    let r = withUnsafePointer(to: &a) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard r == 0 else { fatalError("cannot connect to \(o.host):\(o.port)") }
    return fd
}

/// Sends `count` requests one at a time on `fd`; returns latencies in ns.
func drive(fd: Int32, request: [UInt8], count: Int, expect: [UInt8]) -> (latencies: [UInt64], errors: Int) {
    var latencies = [UInt64]()
    latencies.reserveCapacity(count)
    var errors = 0
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var filled = 0
    for _ in 0..<count {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Read until a full line.
        var lineEnd: Int?
        var scanFrom = 0
        while lineEnd == nil {
            if let i = buffer[scanFrom..<filled].firstIndex(of: 10) {
                lineEnd = i
                break
            }
            scanFrom = filled
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + filled, $0.count - filled, 0) }
            guard n > 0 else { fatalError("connection closed") }
            filled += n
        }
        let end = lineEnd!
        latencies.append(DispatchTime.now().uptimeNanoseconds - start)
        if !expect.isEmpty {
            let line = buffer[0..<end]
            if line.firstRange(of: expect) == nil { errors += 1 }
        }
        let rest = filled - end - 1
        if rest > 0 { buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + end + 1, rest) } }
        filled = rest
    }
    return (latencies, errors)
}

let o = parseOptions()
let request = Array((o.request + "\n").utf8)
let expect = Array(o.expect.utf8)
let rssBefore = o.pid.flatMap(rssKiB)
let fds = (0..<o.connections).map { _ in connectTo(o) }
// Warm up: caches, allocator, the pool's threads.
DispatchQueue.concurrentPerform(iterations: o.connections) { i in
    _ = drive(fd: fds[i], request: request, count: o.warmup / o.connections, expect: [])
}
let results = UnsafeMutableBufferPointer<(latencies: [UInt64], errors: Int)>.allocate(capacity: o.connections)
results.initialize(repeating: ([], 0))
let start = DispatchTime.now().uptimeNanoseconds
let done = DispatchGroup()
// Threads: simplest way to get one blocking client per connection.
for i in 0..<o.connections {
    done.enter()
    Thread.detachNewThread {
        results[i] = drive(fd: fds[i], request: request, count: o.requests / o.connections, expect: expect)
        done.leave()
    }
}
done.wait()
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
var all = results.flatMap(\.latencies).sorted()
let errors = results.reduce(0) { $0 + $1.errors }
func pct(_ p: Double) -> Double { Double(all[min(all.count - 1, Int(Double(all.count) * p))]) / 1e6 }
let rssAfter = o.pid.flatMap(rssKiB)
print(
    String(
        format: "%@  connections=%d requests=%d  %.0f req/s  p50 %.3f ms  p99 %.3f ms  max %.3f ms  errors %d",
        o.request, o.connections, all.count, Double(all.count) / seconds, pct(0.5), pct(0.99), pct(1.0), errors))
if let b = rssBefore, let a = rssAfter { print("server RSS before \(b / 1024) MiB, after \(a / 1024) MiB") }
for fd in fds { close(fd) }
