import BaogaoAnalysis

/// How well a fact's label names the item of a question (both folded).
///
/// | fact label vs asked | score |
/// |---|---|
/// | equal | 1.0 |
/// | the fact's label is the asked one plus 总量/总计/合计/总额 (a total) | 0 |
/// | the fact's label adds 总 to 收入/支出/财力 (`一般公共预算总收入` for `一般公共预算收入`: with transfers, another item; `专项债务总限额` is the 限额) or a change word (`地方财政收入增收`: a change, not the item) | 0 |
/// | the fact's label starts or ends with the asked one (`国有资本经营预算调出资金` for `调出资金`) | 0.9 − 0.03 per extra character (≥ 0.6) |
/// | the asked label's characters appear in order in the fact's, ≤ 2 extra (`专项债务总限额` for `专项债务限额`) | 0.8 − 0.05 per extra |
/// | the asked label starts or ends with the fact's (`专项债务` for `专项债务余额`) | 0.4 + 0.3 × share of the asked label covered; the engine keeps it only when the rest (余额) is in the fact's sentence or section |
/// | otherwise | 0 |
enum LabelMatch {
    static let threshold = 0.6
    /// Two labels scoring within this of each other name the same item for
    /// alternatives: one step of the subsequence penalty (one extra character).
    static let sameItemSlack = 0.05
    /// A fact labelled with the end of the asked item whose section names the rest
    /// (年末滚存结余 under 社会保险基金预算): as good as the item plus a few characters.
    static let completedBySection = 0.85
    /// A share named by the item's stem (税比 for 税收收入占比): below a label that
    /// names the item, above the threshold.
    static let shareByStem = 0.75
    /// The most a label shorter than the asked one can score (0.4 + 0.3 × share):
    /// below it, the rest of the asked label must be in the fact's sentence or section.
    static let shorterCeiling = 0.7
    static let totals = ["总量", "总计", "合计", "总额"]

    static func score(asked: String, fact: String) -> Double {
        guard !asked.isEmpty, !fact.isEmpty else { return 0 }
        if asked == fact { return 1 }
        let a = asked.count
        let f = fact.count
        // A total (`一般公共预算收入总量`) is another item than its first part.
        if f > a, fact.hasPrefix(asked), totals.contains(where: { fact.hasSuffix($0) }) { return 0 }
        if isAnotherItem(asked: asked, fact: fact) { return 0 }
        if f > a, fact.hasPrefix(asked) || fact.hasSuffix(asked) {
            return max(0.6, 0.9 - 0.03 * Double(f - a))
        }
        if f > a, f - a <= 2, isSubsequence(asked, of: fact) { return 0.8 - 0.05 * Double(f - a) }
        if a > f, f >= 2, asked.hasPrefix(fact) || asked.hasSuffix(fact) {
            return 0.4 + 0.3 * Double(f) / Double(a)
        }
        return 0
    }

    /// The facts' own change words (`FactRelation`), and those the extractor rewrites
    /// before storing a relation (增收 is stored as 增加) or that name a change of spending.
    static let changeWords = FactRelation.increaseWords + FactRelation.decreaseWords + ["增收", "增支", "减支"]
    static let totalsWithTransfers = ["总收入", "总支出", "总财力"]
    /// The last character of a place's name (`高新区`, `苏木镇`, `开发区`).
    static let placeEnds: Set<Character> = ["区", "镇", "乡", "县", "旗", "市"]

    /// The place `fact` names before the asked item (`苏木镇及开发区` of
    /// `苏木镇及开发区公共财政预算支出`), nil when it names none.
    static func placeBefore(asked: String, fact: String) -> String? {
        guard fact.count > asked.count, fact.hasSuffix(asked) else { return nil }
        let extra = String(fact.dropLast(asked.count))
        guard let last = extra.last, placeEnds.contains(last) || extra.hasSuffix("街道") else { return nil }
        return extra
    }

    /// Whether `fact` holds the asked label's characters in order but, by what it adds,
    /// names another item: a total with transfers or a change of the item.
    static func isAnotherItem(asked: String, fact: String) -> Bool {
        guard fact.count > asked.count, let extra = added(to: asked, in: fact) else { return false }
        if changeWords.contains(where: { extra.contains($0) }) { return true }
        return extra.contains("总") && totalsWithTransfers.contains { fact.contains($0) && !asked.contains($0) }
    }

    /// The characters of `long` left over when `short` is matched in it in order
    /// (first match greedily), nil when it is not a subsequence.
    static func added(to short: String, in long: String) -> String? {
        var extra = ""
        var rest = Substring(short)
        for c in long {
            if let first = rest.first, first == c { rest.removeFirst() } else { extra.append(c) }
        }
        return rest.isEmpty ? extra : nil
    }

    static func isSubsequence(_ short: String, of long: String) -> Bool {
        var it = long.makeIterator()
        outer: for c in short {
            while let d = it.next() { if d == c { continue outer } }
            return false
        }
        return true
    }
}
