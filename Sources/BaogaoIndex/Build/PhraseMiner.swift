import BaogaoAnalysis

/// Which runs of CJK characters a segment indexes as phrase terms (`TermKind.phrase`),
/// chosen from the text of its first paragraphs (`PhraseSample`) by frequency.
///
/// A query of three characters or more is a positional join of its bigrams
/// (`SubstringMatcher`), and what makes it slow is a phrase made of frequent bigrams
/// (一般公共预算收入: seven lists of a hundred thousand documents each). The runs
/// worth a list of their own are exactly the frequent ones, so the data chooses them,
/// with no list of domain terms in the code:
///
/// 1. **Level-wise counting (apriori).** Runs of length L (2…8) are counted only
///    where the run's prefix and suffix of length L − 1 were frequent, so each level
///    costs one pass over the positions that survived the one before, and the counts
///    stay bounded by the sample. A run of length L at position p is keyed by the ids
///    of its frequent prefix (at p) and suffix (at p + 1), which overlap in L − 2
///    characters and so name the run exactly: no run's text is hashed.
/// 2. **Minimum count.** Frequent means at least `minimumCount` occurrences in the
///    sample, or one per `charactersPerOccurrence` characters of it when that is more,
///    so a larger sample keeps only the runs as frequent as in a small one.
/// 3. **Closed runs.** A run of 3–7 characters is dropped when a one-character
///    extension (left or right) holds at least `closedRatio` of its occurrences:
///    一般公共预算收 is nearly always followed by 入, so its own list would repeat
///    most of 一般公共预算收入's. A query for the dropped run still answers from the
///    bigram chains, exactly.
/// 4. **Cap.** The `maxPhrases` most frequent survivors of length 3–8 (ties by text),
///    so a segment's phrase terms cost a bounded share of its postings.
///
/// Deterministic for a given sample: ids are given in order of first occurrence and
/// the final order breaks ties by the run's scalars.
public struct PhrasePolicy: Sendable, Equatable {
    /// Characters (Unicode scalars of normalised text) of the first paragraphs held
    /// as the sample; the choice is made when it is full, or when the segment ends.
    public var sampleCharacters = 1 << 20
    public var minimumCount = 24
    public var charactersPerOccurrence = 10_000
    public var closedRatio = 0.9
    public var maxPhrases = 2048

    public init() {}

    /// No phrase terms at all: every query is answered by the bigram chains.
    public static let off: PhrasePolicy = {
        var p = PhrasePolicy()
        p.maxPhrases = 0
        return p
    }()

    var isOff: Bool { maxPhrases == 0 }
}

enum PhraseMiner {
    /// The chosen runs, most frequent first.
    static func choose(from sample: [[Unicode.Scalar]], policy: PhrasePolicy) -> [[Unicode.Scalar]] {
        guard !policy.isOff else { return [] }
        let text = FlatRuns(sample)
        let minimum = max(policy.minimumCount, text.characters / max(1, policy.charactersPerOccurrence))
        var levels: [Level] = [Level.characters(text, minimum: minimum)]
        while levels.count < TermKind.maxPhraseLength, let last = levels.last, !last.counts.isEmpty {
            let next = last.next(minimum: minimum)
            // Only the newest level's positions are read again: the sample's size
            // in memory once, not once per level.
            levels[levels.count - 1].ids = []
            levels[levels.count - 1].starts = []
            levels.append(next)
        }
        var candidates: [(run: [Unicode.Scalar], count: Int32)] = []
        for length in 3...TermKind.maxPhraseLength where length <= levels.count {
            let level = levels[length - 1]
            let longer = length < levels.count ? levels[length] : nil
            let extended = longer?.largestExtensions(ofShorter: level.counts.count) ?? []
            for g in level.counts.indices {
                let count = level.counts[g]
                if !extended.isEmpty, Double(extended[g]) >= policy.closedRatio * Double(count) { continue }
                candidates.append((text.run(at: Int(level.examples[g]), length: length), count))
            }
        }
        candidates.sort { a, b in
            a.count != b.count ? a.count > b.count : a.run.lexicographicallyPrecedes(b.run) { $0.value < $1.value }
        }
        return candidates.prefix(policy.maxPhrases).map(\.run)
    }
}

/// The sample's CJK characters end to end, runs separated by a 0 (anything else in
/// the text ends a run: a phrase term is CJK characters standing together).
private struct FlatRuns {
    var scalars: [UInt32] = []
    var characters = 0

    init(_ sample: [[Unicode.Scalar]]) {
        for paragraph in sample {
            characters += paragraph.count
            for c in paragraph {
                if CJKGrams.isCJK(c) {
                    scalars.append(c.value)
                } else if scalars.last.map({ $0 != 0 }) ?? false {
                    scalars.append(0)
                }
            }
            if scalars.last.map({ $0 != 0 }) ?? false { scalars.append(0) }
        }
    }

    func run(at start: Int, length: Int) -> [Unicode.Scalar] {
        scalars[start..<(start + length)].compactMap(Unicode.Scalar.init)
    }
}

/// The frequent runs of one length: `ids[p]` is the id of the run starting at
/// position p of the flat text (-1 when it is not frequent or crosses a run's end),
/// `starts` the positions where one starts, ascending, `counts[id]` its
/// occurrences, `examples[id]` its first start.
///
/// The next level visits `starts` alone: frequent runs grow rarer with their
/// length, and a pass over every position of the sample at every level had
/// cost more than the counting.
private struct Level {
    var ids: [Int32]
    var starts: [Int32] = []
    var counts: [Int32] = []
    var examples: [Int32] = []
    /// Per run, the ids of its prefix and suffix one character shorter (to find
    /// the extensions of each run of the level below; meaningless for characters).
    var parents: [(prefix: Int32, suffix: Int32)] = []

    static func characters(_ text: FlatRuns, minimum: Int) -> Level {
        var counter = RunCounter(capacity: 1 << 14)
        var seen = CountedRuns()
        seen.reserve(text.scalars.count)
        for (p, c) in text.scalars.enumerated() where c != 0 {
            seen.append(Int32(p), counter.add(UInt64(c), at: Int32(p)))
        }
        return counter.frequent(seen, positions: text.scalars.count, minimum: minimum)
    }

    /// The frequent runs one character longer.
    func next(minimum: Int) -> Level {
        var counter = RunCounter(capacity: max(1 << 10, counts.count * 4))
        var seen = CountedRuns()
        seen.reserve(starts.count)
        ids.withUnsafeBufferPointer { ids in
            for p in starts {
                let next = Int(p) + 1
                guard next < ids.count else { continue }
                let suffix = ids[next]
                guard suffix >= 0 else { continue }
                let prefix = ids[Int(p)]
                seen.append(p, counter.add(UInt64(UInt32(prefix)) << 32 | UInt64(UInt32(suffix)), at: p))
            }
        }
        return counter.frequent(seen, positions: ids.count, minimum: minimum)
    }

    /// Per run of the level below (`shorterCount` of them), the count of its most
    /// frequent one-character extension on either side, from this level's runs.
    func largestExtensions(ofShorter shorterCount: Int) -> [Int32] {
        var largest = [Int32](repeating: 0, count: shorterCount)
        for (g, parent) in parents.enumerated() {
            largest[Int(parent.prefix)] = max(largest[Int(parent.prefix)], counts[g])
            largest[Int(parent.suffix)] = max(largest[Int(parent.suffix)], counts[g])
        }
        return largest
    }
}

/// The runs counted at one level, in position order: where each starts and its raw id.
private struct CountedRuns {
    var positions: [Int32] = []
    var raw: [Int32] = []

    mutating func reserve(_ n: Int) {
        positions.reserveCapacity(n)
        raw.reserveCapacity(n)
    }

    @inline(__always)
    mutating func append(_ position: Int32, _ id: Int32) {
        positions.append(position)
        raw.append(id)
    }
}

/// Counts runs by key (open addressing, linear probing), giving each new key the
/// next raw id in order of first occurrence.
private struct RunCounter {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var rawKeys: [UInt64] = []
    private(set) var rawCounts: [Int32] = []
    private(set) var rawExamples: [Int32] = []

    init(capacity: Int) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = [UInt64](repeating: .max, count: n)
        values = [Int32](repeating: -1, count: n)
        mask = n - 1
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// One more occurrence of `key` starting at `position`; its raw id.
    mutating func add(_ key: UInt64, at position: Int32) -> Int32 {
        var i = Self.slot(key, mask)
        while keys[i] != .max {
            if keys[i] == key {
                rawCounts[Int(values[i])] += 1
                return values[i]
            }
            i = (i + 1) & mask
        }
        let id = Int32(rawKeys.count)
        keys[i] = key
        values[i] = id
        rawKeys.append(key)
        rawCounts.append(1)
        rawExamples.append(position)
        if rawKeys.count * 2 > keys.count { grow() }
        return id
    }

    private mutating func grow() {
        let n = keys.count * 2
        keys = [UInt64](repeating: .max, count: n)
        values = [Int32](repeating: -1, count: n)
        mask = n - 1
        for (id, key) in rawKeys.enumerated() {
            var i = Self.slot(key, mask)
            while keys[i] != .max { i = (i + 1) & mask }
            keys[i] = key
            values[i] = Int32(id)
        }
    }

    /// The level of the runs counted at least `minimum` times, renumbered densely,
    /// over a text of `positions` positions; `seen` says where each run was counted.
    func frequent(_ seen: CountedRuns, positions: Int, minimum: Int) -> Level {
        var dense = [Int32](repeating: -1, count: rawKeys.count)
        var level = Level(ids: [Int32](repeating: -1, count: positions))
        for r in rawKeys.indices where Int(rawCounts[r]) >= minimum {
            dense[r] = Int32(level.counts.count)
            level.counts.append(rawCounts[r])
            level.examples.append(rawExamples[r])
            let key = rawKeys[r]
            level.parents.append((Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)))
        }
        level.starts.reserveCapacity(seen.positions.count)
        dense.withUnsafeBufferPointer { dense in
            level.ids.withUnsafeMutableBufferPointer { ids in
                for k in seen.positions.indices {
                    let id = dense[Int(seen.raw[k])]
                    guard id >= 0 else { continue }
                    let p = seen.positions[k]
                    ids[Int(p)] = id
                    level.starts.append(p)
                }
            }
        }
        return level
    }
}
