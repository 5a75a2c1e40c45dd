/// A segment's chosen phrase terms (`PhraseMiner`), grouped by the bigram they start
/// with, so that the inverter, which has the bigram's term id at every pair of CJK
/// characters, tries only the phrases that can start there: for most pairs the
/// answer is one array load (`Inverter.phraseGroupOfTerm`). A group's phrases lie
/// side by side in flat arrays (no array per group to retain at every pair), ordered
/// by their third character, so only those whose third character is the text's are
/// compared: a frequent bigram starts dozens of phrases.
///
/// A phrase occurs wherever its characters stand in the normalised text one after
/// the other, nothing between them: every start is counted, overlapping ones too
/// (预算预 twice in 预算预算预), as the bigram chains count them.
struct PhraseTable {
    /// Every phrase's scalars, end to end; phrase k is `scalars[starts[k]..<starts[k + 1]]`.
    private var scalars: [UInt32] = []
    private var starts: [Int] = [0]
    /// Group g's phrases are `members[groupStarts[g]..<groupStarts[g + 1]]`, ordered
    /// by their third character (`memberThirds`).
    private var groupStarts: [Int] = [0]
    private var members: [Int32] = []
    private var memberThirds: [UInt32] = []
    private var groupOfBigram: [UInt64: Int32] = [:]

    init() {}

    init(_ phrases: [[Unicode.Scalar]]) {
        var groups: [[Int32]] = []
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
        let (starts, scalars) = (starts, scalars)
        let third = { (phrase: Int32) in scalars[starts[Int(phrase)] + 2] }
        for var group in groups {
            group.sort { third($0) != third($1) ? third($0) < third($1) : $0 < $1 }
            members.append(contentsOf: group)
            memberThirds.append(contentsOf: group.map(third))
            groupStarts.append(members.count)
        }
    }

    var count: Int { starts.count - 1 }
    var isEmpty: Bool { count == 0 }

    /// The group of phrases starting with bigram `key` (`TermKey.gram`), -1 for none.
    func group(startingWith key: UInt64) -> Int32 { groupOfBigram[key] ?? -1 }

    /// The members (indexes for `member`) of `group` whose third character is `third`.
    @inline(__always)
    func candidates(in group: Int32, third: UInt32) -> Range<Int> {
        var m = groupStarts[Int(group)]
        let end = groupStarts[Int(group) + 1]
        while m < end, memberThirds[m] < third { m += 1 }
        var n = m
        while n < end, memberThirds[n] == third { n += 1 }
        return m..<n
    }

    @inline(__always)
    func member(_ m: Int) -> Int { Int(members[m]) }

    /// Whether phrase `phrase`, a candidate for the text's first three characters
    /// from `start` (its bigram and third character), stands there whole.
    @inline(__always)
    func occurs(_ phrase: Int, in text: [Unicode.Scalar], at start: Int) -> Bool {
        let from = starts[phrase]
        let n = starts[phrase + 1] - from
        guard start + n <= text.count else { return false }
        for k in 3..<n where text[start + k].value != scalars[from + k] { return false }
        return true
    }

    func forEachScalar(ofPhrase phrase: Int, _ body: (UInt32) -> Void) {
        for k in starts[phrase]..<starts[phrase + 1] { body(scalars[k]) }
    }
}
