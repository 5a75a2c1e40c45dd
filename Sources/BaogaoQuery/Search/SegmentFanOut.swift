import Dispatch
import Synchronization

/// Runs one piece of work per segment on every core and gathers the results in
/// segment order. Segments are independent until their results are merged
/// (ARCHITECTURE.md, decision 5), so a query over several segments is that many
/// searches running side by side; with one segment, or when the caller says
/// the work is too small to share (`Searcher.fansOut`), nothing changes threads.
///
/// Generic over the work's error: work that cannot fail (`Never`) needs no `try`.
enum SegmentFanOut {
    static func map<T: Sendable, E: Error>(
        _ count: Int, parallel: Bool,
        _ body: @Sendable (Int) throws(E) -> T
    ) throws(E) -> [T] {
        if count <= 1 || !parallel {
            var out: [T] = []
            for s in 0..<count { out.append(try body(s)) }
            return out
        }
        let slots = Slots<T, E>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { s in
            do throws(E) {
                slots.put(s, .success(try body(s)))
            } catch {
                slots.put(s, .failure(error))
            }
        }
        return try slots.collect()
    }

    /// Each iteration's result. The iterations write distinct slots, and
    /// `concurrentPerform` returns only after all of them, so the lock only
    /// orders the writes for the reader.
    private final class Slots<T: Sendable, E: Error>: @unchecked Sendable {
        private let lock = Mutex<Void>(())
        private var results: [Result<T, E>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func put(_ s: Int, _ r: Result<T, E>) {
            lock.withLock { _ in results[s] = r }
        }

        func collect() throws(E) -> [T] {
            try lock.withLock { (_) throws(E) -> [T] in
                var out: [T] = []
                for r in results {
                    guard let r else { preconditionFailure("a segment's search did not finish") }
                    out.append(try r.get())
                }
                return out
            }
        }
    }
}

extension SegmentFanOut {
    /// `body` once for each segment that holds any of `refs`, given that
    /// segment's refs in their order; the results in segment order. For work on
    /// a query's matching paragraphs (their facts, texts, definitions).
    static func map<T: Sendable, E: Error>(
        _ refs: [IndexedParagraphRef], parallel: Bool,
        _ body: @Sendable (_ segment: Int, _ refs: [IndexedParagraphRef]) throws(E) -> T
    ) throws(E) -> [T] {
        let bySegment = Dictionary(grouping: refs, by: \.segment)
        let segments = bySegment.keys.sorted()
        return try map(segments.count, parallel: parallel) { (k) throws(E) -> T in
            try body(segments[k], bySegment[segments[k]] ?? [])
        }
    }
}
