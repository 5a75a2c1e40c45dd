/// Documents of one segment that match something, ascending, each with how
/// often it matched (the term frequency BM25 scores).
struct DocSet: Sendable, Equatable {
    var docs: [UInt32] = []
    var counts: [UInt32] = []

    var count: Int { docs.count }
    var isEmpty: Bool { docs.isEmpty }

    mutating func append(_ doc: UInt32, _ count: UInt32) {
        docs.append(doc)
        counts.append(count)
    }

    /// Documents in both; counts are taken from `self`.
    func intersecting(_ other: DocSet) -> DocSet {
        var out = DocSet()
        var i = 0
        var j = 0
        while i < docs.count, j < other.docs.count {
            let a = docs[i]
            let b = other.docs[j]
            if a == b {
                out.append(a, counts[i])
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }

    /// Documents in either; counts added.
    func union(_ other: DocSet) -> DocSet { merged(with: other) { $0 + $1 } }

    /// Documents in either; the count from `other` where it has the document.
    func updating(with other: DocSet) -> DocSet { merged(with: other) { _, theirs in theirs } }

    /// Documents in either, in order; where both have one, `both` gives its count.
    private func merged(with other: DocSet, both: (UInt32, UInt32) -> UInt32) -> DocSet {
        var out = DocSet()
        var i = 0
        var j = 0
        while i < docs.count || j < other.docs.count {
            if j == other.docs.count || (i < docs.count && docs[i] < other.docs[j]) {
                out.append(docs[i], counts[i])
                i += 1
            } else if i == docs.count || other.docs[j] < docs[i] {
                out.append(other.docs[j], other.counts[j])
                j += 1
            } else {
                out.append(docs[i], both(counts[i], other.counts[j]))
                i += 1
                j += 1
            }
        }
        return out
    }

    /// Documents of `self` not in `other`.
    func subtracting(_ other: DocSet) -> DocSet {
        var out = DocSet()
        var j = 0
        for (i, d) in docs.enumerated() {
            while j < other.docs.count, other.docs[j] < d { j += 1 }
            if j < other.docs.count, other.docs[j] == d { continue }
            out.append(d, counts[i])
        }
        return out
    }

    /// Keeps the documents for which `keep` is true.
    func filter(_ keep: (UInt32) -> Bool) -> DocSet {
        var out = DocSet()
        for (i, d) in docs.enumerated() where keep(d) { out.append(d, counts[i]) }
        return out
    }

    /// The count for `doc`, or 0 — for sets probed in ascending order through `cursor`.
    @inline(__always)
    func count(of doc: UInt32, cursor: inout Int) -> UInt32 {
        while cursor < docs.count, docs[cursor] < doc { cursor += 1 }
        return cursor < docs.count && docs[cursor] == doc ? counts[cursor] : 0
    }
}
