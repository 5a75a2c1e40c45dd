import BaogaoIngest

/// What may follow a number, and what it makes of it.
///
/// A unit is read as `[余|多] [magnitude] [余|多] unit`, spaces (or a line break) allowed
/// between the number and each part (`141050 万元`, `3.8 个百分点`, `32万余户`, `2000余万元`):
///
/// | written                    | kind            | base unit  | multiplier |
/// |----------------------------|-----------------|------------|------------|
/// | 元 千元 万元 百万元 亿元 万亿元 | amount          | 元         | 1 … 1e12   |
/// | % ％                        | percent         | %          | 1          |
/// | 个百分点 百分点               | percentagePoint | 个百分点    | 1          |
/// | [万|亿] + count unit         | count           | the unit   | 1, 1e4, 1e8|
///
/// A number followed by anything else (年, 月, 日, 岁, 条 of a law, nothing) is not a
/// fact: years, dates and ordinals fall out here. `个` followed by 月/小时/工作日 is a
/// duration, not a count, and is dropped too.
enum UnitTable {
    struct Match: Sendable, Equatable {
        var kind: NumberFact.Kind
        var unit: String
        var multiplier: Double
        /// Scalar offset just past the unit.
        var end: Int
        /// `余` or `多` between magnitude and unit.
        var approximateWord: String?
    }

    static let countUnits = WordList([
        "个", "家", "户", "户次", "人", "人次", "名", "所", "项", "套", "列", "亩",
        "公里", "千米", "平方米", "平方公里", "场次", "处", "件", "辆", "台", "座", "间",
        "张", "吨", "条"
    ])
    private static let durationAfterGe = WordList(["月", "小时", "工作日", "季度"])
    private static let points = WordList(["个百分点", "百分点"])

    /// Spaces, and a line break left by a hard wrap, may stand between number and unit.
    private static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var k = i
        while k < s.count && Whitespace.isWhitespace(s[k]) { k += 1 }
        return k
    }

    /// `万亿`, `亿`, `万`, `百万`, `千万`, `千` at `k`: multiplier, money-only, width.
    private static func magnitude(_ s: [Unicode.Scalar], at k: Int) -> (Double, Bool, Int) {
        let next: Unicode.Scalar = k + 1 < s.count ? s[k + 1] : " "
        switch s[k] {
        case "万": return next == "亿" ? (1e12, false, 2) : (1e4, false, 1)
        case "亿": return (1e8, false, 1)
        case "百": return next == "万" ? (1e6, true, 2) : (1, false, 0)
        case "千": return next == "万" ? (1e7, true, 2) : (1e3, true, 1)
        default: return (1, false, 0)
        }
    }

    /// The unit starting at `start` (just past the digits), or nil for a bare number.
    static func match(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        var k = skipSpaces(s, start)
        guard k < s.count else { return nil }
        if s[k] == "%" || s[k] == "％" {
            return Match(kind: .percent, unit: "%", multiplier: 1, end: k + 1)
        }
        if let p = points.longest(in: s, at: k) {
            return Match(kind: .percentagePoint, unit: "个百分点", multiplier: 1, end: k + p.count)
        }
        // `余`/`多` may stand before or after the magnitude: `32万余户`, `2000余万元`, `10多亿元`.
        var approximateWord: String?
        if s[k] == "余" || s[k] == "多" {
            approximateWord = String(s[k])
            k += 1
        }
        guard k < s.count else { return nil }
        let (multiplier, moneyOnly, width) = magnitude(s, at: k)
        k += width
        if approximateWord == nil, k < s.count, s[k] == "余" || s[k] == "多" {
            approximateWord = String(s[k])
            k += 1
        }
        if multiplier != 1 { k = skipSpaces(s, k) }
        guard k < s.count else { return nil }
        if s[k] == "元" {
            return Match(
                kind: .amount, unit: "元", multiplier: multiplier, end: k + 1,
                approximateWord: approximateWord)
        }
        guard !moneyOnly, let u = countUnits.longest(in: s, at: k) else { return nil }
        // `个月`, `个小时`: a duration, not a count.
        if u.count == 1 && u[0] == "个", durationAfterGe.longest(in: s, at: k + 1) != nil { return nil }
        let unit = ScalarClass.string(u[...])
        return Match(
            kind: .count, unit: unit, multiplier: multiplier, end: k + u.count,
            approximateWord: approximateWord)
    }
}
