/// Which bigrams of a CJK run of n ≥ 3 characters to intersect. The bigram at
/// offset o covers characters o and o + 1; a set of offsets finds exactly the
/// run when it covers every character, which means it holds 0 and n − 2 and
/// no two neighbours are more than 2 apart.
///
/// Every covering set gives the same matches, but not at the same cost: each
/// chosen bigram's postings are walked and its positions decoded, which is
/// roughly proportional to its document frequency. `一般公共预算收入` through
/// 一般·公共·预算·收入 walks the very common 预算 and 收入; through
/// 一般·公共·共预·算收·收入 it walks the rarer 共预 and 算收 instead.
enum BigramCover {
    /// The covering set of offsets with the smallest sum of document
    /// frequencies, ascending. `docFreqs[o]` is the frequency of the bigram at o.
    static func cheapest(docFreqs: [Int]) -> [Int] {
        let m = docFreqs.count
        guard m > 1 else { return Array(0..<m) }
        // cost[o]: the cheapest cover of characters 0...o+1 that chooses o.
        var cost = [Int](repeating: 0, count: m)
        var previous = [Int](repeating: -1, count: m)
        cost[0] = docFreqs[0]
        for o in 1..<m {
            var p = o - 1
            if o >= 2, cost[o - 2] <= cost[o - 1] { p = o - 2 }
            cost[o] = docFreqs[o] + cost[p]
            previous[o] = p
        }
        var chosen: [Int] = []
        var o = m - 1
        while o >= 0 {
            chosen.append(o)
            o = previous[o]
        }
        return chosen.reversed()
    }
}
