import Foundation

/// BM25 over paragraphs (k1 = 1.2, b = 0.75), with document length counted in
/// normalised characters, since terms match as substrings rather than words.
/// A paragraph counts as at least half the average length: BM25's length
/// normalisation otherwise ranks a bare heading (`（1）全区一般公共预算`, 11
/// characters) that names a term once above paragraphs that say something about
/// it several times (`预算 year:2024` listed seven headings in its top eight).
/// Two boosts refine it, both multiplicative and documented in the README:
/// - a term that is also a whole ICU word and occurs in the paragraph as that
///   word scores ×1.3 (the "whole-word match" of ARCHITECTURE.md, decision 1);
/// - with several terms, the best candidates are re-ranked by how close the
///   terms stand: × (1 + 0.5 / (1 + gap / 5)) for the smallest character gap
///   between occurrences of different terms.
struct BM25 {
    static let k1 = 1.2
    static let b = 0.75
    static let wordBoost = 1.3
    /// The shortest length a paragraph counts as, in average lengths.
    static let lengthFloor = 0.5

    let documents: Int
    let averageLength: Double

    func idf(docFreq: Int) -> Double {
        let n = Double(documents)
        let df = Double(docFreq)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    @inline(__always)
    func score(idf: Double, count: UInt32, length: Int) -> Double {
        let tf = Double(count)
        let counted = max(Double(length), Self.lengthFloor * averageLength)
        let norm = Self.k1 * (1 - Self.b + Self.b * counted / max(1, averageLength))
        return idf * tf * (Self.k1 + 1) / (tf + norm)
    }

    /// The cut-off of `score(idf:count:length:) * factor` below a threshold,
    /// for loops that score every document of a long list to keep ten.
    func cutoff(idf: Double, factor: Double) -> ScoreCutoff {
        ScoreCutoff(
            numerator: idf * (Self.k1 + 1) * factor, normBase: Self.k1 * (1 - Self.b),
            normPerLength: Self.k1 * Self.b / max(1, averageLength),
            floorLength: Self.lengthFloor * averageLength)
    }

    static func proximityBoost(gap: Int) -> Double {
        1 + 0.5 / (1 + Double(gap) / 5)
    }
}

/// Tells, without a division, the documents whose score (times a factor, the
/// word boost) is certainly below a threshold: most documents of a common term
/// cannot enter the top ten, and the division of the score was the largest
/// cost of ranking them. A score is `c · tf / (tf + norm)`, so `score · factor
/// < t` is `c · factor · tf < t · (tf + norm)`. The norm is computed here in a
/// different order than in `BM25.score`, so its last bits may differ: a
/// document is excluded only when it is below by more than a billionth, and
/// the caller decides the rest with the score itself.
struct ScoreCutoff {
    let numerator: Double
    let normBase: Double
    let normPerLength: Double
    let floorLength: Double

    @inline(__always)
    func excludes(count: UInt32, length: Int, below threshold: Double) -> Bool {
        let tf = Double(count)
        let norm = normBase + normPerLength * max(Double(length), floorLength)
        return numerator * tf < threshold * (tf + norm) * (1 - 1e-9)
    }
}

/// A hit before it is fetched: where it is and how it ranks.
struct RankedDoc: Sendable {
    var score: Double
    var year: Int
    var segment: Int
    var doc: UInt32

    /// Higher scores first; ties: newer report first, then index order.
    static func before(_ a: RankedDoc, _ b: RankedDoc) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.year != b.year { return a.year > b.year }
        if a.segment != b.segment { return a.segment < b.segment }
        return a.doc < b.doc
    }
}

/// Keeps the best `capacity` documents seen: a binary heap whose root is the
/// worst kept one, so each offer costs O(log k) and ranking 400 000 matches for
/// a top 10 never sorts them all.
struct TopK {
    let capacity: Int
    private var heap: [RankedDoc] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 4096))
    }

    mutating func offer(_ d: RankedDoc) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(d)
            siftUp(heap.count - 1)
        } else if RankedDoc.before(d, heap[0]) {
            heap[0] = d
            siftDown(0)
        }
    }

    /// The score a document must at least have to enter: the worst kept
    /// score once full, minus infinity before (and infinity when nothing is kept).
    var entryScore: Double {
        guard capacity > 0 else { return .infinity }
        return heap.count < capacity ? -.infinity : heap[0].score
    }

    /// Best first.
    func sorted() -> [RankedDoc] { heap.sorted(by: RankedDoc.before) }

    // The root is the element that ranks last.
    private func worse(_ i: Int, _ j: Int) -> Bool { RankedDoc.before(heap[j], heap[i]) }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard worse(i, parent) else { return }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < heap.count, worse(l, m) { m = l }
            if r < heap.count, worse(r, m) { m = r }
            guard m != i else { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
