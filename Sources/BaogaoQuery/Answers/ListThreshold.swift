import BaogaoAnalysis

/// The threshold of a list question, written in the query language so that the
/// number-range engine (`NumberRange`, `RangeMatcher`) decides which facts
/// qualify, exactly as `baogao facts >1亿元` would.
///
/// | question says | range |
/// |---|---|
/// | 超过1亿元, 大于, 高于, 多于, 1亿元以上 | `>1亿元` |
/// | 不低于, 不少于 | `>=1亿元` |
/// | 低于, 少于, 小于, 不足, 不到, 1亿元以下 | `<1亿元` |
/// | 1000万元到1亿元之间, 1000万元至1亿元 | `1000万元..1亿元` |
/// | 增幅超过10%, 增长超过10% | `增长>10%` |
/// | 降幅超过5%, 下降超过5% | `下降>5%` |
/// | 比上年下降了 (no number) | `下降>0%` |
/// | 比上年增长了 (no number) | `增长>0%` |
enum ListThreshold {
    static func range(in text: String) -> String? {
        let relation = percentRelation(text)
        if let m = text.firstMatch(
            of: #/(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万|%)?\s*(?:到|至|~|～|—|-)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万|%)/#)
        {
            let highUnit = unit(String(m.output.4))
            let lowUnit = m.output.2.map { unit(String($0)) } ?? highUnit
            let prefix = highUnit == "%" ? (relation ?? "") : ""
            return "\(prefix)\(m.output.1)\(lowUnit)..\(m.output.3)\(highUnit)"
        }
        if let m = text.firstMatch(of: #/(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万|%)\s*(以上|以下|以内)?/#) {
            let u = unit(String(m.output.2))
            let before = String(text[..<m.range.lowerBound])
            let op: String
            if ["不低于", "不少于"].contains(where: { before.hasSuffix($0) }) {
                op = ">="
            } else if ["低于", "少于", "小于", "不足", "不到"].contains(where: { before.hasSuffix($0) })
                || m.output.3 == "以下" || m.output.3 == "以内"
            {
                op = "<"
            } else {
                op = ">"
            }
            let prefix = u == "%" ? (relation ?? "") : ""
            return "\(prefix)\(op)\(m.output.1)\(u)"
        }
        // No number: "哪些支出比上年下降了" asks for every decrease.
        if let relation { return "\(relation)>0%" }
        return nil
    }

    /// The change a percentage threshold is about: decreases when the question
    /// speaks of 下降/降幅/减少, increases for 增长/增幅/增速/提高.
    /// The words are the facts' own (`FactRelation`), so a question says a change
    /// the way the reports do; 增速 is a question's word only.
    static func percentRelation(_ text: String) -> String? {
        if FactRelation.decreaseWords.contains(where: { text.contains($0) }) { return "下降" }
        if (FactRelation.increaseWords + ["增速"]).contains(where: { text.contains($0) }) { return "增长" }
        return nil
    }

    static func unit(_ written: String) -> String {
        switch written {
        case "亿": return "亿元"
        case "万": return "万元"
        default: return written
        }
    }
}
