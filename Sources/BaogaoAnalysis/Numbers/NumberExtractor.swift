import BaogaoIngest

/// Extracts every number fact of a paragraph: amounts, percentages, percentage points
/// and counts, each with its label, relation, scope and year.
///
/// A pure function of the paragraph and its report's metadata. Paragraphs without a
/// digit cost one pass over their UTF-8 bytes and return at once.
///
/// How each number gets its fields (see the finders for the word lists):
/// - value, kind, unit, text, offsets: `AmountScanner` + `UnitTable`;
/// - relation: the first relation word of the number's clause (`RelationFinder`); else a
///   comparison with a change verb (`比上年增收` → `比上年增加`); else, for a percentage,
///   a completion rate (`完成调整预算103.58%` → `完成调整预算的`, also across the plan's
///   amount: `完成…调整预算37.5亿元的104.3%`); a decrease word makes a percentage change
///   negative; an amount with none gets its stage (`预算`, `调整为`, `实际完成`, `预计`,
///   `安排`), so budget, adjusted budget and actual figures of one label can be told apart;
/// - label, in order:
///   1. a `（含高新区 10 亿元）` part takes its parent's label, scope `高新区`, relation `含`;
///   2. the noun phrase before the number or its relation word (`LabelFinder.before`);
///   3. for an amount or count with nothing before it, the phrase right after it
///      (`1 亿元重大项目前期经费`, `支持 133 个重点项目`);
///   4. otherwise, when the clause is empty or ends in a verb or stage word, the label
///      of the previous amount or percentage in the same sentence:
///      `全区一般公共预算收入67.96亿元，为预算的100.2%，增长0.5%` labels all three
///      `一般公共预算收入`; `调整为89850万元，实际完成 90074万元` inherit likewise;
///   a bare 收入/支出 (`支出预算 319.5 亿元`, `收入总量为…`) is completed with the nearest
///   budget name before it (`一般公共预算支出`);
///   and: `A、B分别…N1、N2` gives N1 A and N2 B; a `占比` naming nothing or a short form
///   of the item just named is that item's share (`税收收入…,税收占比80.3%`); after a
///   plan (`…征收计划56.02亿元`) an actual or a rate against it measures the planned item
///   (`社保基金征收`); a figure in parentheses is an aside, inherited only inside them;
/// - scope and year: `Landmarks` / `ScopeFinder`.
public enum NumberExtractor {
    /// Bumped whenever the facts extracted from the same paragraph change, so that an
    /// index holding older facts is rebuilt (it is part of `Analyzer.identifier`).
    /// 2: `由…调整为…` adjustments, 调增/调减; Traditional-script paragraphs; `为预期的`.
    /// 3: `拟调整为` (the item before 拟). 4: a scope word followed at once by a number is
    /// that number's alone.
    /// 5: Traditional characters read one at a time (ICU's rules spanning several
    /// characters no longer apply to the copy the finders read).
    /// 6: a table row headed by a scope and 收入/支出 (`本级收入`) is the table's budget's
    /// item; a sentence's lead-in stage (`调整后，…`, `预期目标为：…`) marks its amounts;
    /// a year compared with (`比2019年`) is not the figure's; `；比…` goes on comparing;
    /// an amount approved (`批准…收入35.6亿元`) is the budget; `其中：市本级N，利通区M` are
    /// parts of the figure before, by level and place.
    /// 7: the scopes of the central government's report (全国, 中央, 地方).
    public static let version = 7

    public static func facts(in paragraph: Paragraph, report: ReportMetadata) -> [NumberFact] {
        let fallbackYear = paragraph.year ?? report.executionYear ?? report.budgetYear
        if paragraph.kind == .tableRow, let table = paragraph.table {
            return TableCellFacts.facts(text: paragraph.text, table: table, section: paragraph.section, year: fallbackYear)
        }
        let found = facts(text: paragraph.text, section: paragraph.section, year: fallbackYear)
        return report.level == .central ? nationalScopes(found) : found
    }

    /// The scopes of the central government's report: 全国 (the whole country), 中央
    /// (the central government), 地方 (all local governments), written before an item
    /// as 全区 is in a district's (`全国一般公共预算收入`, `中央一般公共预算收入`,
    /// `地方一般公共预算本级收入`). Only there: in any other report 中央 and 地方 name where
    /// money comes from or goes (`中央补助收入`, `地方政府债券`), part of the item. A
    /// figure after one in the paragraph, with no scope word of its own, has its scope
    /// (`其中，税收收入181129亿元` after 全国…).
    static let nationalScopeWords = ["全国", "中央", "地方"]

    static func nationalScopes(_ facts: [NumberFact]) -> [NumberFact] {
        var out = facts
        var current: String?
        for i in out.indices {
            if let label = out[i].label,
                let word = nationalScopeWords.first(where: { label.hasPrefix($0) && label.count >= $0.count + 2 })
            {
                out[i].label = String(label.dropFirst(word.count))
                if out[i].scope == nil { out[i].scope = word }
                current = word
            } else if out[i].scope == nil, let current {
                out[i].scope = current
            }
        }
        return out
    }

    /// Running text (anything but a table row).
    static func facts(text: String, section: [String] = [], year fallbackYear: Int? = nil) -> [NumberFact] {
        guard let original = ScalarClass.scalarsIfDigits(text) else { return [] }
        let s = simplified(text, original)
        let numbers = AmountScanner.scan(s)
        guard !numbers.isEmpty else { return [] }
        let marks = Landmarks(s)
        var out: [NumberFact] = []
        out.reserveCapacity(numbers.count)
        // Headings are read only when the paragraph itself names no scope or budget.
        var headingCache: (scope: String?, budget: String?)?
        func headings() -> (scope: String?, budget: String?) {
            if let h = headingCache { return h }
            let h = ScopeFinder.headings(section)
            headingCache = h
            return h
        }
        var previousEnd = 0
        var previous: (number: ScannedNumber, clause: Int)?
        var inherited: (label: String, sentence: Int)?
        var inheritedAside: (label: String, open: Int)?
        var respectively: (items: [LabelFinder.Found], next: Int, relation: String?, sentence: Int)?
        for n in numbers {
            let clause = clauseStart(
                s, before: n.outerStart, floor: previousEnd,
                listing: endsWithDeng(s, n.outerStart, floor: previousEnd))
            previousEnd = n.outerEnd
            defer { previous = (n, clause) }
            let sentence = marks.sentenceStart(before: n.start)
            var relation = RelationFinder.find(s, lower: clause, upper: n.outerStart)
            if relation == nil { relation = RelationFinder.comparison(s, lower: clause, upper: n.outerStart) }
            if relation == nil { relation = RelationFinder.adjustment(s, lower: clause, upper: n.outerStart) }
            if relation == nil, n.kind == .percent {
                relation = RelationFinder.completion(s, lower: clause, upper: n.outerStart)
                // `完成…调整预算37.5亿元的104.3%`: the plan is the amount just before.
                if relation == nil, let p = previous, p.number.kind == .amount, p.number.outerEnd == clause,
                    onlyDe(s, lower: clause, upper: n.outerStart)
                {
                    relation = RelationFinder.completion(s, lower: p.clause, upper: p.number.outerStart)
                        .map { RelationFinder.Found(relation: $0.relation, start: clause) }
                }
            }
            var label: String?
            var scope: String?
            var labelStart = n.start
            if let part = containedPart(s, clause: clause, upper: n.outerStart) {
                // `（含高新区 10 亿元）` is a part of the parent figure; `（含新增地方政府
                // 债券 0.77 亿元，…）` names an item of it.
                relation = RelationFinder.Found(relation: "含", start: clause)
                let partScalars = Array(part.unicodeScalars)
                if LabelFinder.heads.longest(in: partScalars, endingAt: partScalars.count) != nil {
                    label = part
                } else {
                    scope = part
                }
            } else if n.kind == .amount, let place = listedPart(s, clause: clause, upper: n.outerStart, sentence: sentence) {
                // `其中：市本级10000万元，利通区48000万元`: the parts of the figure before,
                // by level or place; the parent's label comes by inheritance.
                relation = RelationFinder.Found(relation: "含", start: clause)
                scope = place
            } else if let r = respectively, r.next < r.items.count, r.sentence == sentence,
                onlyListSeparator(s, lower: previous?.number.outerEnd ?? clause, upper: n.outerStart)
            {
                // The second and later numbers of `A、B分别…N1、N2`.
                (label, scope) = (r.items[r.next].label, r.items[r.next].scope)
                if relation == nil, let rel = r.relation { relation = RelationFinder.Found(relation: rel, start: clause) }
                respectively?.next += 1
            } else if let items = respectiveItems(s, clause: clause, upper: relation?.start ?? n.outerStart) {
                (label, scope) = (items[0].label, items[0].scope)
                respectively = (items, 1, relation?.relation, sentence)
            } else {
                respectively = nil
                // `一般公共预算收入由年初的76138万元调整为89138万元`: the item stands before
                // 由, and the figure it starts from is its budget.
                let from = relation == nil ? fromPhrase(s, lower: clause, upper: n.outerStart) : nil
                if let from, n.kind == .amount { relation = RelationFinder.Found(relation: "预算", start: from) }
                if let own = ownLabel(s, n, clause: clause, relationStart: from ?? relation?.start) {
                    (label, scope, labelStart) = (own.label, own.scope, min(own.start, n.start))
                }
            }
            // `税收收入17.5亿元,税收占比80.3%`, `税收收入完成75033万元,占比29.83%`: a 占比
            // naming nothing or a short form of the item just named is that item's share.
            if n.kind == .percent, let l = label, l.hasSuffix("占比"), let h = inherited, h.sentence == sentence,
                h.label.hasPrefix(l.dropLast(2)), h.label.count > l.count - 2
            {
                label = h.label
                if relation == nil { relation = RelationFinder.Found(relation: "占", start: n.outerStart) }
            }
            if let l = label, LabelFinder.generic.contains(l),
                let budget = ScopeFinder.budget(before: n.start, in: marks) ?? headings().budget
            {
                label = budget + l
            }
            // A `（含高新区 10 亿元）` part is of its parent, no aside.
            let aside = relation?.relation == "含" ? nil : openParenthesis(s, n.start, from: sentence)
            if label == nil, n.kind != .count,
                let h = aside == nil ? inherited : inheritedAside.flatMap({ $0.open == aside ? ($0.label, sentence) : nil }),
                h.sentence == sentence || continuesComparison(s, sentence: sentence, previous: h.sentence, marks),
                relation != nil || introducedByVerb(s, lower: clause, upper: n.outerStart)
            {
                label = actualOfPlan(h.label, s, relation: relation?.relation, lower: clause, upper: n.outerStart) ?? h.label
            }
            // A figure in parentheses is an aside (`（包括苏里格开发区收入2890万元）`): what
            // follows the parenthesis goes on about the item before it, and the aside
            // inherits only from itself.
            if let l = label, n.kind != .count {
                if let open = aside { inheritedAside = (l, open) } else { inherited = (l, sentence) }
            }
            if scope == nil { scope = ScopeFinder.scope(before: labelStart, number: n.start, in: marks) ?? headings().scope }
            if relation == nil, n.kind == .amount, let stage = RelationFinder.stage(s, lower: clause, upper: n.outerStart) {
                relation = RelationFinder.Found(relation: stage, start: n.outerStart)
            }
            if relation == nil, n.kind == .amount, let stage = RelationFinder.leadIn(s, sentence: sentence, before: clause) {
                relation = RelationFinder.Found(relation: stage, start: n.outerStart)
            }
            if relation == nil, n.kind == .amount, let stage = RelationFinder.approved(s, lower: clause, upper: n.outerStart) {
                relation = RelationFinder.Found(relation: stage, start: n.outerStart)
            }
            let value = RelationFinder.signed(n.value, kind: n.kind, relation: relation?.relation)
            out.append(
                NumberFact(
                    kind: n.kind, value: value, unit: n.unit,
                    text: ScalarClass.string(original[n.start..<n.end]), start: n.start, end: n.end,
                    label: label, relation: relation?.relation, scope: scope,
                    year: ScopeFinder.year(before: n.start, in: marks, fallback: fallbackYear),
                    approximate: n.qualifier != nil, qualifier: n.qualifier))
        }
        return out
    }

    /// `…增长1.5%；比2019年决算数增长12%`: a statement after a semicolon that opens
    /// with 比 or 较 has no subject of its own; it goes on comparing the one before.
    private static func continuesComparison(
        _ s: [Unicode.Scalar], sentence: Int, previous: Int, _ marks: Landmarks
    ) -> Bool {
        guard sentence > 0, s[sentence - 1] == "；" || s[sentence - 1] == ";",
            marks.sentenceStart(before: sentence - 1) == previous
        else { return false }
        var p = sentence
        while p < s.count, Whitespace.isSpace(s[p]) { p += 1 }
        return p < s.count && (s[p] == "比" || s[p] == "较")
    }

    /// The number's own label, the scope word it started with and where it starts.
    private static func ownLabel(
        _ s: [Unicode.Scalar], _ n: ScannedNumber, clause: Int,
        relationStart: Int?
    ) -> LabelFinder.Found? {
        let upper = relationStart ?? n.outerStart
        func after() -> LabelFinder.Found? {
            LabelFinder.after(s, from: n.outerEnd, kind: n.kind).map { LabelFinder.Found(label: $0, start: n.start) }
        }
        if n.kind == .count {
            // `惠及群众 27万人次` names the thing before; `支持 133 个重点项目` after.
            if endsWithVerb(s, lower: clause, upper: upper) {
                if let p = LabelFinder.pivot(s, lower: clause, upper: upper, after: n.outerEnd) {
                    return LabelFinder.Found(label: p, start: n.start)
                }
                if let a = after() { return a }
            }
            return LabelFinder.before(s, lower: clause, upper: upper, kind: .count) ?? after()
        }
        if let f = LabelFinder.before(s, lower: clause, upper: upper, kind: n.kind) {
            return f.objectOnly && relationStart == nil ? after() ?? f : f
        }
        return n.kind == .amount && relationStart == nil ? after() : nil
    }

    /// Where the parenthesis holding `position` opens, when one opened since `from` is
    /// not yet closed.
    private static func openParenthesis(_ s: [Unicode.Scalar], _ position: Int, from: Int) -> Int? {
        var opens: [Int] = []
        for i in from..<position {
            let c = s[i]
            if c == "（" || c == "(" { opens.append(i) } else if c == "）" || c == ")" { _ = opens.popLast() }
        }
        return opens.last
    }

    /// `下达社保基金征收计划56.02亿元，实际完成58.17亿元，为计划的103.8%`: the figures
    /// after a plan measure what was planned (社保基金征收), not the plan. Nil unless the
    /// inherited label ends in a plan word (计划, 任务, 目标) and the number is an actual
    /// (完成, 实际) or a rate against a plan.
    private static func actualOfPlan(
        _ inherited: String, _ s: [Unicode.Scalar], relation: String?,
        lower: Int, upper: Int
    ) -> String? {
        guard let plan = ["计划", "任务", "目标"].first(where: { inherited.hasSuffix($0) }),
            inherited.count > plan.count + 1
        else { return nil }
        let againstPlan = relation.map { r in ["计划的", "任务的", "目标的", "预算的"].contains { r.hasSuffix($0) } } ?? false
        let actual =
            relation == nil
            && RelationFinder.stage(s, lower: lower, upper: upper).map {
                $0.contains("完成") || $0.contains("实际")
            } == true
        return againstPlan || actual ? String(inherited.dropLast(plan.count)) : nil
    }

    /// `全市存量隐性债务化解、政府拖欠企业账款清理分别完成年度任务的158.4%、115.5%`: the
    /// items listed before 分别, for the numbers after it in order. Nil unless the text
    /// before the number (or its relation) ends in 分别 after a list of two or more items.
    private static func respectiveItems(_ s: [Unicode.Scalar], clause: Int, upper: Int) -> [LabelFinder.Found]? {
        var hi = upper
        while hi > clause && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        guard hi - 2 >= clause, s[hi - 2] == "分", s[hi - 1] == "别" else { return nil }
        hi -= 2
        // The list runs back over `、` to the clause punctuation before it.
        let lower = clauseStart(s, before: hi, floor: 0, listing: true)
        let parts = s[lower..<hi].split(separator: "、")
        guard parts.count >= 2,
            parts.allSatisfy({ $0.count >= 2 && !$0.contains(where: ScalarClass.isDigit) })
        else { return nil }
        return parts.map { LabelFinder.item(Array($0)) }
    }

    /// Is `s[lower..<upper]` only a list separator (`、`, `和`, `及`), spaces aside?
    private static func onlyListSeparator(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Bool {
        let t = s[lower..<upper].filter { !Whitespace.isSpace($0) }
        return t.count == 1 && (t[0] == "、" || t[0] == "和" || t[0] == "及")
    }

    /// The paragraph in Simplified characters, scalar for scalar, so that the words of
    /// every finder (万元, 增长, 预算) read a Traditional report too (`103200萬元`,
    /// `增長`); offsets and the figure's text stay the original's. Each character as ICU
    /// converts it alone (`SimplifiedCharacters`): running ICU's rules over every
    /// paragraph with one such character was 4 % of indexing. Ideographs only
    /// (U+3400…U+9FFF): 「」 stay, as the finders read them.
    static func simplified(_ text: String, _ original: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar]?
        for (i, c) in original.enumerated() where c.value >= 0x3400 && c.value <= 0x9FFF {
            let to = SimplifiedCharacters.simplified(c.value)
            guard to != c.value, let s = Unicode.Scalar(to) else { continue }
            if out == nil { out = original }
            out![i] = s
        }
        return out ?? original
    }

    /// Where `由` starts when the text before the number is `由` and at most a word
    /// naming the budget (`由`, `由年初的`, `由年初预算`, `由原`): the figure an
    /// adjustment starts from, its item written before 由.
    static func fromPhrase(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Int? {
        var hi = upper
        while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        var p = hi
        while p > lower, hi - p <= 6, s[p - 1] != "由" { p -= 1 }
        guard p > lower, s[p - 1] == "由" else { return nil }
        let between = ScalarClass.string(s[p..<hi]).filter { $0 != " " }
        return Self.fromWords.contains(between) ? p - 1 : nil
    }

    static let fromWords: Set<String> = [
        "", "年初的", "年初", "年初预算的", "年初预算", "年初预算数", "预算的", "预算", "原", "原来的", "原预算"
    ]

    private static func onlyDe(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Bool {
        let t = s[lower..<upper].filter { !Whitespace.isSpace($0) }
        return t.count == 1 && t[0] == "的"
    }

    /// Does the text before the number end with `等` (an enumeration it sums)?
    private static func endsWithDeng(_ s: [Unicode.Scalar], _ position: Int, floor: Int) -> Bool {
        var p = position
        while p > floor && Whitespace.isSpace(s[p - 1]) { p -= 1 }
        return p > floor && s[p - 1] == "等"
    }

    /// Inheritance needs a clause that names nothing itself: empty, or ending in a stage
    /// word or verb (`实际完成 90074万元`, `动用1.76亿元`). `…中央金融政策17亿元` names its
    /// own (non-budget) item and inherits nothing.
    private static func introducedByVerb(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Bool {
        endsWithVerb(s, lower: lower, upper: upper)
    }

    private static func endsWithVerb(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Bool {
        var hi = upper
        while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        if hi <= lower || s[hi - 1] == "等" { return true }
        return LabelFinder.stops.longest(in: s, endingAt: hi, lower: lower) != nil
            || LabelFinder.countStops.longest(in: s, endingAt: hi, lower: lower) != nil
            || LabelFinder.trailing.longest(in: s, endingAt: hi, lower: lower) != nil
    }

    /// Just past the last clause punctuation before `position`, but not before `floor`
    /// (the end of the previous number: `224万元和净结余 11994万元`).
    /// With `listing`, `、` does not end the clause: `加上上级补助、调入资金等 192.9 亿元`
    /// sums the whole list.
    static func clauseStart(_ s: [Unicode.Scalar], before position: Int, floor: Int, listing: Bool = false) -> Int {
        var p = position
        while p > floor {
            if ScalarClass.isClauseStop(s[p - 1]) && !(listing && s[p - 1] == "、") { return p }
            p -= 1
        }
        return floor
    }

    /// For a number in `（含高新区 10.1 亿元）`: the part it measures (`高新区`).
    /// A clause of a `其中` list that is only a level or a place (`市本级`, `利通区`)
    /// before its number: the part of the sentence's figure that level or place
    /// has. Nil for anything else, and outside a 其中 list.
    private static func listedPart(_ s: [Unicode.Scalar], clause: Int, upper: Int, sentence: Int) -> String? {
        var lo = clause
        var hi = upper
        while lo < hi, Whitespace.isSpace(s[lo]) || "：:".unicodeScalars.contains(s[lo]) { lo += 1 }
        if hi - lo > 2, s[lo] == "其", s[lo + 1] == "中" { lo += 2 }
        while lo < hi, Whitespace.isSpace(s[lo]) || "：:，,".unicodeScalars.contains(s[lo]) { lo += 1 }
        while hi > lo, Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        guard hi - lo >= 2, hi - lo <= 8, containsQizhong(s, from: sentence, to: lo) else { return nil }
        let word = ScalarClass.string(s[lo..<hi])
        if let w = ScopeFinder.words.longestIndex(in: s, at: lo), ScopeFinder.words.words[w].count == hi - lo {
            return ScopeFinder.canonicalByIndex[w]
        }
        guard let last = word.last, "区县市旗".contains(last), !Gazetteer.shared.divisions(named: word).isEmpty else {
            return nil
        }
        return word
    }

    private static func containsQizhong(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var p = max(from, 0)
        while p + 1 < to {
            if s[p] == "其", s[p + 1] == "中" { return true }
            p += 1
        }
        return false
    }

    private static func containedPart(_ s: [Unicode.Scalar], clause: Int, upper: Int) -> String? {
        guard clause >= 1, clause < upper, s[clause - 1] == "（" || s[clause - 1] == "(",
            s[clause] == "含"
        else { return nil }
        var lo = clause + 1
        var hi = upper
        while lo < hi && Whitespace.isSpace(s[lo]) { lo += 1 }
        while hi > lo && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        return lo < hi ? ScalarClass.string(s[lo..<hi]) : nil
    }
}
