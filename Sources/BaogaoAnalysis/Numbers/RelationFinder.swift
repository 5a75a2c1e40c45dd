import BaogaoIngest

/// Finds the word that relates a number to its label: `增长`, `同比下降`, `为预算的`,
/// `占`, `调整为`, ….
///
/// Rule: within the number's clause (from the last clause punctuation or the previous
/// number, to the number), the *first* relation word wins. First, not nearest, because a
/// share is introduced by `占` and only then restated: in `占一般公共预算支出的比重为
/// 74.7%` the relation is `占`; in `高于全省平均增速 2.6 个百分点` it is `高于`. Longer
/// words are tried before shorter ones at each position (`为调整预算的` before `为`,
/// `不低于` before `低于`).
enum RelationFinder {
    struct Found: Sendable, Equatable {
        var relation: String
        /// Where the relation word starts: the label is looked for before it.
        var start: Int
    }

    static let words = WordList(RelationWords.all)

    /// Relations that turn a percentage or percentage-point change negative.
    static let decreases: Set<String> = [
        "同比下降", "同比减少", "比上年下降", "比上年减少", "较上年下降", "较上年减少", "下降", "减少",
        "降低", "回落", "下滑", "降幅", "低于"
    ]

    /// The first relation word in `s[lower..<upper]`.
    static func find(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Found? {
        let words = Self.words
        var p = max(lower, 0)
        while p < upper {
            if words.mayStart(with: s[p]), let w = words.longest(in: s, at: p, upper: upper),
                !(w.count == 1 && p + 1 < upper && s[p + 1] == "比")
            {  // 占比 is a noun, not 占
                return Found(relation: ScalarClass.string(w[...]), start: p)
            }
            p += 1
        }
        return nil
    }

    /// Stage words: which figure of the item an amount is (budget, adjusted, actual,
    /// forecast). They sit between the item and the number and are stripped from the
    /// label (`LabelFinder.trailing`); fillers such as 为, 约, 累计, 合计 are not stages.
    static let stageWords = WordList([
        "预计", "拟安排", "安排", "预算", "完成", "实际", "预算数", "决算数", "执行数", "完成数",
        "调整数", "决算"
    ])

    /// The stage of an amount with no relation word: the stage words at the end of its
    /// clause, in text order (`收入预算 141050 万元` → `预算`, `实际完成 90074万元` →
    /// `实际完成`, `预计完成`, `拟安排`); `调整…为 N` (`调整支出预算为 127717万元`) is
    /// `调整为`. Nil when there is none.
    static func stage(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> String? {
        var hi = upper
        var parts: [String] = []
        while true {
            while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
            guard let w = LabelFinder.trailing.longest(in: s, endingAt: hi, lower: lower) else { break }
            hi -= w.count
            if let k = stageWords.longestIndex(in: w, at: 0), stageWords.words[k].count == w.count {
                parts.append(stageWords.strings[k])
            }
        }
        guard !parts.isEmpty else { return nil }
        let adjust = Array("调整".unicodeScalars)
        var p = lower
        while p + 1 < hi {
            if s[p] == adjust[0] && s[p + 1] == adjust[1] { return "调整为" }
            p += 1
        }
        return parts.reversed().joined()
    }

    /// A stage a sentence announces for the amounts after it: `调整后，全区财政总收入为
    /// 385,000万元，一般公共预算支出为525,000万元` (both adjusted), `收入预期目标为：一般公共
    /// 预算总收入48.24亿元` (a budget). The cue must end its clause (a comma or colon
    /// after it, with at most 为/是/如下 between), so a cue inside a clause of its own
    /// figure is left to `stage`. Returns the stage word as `stage` writes it.
    static func leadIn(_ s: [Unicode.Scalar], sentence: Int, before clause: Int) -> String? {
        var best: (end: Int, stage: String)?
        for (cue, stage) in leadInCues {
            var p = sentence
            while p + cue.count <= clause {
                if s[p..<(p + cue.count)].elementsEqual(cue) {
                    var q = p + cue.count
                    while q < clause, "为是如下的预算".unicodeScalars.contains(s[q]) || Whitespace.isSpace(s[q]) { q += 1 }
                    if q < clause, "，,：:".unicodeScalars.contains(s[q]), best.map({ $0.end < q }) ?? true {
                        best = (q, stage)
                    }
                }
                p += 1
            }
        }
        return best?.stage
    }

    /// `经…人民代表大会…批准全旗公共财政预算收入35.6亿元`: an amount the clause says was
    /// approved (批准) is the budget; returns `预算`, the budget's stage word.
    static func approved(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> String? {
        var p = max(lower, 0)
        while p + 1 < upper {
            if s[p] == "批", s[p + 1] == "准" { return "预算" }
            p += 1
        }
        return nil
    }

    static let leadInCues: [([Unicode.Scalar], String)] = [
        (Array("调整后".unicodeScalars), "调整为"), (Array("预期目标".unicodeScalars), "预算"),
        (Array("年初预算".unicodeScalars), "预算"), (Array("批准".unicodeScalars), "预算")
    ]

    /// `调增` or `调减` right before the number (`调增13000万元`): the change an
    /// adjustment makes. Not a relation word anywhere in the clause, since `调减专项债券
    /// 资金 31000万元` names its item after the verb.
    static func adjustment(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Found? {
        var hi = upper
        while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        if hi - 1 >= lower, s[hi - 1] == "了" { hi -= 1 }
        guard hi - 2 >= lower, s[hi - 2] == "调", s[hi - 1] == "增" || s[hi - 1] == "减" else { return nil }
        return Found(relation: s[hi - 1] == "增" ? "调增" : "调减", start: hi - 2)
    }

    /// A completion rate written without one of the fixed words: a verb (完成, 为, 达到)
    /// then what was planned, ending in 预算/计划/任务/目标, and an optional 的, right
    /// before the number: `完成年度预算的100.3%`, `完成调整预算103.58%`, `完成区…批准收入
    /// 调整预算37.5亿元的104.3%` (read on the clause of the amount in between). The
    /// relation is the verb, the plan's qualifier (调整, 年初, 年度, 全年) and the plan,
    /// with 的: `完成年度预算的`, `完成调整预算的` (预算数 read as 预算), so it reads as the
    /// fixed words do.
    static func completion(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Found? {
        var hi = upper
        while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        if hi > lower && s[hi - 1] == "的" { hi -= 1 }
        guard let plan = plans.longest(in: s, endingAt: hi, lower: lower) else { return nil }
        let planStart = hi - plan.count
        let qualifier = planQualifiers.longest(in: s, endingAt: planStart, lower: lower) ?? []
        // The verb nearest before the plan, with nothing but words between (no digit:
        // `完成…37.5亿元的` is read on the amount's own clause).
        var p = planStart
        while p > lower {
            if ScalarClass.isDigit(s[p - 1]) { return nil }
            if let v = completionVerbs.longest(in: s, endingAt: p, lower: lower) {
                let verb = v.count == 1 || v.elementsEqual("达到".unicodeScalars) ? "为" : ScalarClass.string(v[...])
                // 预算数 is the 预算 (`完成年初预算数的` reads as `完成年初预算的`).
                let planWord = plan.count == 3 && plan.last == "数" ? "预算" : ScalarClass.string(plan[...])
                return Found(
                    relation: verb + ScalarClass.string(qualifier[...]) + planWord + "的",
                    start: p - v.count)
            }
            p -= 1
        }
        return nil
    }

    /// A change against a reference written with a verb that is no relation word:
    /// `比上年增收1.03亿元`, `同比增收1.3亿元`, `较去年同期减收25,247万元`, `比上年同期增支`,
    /// `较年初预算超收`. The clause starts with 比, 较 or 同比 (what it is compared with)
    /// and ends in a change verb (增…, 减…, 超…, 短…, 多…, 少…) right before the number. The
    /// relation keeps the comparison and names the change as 增加 or 减少
    /// (`比上年增加`, `较去年同期减少`), the words the query side reads as a rise or a
    /// fall; 增收 is the 增加 of a revenue, 增支 of a spending.
    static func comparison(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Found? {
        var lo = lower
        var hi = upper
        while lo < hi && Whitespace.isSpace(s[lo]) { lo += 1 }
        while hi > lo && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        guard hi - lo >= 3, hi - lo <= 12, s[lo] == "比" || s[lo] == "较" || (s[lo] == "同" && s[lo + 1] == "比"),
            !s[lo..<hi].contains(where: ScalarClass.isDigit)
        else { return nil }
        // The verb: one or two scalars from the end, its first a change word.
        for length in [2, 1] where hi - length > lo + 1 {
            let v = hi - length
            let direction: String
            if "增多超".unicodeScalars.contains(s[v]) {
                direction = "增加"
            } else if "减減少短".unicodeScalars.contains(s[v]) {
                direction = "减少"
            } else {
                continue
            }
            return Found(relation: ScalarClass.string(s[lo..<v]) + direction, start: lo)
        }
        return nil
    }

    static let plans = WordList(["预算", "预算数", "计划", "任务", "目标", "预期"])
    static let planQualifiers = WordList(["调整", "年初", "年度", "全年"])
    static let completionVerbs = WordList(["完成", "为", "达到", "达"])

    private static func comparisonStarts(_ r: String) -> Bool {
        r.hasPrefix("比") || r.hasPrefix("较") || r.hasPrefix("同比")
    }

    /// Applies the sign convention: percentage changes introduced by a decrease word
    /// are negative.
    static func signed(_ value: Double, kind: NumberFact.Kind, relation: String?) -> Double {
        guard kind == .percent || kind == .percentagePoint,
            let r = relation, decreases.contains(r) || (r.hasSuffix("减少") && comparisonStarts(r))
        else { return value }
        return -abs(value)
    }
}

/// The relation words the extractor recognises, public for the query language: a word
/// glued before a range (`增长>5%`, `占>30%`) is read as a relation only when it is one
/// of these, and otherwise as a label (`支出>1亿`).
public enum RelationWords {
    public static let all: [String] = [
        "同比增长", "同比下降", "同比增加", "同比减少", "比上年增长", "比上年下降", "比上年增加",
        "比上年减少", "较上年增长", "较上年下降", "较上年增加", "较上年减少", "增长", "下降", "增加",
        "减少", "降低", "提高", "回落", "下滑", "增幅", "降幅",
        "高于", "低于", "不低于", "不高于", "超过预算的",
        "为调整预算的", "为年初预算的", "为预算的", "完成预算的", "完成调整预算的",
        "完成年初预算的", "为预算数的", "为调整预算数的", "为上年的", "为上年同期的", "为计划的",
        "完成年度任务的", "占", "调整为", "调增为", "调减为", "拟调整为"
    ]
}
