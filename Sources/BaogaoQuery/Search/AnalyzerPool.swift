import BaogaoAnalysis
import Synchronization

/// Analyzers for concurrent searches. An `Analyzer` owns ICU handles that one
/// thread may use at a time, and opening them costs far more than a lookup, so
/// searches borrow one from the pool and give it back.
final class AnalyzerPool: Sendable {
    private final class Box: @unchecked Sendable {
        let analyzer = Analyzer()
    }

    private let idle = Mutex<[Box]>([])

    func with<R>(_ body: (Analyzer) throws -> R) rethrows -> R {
        let box = idle.withLock { $0.popLast() } ?? Box()
        defer { idle.withLock { $0.append(box) } }
        return try body(box.analyzer)
    }
}
