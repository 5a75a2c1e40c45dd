import Synchronization

/// The most recently decompressed store blocks of a segment. Showing a hit
/// decompresses the 16 KiB block that holds its paragraph (~20 µs); the same
/// blocks come back for the next page, the next query on the same topic,
/// `:open`'s neighbours. A few dozen blocks (about 1 MiB) catch most of that.
///
/// Least-recently-used by a use counter; shared by every thread reading the
/// segment, so it sits behind a mutex held only to look up or insert.
final class BlockCache: Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func bytes(ofBlock b: Int) -> [UInt8]? {
        state.withLock { s in
            guard var e = s.entries[b] else { return nil }
            s.clock += 1
            e.lastUse = s.clock
            s.entries[b] = e
            return e.bytes
        }
    }

    func insert(_ bytes: [UInt8], forBlock b: Int) {
        state.withLock { s in
            s.clock += 1
            if s.entries.count >= capacity, s.entries[b] == nil,
                let oldest = s.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                s.entries[oldest] = nil
            }
            s.entries[b] = Entry(bytes: bytes, lastUse: s.clock)
        }
    }
}
