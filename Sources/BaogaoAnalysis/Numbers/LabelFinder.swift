import BaogaoIngest

/// Finds the item a number measures: `教育支出 22960万元` → `教育支出`.
///
/// The label is the noun phrase that ends right before the number (or before its
/// relation word). Rules, in order (the word lists are in `LabelFinder+Words.swift`):
///
/// 1. **Clause.** Look only between the last clause punctuation (，。；：、（）…) or the
///    previous number and the number. A phrase ending in `等` sums a list, and then
///    `、` does not end the clause (rule 7).
/// 2. **Trailing words.** Strip stage and filler words from the end, repeatedly
///    (预算, 预计, (拟)安排, 调整, (实际)完成, 为, 达(到), 合计, 累计, 约, 超(过), 分别,
///    按照(预期), 同比, …): `一般公共预算收入预算 141050 万元` → `…收入`. For a count, a
///    final verb is stripped too when no verb precedes it (`融资平台退出12家` → `融资平台`,
///    but `完成老旧小区改造62.35万平方米` keeps `老旧小区改造`).
/// 3. **Head word.** What is left must end in a budget head word (收入, 支出, 余额, 限额,
///    资金, 结余, 结转, 债务, 债券, 基金, 经费, 补助, 费, 金, 税, 额, 率, 比重, …);
///    otherwise the clause names no budget item and the caller may inherit one. Counts
///    need no head word (`农村危房376户`).
/// 4. **Walk back.** From the end, walk back until clause punctuation, a digit, a space,
///    `的`, a stop word (a verb or connector introducing the item: 加上, 以及, 其中, 动用,
///    安排, 发行, 用于, 争取, 统筹, 拨付, 发放, 化解, 纳入, 按照, 我区…; for counts also
///    新增, 新建, 建成, 改造, 惠及, …), or a `等` that closes a list (`…、仓储等优势特色
///    产业项目`; in `商业服务业等支出` it is part of the name). A quoted name is taken
///    whole, digits included (`“4050”人员`); adverbs 累计/共计 inside are dropped
///    (`“三保”累计支出` → `“三保”支出`).
/// 5. **Too general.** If the phrase is only 资金/项目/总额, the verb that stopped the
///    walk stays (`统筹资金`, `储备项目`, `申请总额`).
/// 6. **Leading words.** Strip from the start: list markers (`.` of `1.`, `——`),
///    connectors (加, 减, 从, 在, 和, 及, 与, 需, 另, 并, 获, 全年, 预计), a `年`/`年度` left
///    from a year (`2025 年市级…`), a time word before a scope (`当年全区…`), and one
///    scope word, which becomes the scope (`全区一般公共预算收入` → label
///    `一般公共预算收入`, scope `全区`).
/// 7. **Enumerations.** A phrase ending in `等` lists items: the label is the items
///    joined by `、`, each stripped as in 6 plus its introducing verb
///    (`加上上级补助、动用预算稳定调节基金、调入资金等` → `上级补助、预算稳定调节基金、调入资金`).
/// 8. **Funding source.** A bare 收入/支出 stopped at `的` after `…安排` keeps its source:
///    `彩票公益金安排的支出`.
/// 9. **财政 after a budget name** is dropped: `一般公共预算财政支出` → `一般公共预算支出`.
/// 10. A label that is only a verb (`投入`, `安排`) or only a scope word is no label.
///
/// `after` reads a label that follows the number instead (`1 亿元重大项目前期经费`,
/// `支持 133 个重点项目`): the run of text up to punctuation or a stop word.
enum LabelFinder {
    struct Found: Sendable, Equatable {
        var label: String
        var scope: String?
        /// Where the phrase starts in the paragraph (a scope word inside the label, as in
        /// `补助镇级支出`, is not the number's scope).
        var start: Int = 0
        /// Read as a verb's object with no head word (`verbObject`): a label written
        /// after the number (`规模 20 亿元的高质量发展母基金`) is the better one.
        var objectOnly = false
    }

    /// The label named before `upper`, looking no further back than `lower`.
    static func before(_ s: [Unicode.Scalar], lower: Int, upper: Int, kind: NumberFact.Kind) -> Found? {
        var hi = trimSpaces(s, lower, upper)
        var enumeration = false
        if hi > lower && s[hi - 1] == "等" {
            enumeration = true
            hi -= 1
        }
        while let w = trailing.longest(in: s, endingAt: hi, lower: lower) {
            hi = trimSpaces(s, lower, hi - w.count)
        }
        // A count after `N + 退出` names N (`融资平台退出12家`); after `V N 改造` it
        // measures the work (`完成老旧小区改造62.35万平方米`): strip a final count verb
        // only when no verb comes before it.
        if kind == .count, let w = countStops.longest(in: s, endingAt: hi, lower: lower),
            !hasStop(s, lower: listStart(s, lower), upper: hi - w.count)
        {
            hi = trimSpaces(s, lower, hi - w.count)
        }
        guard hi > lower else { return nil }
        if !enumeration && kind != .count && heads.longest(in: s, endingAt: hi, lower: lower) == nil {
            return kind == .amount ? verbObject(s, lower: lower, upper: hi) : nil
        }
        // Local references: the walk probes these at every scalar.
        let stopWords = stops
        let countWords = countStops
        let infixWords = infixes
        var p = hi
        var kept: [Unicode.Scalar] = []
        var afterDigit = false
        var atDe = false
        var stopWord: [Unicode.Scalar]?
        while p > lower {
            let c = s[p - 1]
            // A quoted name is atomic, digits and all: `“4050”人员`, `“三保”支出`.
            if c == "”", let open = s[lower..<(p - 1)].lastIndex(of: "“") {
                kept.append(contentsOf: s[open..<p].reversed())
                p = open
                continue
            }
            if ScalarClass.isClauseStop(c) && !(enumeration && c == "、") { break }
            if ScalarClass.isDigit(c) || Whitespace.isSpace(c) {
                afterDigit = ScalarClass.isDigit(c) || (p >= 2 && ScalarClass.isDigit(s[p - 2]))
                break
            }
            if c == "的" {
                atDe = true
                break
            }
            // `等` closes a list: `…、仓储等优势特色产业项目` → `优势特色产业项目`; but
            // `商业服务业等支出`, `军属等优抚对象` are names and keep it.
            if c == "等" && !enumeration && lower > 0 && s[lower - 1] == "、" { break }
            if !enumeration && p < hi && (stopWords.mayEnd(with: c) || countWords.mayEnd(with: c)) {
                if let w = stopWords.longest(in: s, endingAt: p, lower: lower)
                    ?? (kind == .count ? countWords.longest(in: s, endingAt: p, lower: lower) : nil)
                {
                    stopWord = w
                    break
                }
            }
            if p < hi, infixWords.mayEnd(with: c), let w = infixWords.longest(in: s, endingAt: p, lower: lower) {
                p -= w.count
                continue
            }
            kept.append(c)
            p -= 1
        }
        kept.reverse()
        var labelScalars: [Unicode.Scalar] = []
        var scope: String?
        if enumeration {
            for part in kept.split(separator: "、") {
                let item = Array(part)
                let stripped = stripLeading(item, allowYear: false, dropVerbs: true)
                if scope == nil { scope = stripped.scope }
                guard stripped.start < item.count else { continue }
                if !labelScalars.isEmpty { labelScalars.append("、") }
                labelScalars.append(contentsOf: item[stripped.start...])
            }
        } else {
            if let w = stopWord, tooGeneral.contains(kept[...]) { kept = w + kept }
            let stripped = stripLeading(kept, allowYear: afterDigit)
            scope = stripped.scope
            labelScalars = Array(kept[stripped.start...])
        }
        guard !labelScalars.isEmpty, !isBareVerb(labelScalars),
            ScopeFinder.words.longest(in: labelScalars, at: 0)?.count != labelScalars.count
        else {
            return nil
        }
        foldFiscal(&labelScalars)
        var result = Found(label: ScalarClass.string(labelScalars[...]), scope: scope)
        result.start = p
        if atDe && generic.contains(result.label), let source = fundingSource(s, lower: lower, de: p - 1) {
            result.label = source + "的" + result.label
        }
        return result
    }

    /// A clause that is a verb and its object, and then the amount, with no head word:
    /// `兑现组合式税费支持政策17.3亿元`. The object, whole, is what the money went to
    /// (a stop word inside it, 支持, is part of the name). Only when the verb opens the
    /// clause: a phrase ending elsewhere without a head word names no item.
    private static func verbObject(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Found? {
        var lo = lower
        while lo < upper && Whitespace.isSpace(s[lo]) { lo += 1 }
        guard let verb = stops.longest(in: s, at: lo, upper: upper) else { return nil }
        let object = Array(s[(lo + verb.count)..<upper])
        guard object.count >= 4, object.count <= 16,
            !object.contains(where: { ScalarClass.isDigit($0) || Whitespace.isSpace($0) || $0 == "的" }),
            !isBareVerb(object), ScopeFinder.words.longest(in: object, at: 0) == nil
        else { return nil }
        var found = Found(label: ScalarClass.string(object[...]))
        found.start = lo + verb.count
        found.objectOnly = true
        return found
    }

    /// A count between a pivot verb and the verb its noun then does (兼语: `帮助119家企业
    /// 获得贷款`): what is counted is the noun *as* the second verb's subject, so the
    /// label is the whole phrase, number left out (`帮助企业获得贷款`); `帮助65家企业获得
    /// 信贷支持` is another count. Nil unless the clause ends in a pivot verb and the
    /// noun after the count is followed by a verb.
    static func pivot(_ s: [Unicode.Scalar], lower: Int, upper: Int, after from: Int) -> String? {
        let hi = trimSpaces(s, lower, upper)
        guard let verb = pivotVerbs.longest(in: s, endingAt: hi, lower: lower) else { return nil }
        var p = from
        var noun: [Unicode.Scalar] = []
        func ends(_ c: Unicode.Scalar) -> Bool {
            ScalarClass.isClauseStop(c) || ScalarClass.isDigit(c) || Whitespace.isSpace(c) || c == "的"
        }
        while p < s.count, !ends(s[p]), stops.longest(in: s, at: p) == nil, noun.count < 12 {
            noun.append(s[p])
            p += 1
        }
        guard !noun.isEmpty, p < s.count, stops.longest(in: s, at: p) != nil else { return nil }
        var rest: [Unicode.Scalar] = []
        while p < s.count, !ends(s[p]), rest.count < 12 {
            rest.append(s[p])
            p += 1
        }
        guard rest.count >= 2 else { return nil }
        return ScalarClass.string((verb + noun + rest)[...])
    }

    /// One item of a list, stripped as a label's start is (`全市存量隐性债务化解` →
    /// `存量隐性债务化解`, scope 全市).
    static func item(_ t: [Unicode.Scalar]) -> Found {
        let stripped = stripLeading(t, allowYear: false)
        return Found(label: ScalarClass.string(t[stripped.start...]), scope: stripped.scope)
    }

    /// The label named right after a number (`1 亿元重大项目前期经费`, `133 个重点项目`).
    static func after(_ s: [Unicode.Scalar], from: Int, kind: NumberFact.Kind) -> String? {
        var p = from
        if p < s.count && s[p] == "的" { p += 1 }
        var run: [Unicode.Scalar] = []
        while p < s.count && run.count < 24 {
            let c = s[p]
            if ScalarClass.isClauseStop(c) || ScalarClass.isDigit(c) || Whitespace.isSpace(c) || c == "的" { break }
            if !run.isEmpty
                && (c == "在" || stops.longest(in: s, at: p) != nil
                    || countStops.longest(in: s, at: p) != nil)
            {
                break
            }
            run.append(c)
            p += 1
        }
        if kind == .count, run.count > 2, run.suffix(2).elementsEqual("建设".unicodeScalars) { run.removeLast(2) }
        guard !run.isEmpty else { return nil }
        if kind != .count && heads.longest(in: run, endingAt: run.count) == nil { return nil }
        return isBareVerb(run) ? nil : ScalarClass.string(run[...])
    }

    private static func trimSpaces(_ s: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int {
        var hi = upper
        while hi > lower && Whitespace.isSpace(s[hi - 1]) { hi -= 1 }
        return hi
    }

    /// Where the label starts in `t` once leading words are stripped, and the scope word
    /// stripped on the way. `dropVerbs`: list items also lose an introducing verb
    /// (`动用预算稳定调节基金`).
    private static func stripLeading(
        _ t: [Unicode.Scalar], allowYear: Bool,
        dropVerbs: Bool = false
    ) -> (start: Int, scope: String?) {
        var i = 0
        var scope: String?
        var scopeEnd = -1
        if allowYear, i < t.count, t[i] == "年" {
            i += (i + 1 < t.count && t[i + 1] == "度") ? 2 : 1
        }
        var changed = true
        while changed && i < t.count {
            changed = false
            while i < t.count && (Whitespace.isSpace(t[i]) || markers.contains(t[i])) {
                i += 1
                changed = true
            }
            // A time word next to a scope word dates the phrase, it is no part of the
            // item: `当年全区…`, `全县当年一般公共预算财力` (but `当年结余` keeps it).
            if let tw = timeWords.longest(in: t, at: i), i + tw.count < t.count,
                scope != nil ? scopeEnd == i : ScopeFinder.words.longest(in: t, at: i + tw.count) != nil
            {
                i += tw.count
                changed = true
            }
            if scope == nil, let sc = ScopeFinder.words.longestIndex(in: t, at: i),
                i + ScopeFinder.words.words[sc].count < t.count,
                levelWords.longest(in: t, at: i + ScopeFinder.words.words[sc].count) == nil
            {
                scope = ScopeFinder.canonicalByIndex[sc]
                i += ScopeFinder.words.words[sc].count
                changed = true
                scopeEnd = i
            } else if let w = leading.longest(in: t, at: i) ?? (dropVerbs ? stops.longest(in: t, at: i) : nil),
                i + w.count < t.count
            {
                i += w.count
                changed = true
            }
        }
        return (min(i, t.count), scope)
    }

    /// Where the list holding the clause at `lower` starts: a clause right after `、`
    /// goes on from the one before (`完成老旧小区改造62.35万平方米、城市棚户区改造0.9万
    /// 平方米`: 完成 governs both, so both keep 改造).
    private static func listStart(_ s: [Unicode.Scalar], _ lower: Int) -> Int {
        var p = lower
        while p > 0 && s[p - 1] == "、" {
            p -= 1
            while p > 0 && !ScalarClass.isClauseStop(s[p - 1]) { p -= 1 }
        }
        return p
    }

    /// Is there a stop word (a verb or connector) anywhere in `s[lower..<upper]`?
    private static func hasStop(_ s: [Unicode.Scalar], lower: Int, upper: Int) -> Bool {
        var p = upper
        while p > lower {
            if stops.longest(in: s, endingAt: p, lower: lower) != nil
                || countStops.longest(in: s, endingAt: p, lower: lower) != nil
            {
                return true
            }
            p -= 1
        }
        return false
    }

    private static func isBareVerb(_ a: [Unicode.Scalar]) -> Bool {
        stops.contains(a[...]) || countStops.contains(a[...]) || trailing.contains(a[...])
    }

    /// `一般公共预算财政支出` is the `一般公共预算支出`: a budget name already says the
    /// money is the government's, so a 财政 right after it names nothing more. Folded
    /// here, once, rather than in every matcher: the label is the item's name, as with
    /// the stage words and 累计 already dropped, and the query side, the facts listing
    /// and the index's label strings then all see one name for one item. `地方级财政收入`
    /// (a part of the revenue) and `公共财政预算收入` (no budget name before 财政) keep it.
    private static func foldFiscal(_ label: inout [Unicode.Scalar]) {
        guard let name = ScopeFinder.budgetNames.longest(in: label, at: 0) else { return }
        let caiZheng: [Unicode.Scalar] = ["财", "政"]
        guard label.count > name.count + 2, label[name.count..<(name.count + 2)].elementsEqual(caiZheng) else { return }
        label.removeSubrange(name.count..<(name.count + 2))
    }

    /// `X安排的` before a bare 收入/支出: the source that funds it.
    private static func fundingSource(_ s: [Unicode.Scalar], lower: Int, de: Int) -> String? {
        let anpai = Array("安排".unicodeScalars)
        guard de - 2 >= lower, s[(de - 2)..<de].elementsEqual(anpai) else { return nil }
        var q = de
        while q > lower && !ScalarClass.isClauseStop(s[q - 1]) && !ScalarClass.isDigit(s[q - 1])
            && !Whitespace.isSpace(s[q - 1]) && s[q - 1] != "的"
        { q -= 1 }
        let t = Array(s[q..<de])
        let start = stripLeading(t, allowYear: false).start
        return t.count - start > 2 ? ScalarClass.string(t[start...]) : nil
    }
}
