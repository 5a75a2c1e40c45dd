/// A segment's chosen phrase terms (`PhraseMiner`), grouped by the bigram they start
/// with, so that the inverter, which has the bigram's term id at every pair of CJK
/// characters, tries only the phrases that can start there: for most pairs the
/// answer is one array load (`Inverter.phraseGroupOfTerm`).
///
/// A phrase occurs wherever its characters stand in the normalised text one after
/// the other, nothing between them: every start is counted, overlapping ones too
/// (预算预 twice in 预算预算预), as the bigram chains count them.
struct PhraseTable {
    /// Every phrase's scalars, end to end; phrase k is `scalars[starts[k]..<starts[k + 1]]`.
    private var scalars: [UInt32] = []
    private var starts: [Int] = [0]
    /// The phrases of each group (`groupOfBigram`), longest first.
    private(set) var groups: [[Int32]] = []
    private var groupOfBigram: [UInt64: Int32] = [:]

    init() {}

    init(_ phrases: [[Unicode.Scalar]]) {
        for phrase in phrases where phrase.count >= 3 {
            let key = TermKey.gram(phrase[0], phrase[1])
            let group: Int32
            if let known = groupOfBigram[key] {
                group = known
            } else {
                group = Int32(groups.count)
                groupOfBigram[key] = group
                groups.append([])
            }
            groups[Int(group)].append(Int32(starts.count - 1))
            scalars.append(contentsOf: phrase.map(\.value))
            starts.append(scalars.count)
        }
        let starts = starts
        for g in groups.indices {
            groups[g].sort { starts[Int($0) + 1] - starts[Int($0)] > starts[Int($1) + 1] - starts[Int($1)] }
        }
    }

    var count: Int { starts.count - 1 }
    var isEmpty: Bool { count == 0 }

    func length(_ phrase: Int) -> Int { starts[phrase + 1] - starts[phrase] }

    /// The group of phrases starting with bigram `key` (`TermKey.gram`), -1 for none.
    func group(startingWith key: UInt64) -> Int32 { groupOfBigram[key] ?? -1 }

    /// Whether phrase `phrase` stands in `text` from `start`.
    @inline(__always)
    func occurs(_ phrase: Int, in text: [Unicode.Scalar], at start: Int) -> Bool {
        let from = starts[phrase]
        let n = starts[phrase + 1] - from
        guard start + n <= text.count else { return false }
        // The first two characters are the bigram the caller found there.
        for k in 2..<n where text[start + k].value != scalars[from + k] { return false }
        return true
    }

    func forEachScalar(ofPhrase phrase: Int, _ body: (UInt32) -> Void) {
        for k in starts[phrase]..<starts[phrase + 1] { body(scalars[k]) }
    }
}
