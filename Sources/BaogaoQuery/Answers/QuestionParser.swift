import BaogaoIngest

/// Reads a question into a `Question`: a pure function of the (normalised)
/// question text and the regions the index knows.
///
/// The question is consumed piece by piece, each step removing what it
/// recognised so that what is left at the end is the item label:
///
/// 1. a definition form (`什么是X`, `X是什么意思`) ends parsing at once;
/// 2. the year: `2023年`, or 今年/本年 (the report's budget year), 上年/去年 (its
///    execution year) — but not `比上年`, which is a comparison, not a year;
/// 2a. a period (上半年, 1—7月, 前三季度, 截至2023年底, 年末, 年初), with its year;
/// 3. the region (`QuestionRegions`): the index's regions by name, else the
///    gazetteer's divisions named at the start (`重庆`, `新疆`, `黔东南州`); a
///    place no report covers is kept as `unknownRegion`;
/// 4. the scope word (全区, 区级, 全市, 市级, 本级 …);
/// 5. for list questions (哪些, 有哪些 …) the threshold and the kind of line;
/// 6. the metric: a growth, completion or share phrase; the label is what comes
///    before it (`教育支出增长了多少` → 教育支出);
/// 7. question words at the ends (是多少, 为多少 …), then a stage word
///    (预算, 调整后, 实际完成, 预计, 安排) ending the label;
/// 8. `…收入和支出分别是多少`: two labels, each answered on its own.
///
/// Chinese numerals before a unit are read as digits first (十亿元 → 10亿元).
public enum QuestionParser {
    /// For a question read without an index at hand (tests, tools): regions by name only.
    public static func parse(_ text: String, regions: [String]) -> Question {
        parse(text, indexRegions: regions.map { IndexRegion(name: $0) })
    }

    public static func parse(_ text: String, indexRegions regions: [IndexRegion]) -> Question {
        var rest = strip(ChineseNumerals.arabic(in: text), characters: " \t?？。!！.,，")
        if let term = definitionTerm(rest) { return .definition(DefinitionQuestion(text: text, term: term)) }
        var within = Narrowing()
        if let (period, year, r) = takePeriod(rest) {
            within.period = period
            if let year { within.year = .year(year) }
            rest = r
        }
        if within.year == nil, let (year, r) = takeYear(rest) {
            within.year = year
            rest = r
        }
        var part: String?
        if let found = QuestionRegions.read(rest, regions: regions) {
            within.region = found.region
            within.unknownRegion = found.unknown
            within.regionsInside = found.inside
            part = found.part
            rest = found.rest
        }
        // `全区和区本级…分别是多少`: one figure per scope.
        var scopes: [String] = []
        if rest.contains("分别"), let (pair, r) = takeScopePair(rest) {
            scopes = pair
            rest = r
        } else if let (scope, r) = nationalScope(rest, within.region, regions) {
            // Before the other scope words: 地方一般公共预算本级收入's 本级 is the item's.
            within.scope = scope
            within.region = "全国"
            rest = r
        } else if let (scope, r) = takeFirst(of: scopeWords, in: rest) {
            within.scope = scope
            rest = r
        } else if let part {
            within.place = part
        }
        if within.region == nil, within.unknownRegion == nil, let (place, r) = takeUnknownPlace(rest) {
            within.unknownRegion = place
            rest = r
        }
        if listWords.contains(where: { rest.contains($0) }) { return .list(list(text, within, rest)) }
        var q = FigureQuestion(text: text, within: within)
        let both = rest.contains("分别")
        rest = rest.replacingOccurrences(of: "分别", with: "").replacingOccurrences(of: "累计", with: "")
        if let (metric, reference, before) = cutAtNamedComparison(rest) {
            q.metric = metric
            q.reference = reference
            rest = before
        } else if let (metric, before) = cutAtMetric(rest) {
            q.metric = metric
            if metric == .count {
                let phrase = String(rest[rest.index(rest.startIndex, offsetBy: before.count)...])
                q.counted = FigureQuestion.Counted(unit: countUnit(phrase), thing: countedThing(phrase))
            }
            rest = before
        }
        rest = trimQuestionWords(rest)
        if let (stage, r) = takeStage(rest) {
            q.stage = stage
            rest = trimQuestionWords(r)
        }
        if !scopes.isEmpty {
            q.label = rest.isEmpty ? nil : rest
            return .figures(
                scopes.map { scope in
                    var part = q
                    part.within.scope = scope
                    return part
                })
        }
        if both, let parts = twoParts(rest) {
            return .figures(
                parts.map { label in
                    var part = q
                    part.label = label
                    return part
                })
        }
        q.label = rest.isEmpty ? nil : rest
        return .figure(q)
    }

    /// A list question (哪些, 有哪些 …): the threshold, the kind of line, the budget,
    /// the one line or the whole whose parts are asked for.
    private static func list(_ text: String, _ within: Narrowing, _ rest: String) -> ListQuestion {
        var q = ListQuestion(text: text, within: within)
        if let written = ListThreshold.range(in: rest) {
            // The question is folded already: the range needs no further folding.
            let range = try? QueryParser.parse(written, fold: { $0 }).root?.positiveRanges.first
            q.threshold = range.map { .range($0, written: written) } ?? .unreadable(written)
        }
        q.itemKind = rest.contains("支出") ? "支出" : rest.contains("收入") ? "收入" : nil
        q.budget = ["一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"].first { rest.contains($0) }
        if let whole = wholeOfParts(rest) {
            q.whole = whole
        } else {
            q.label = listItem(rest)
        }
        // 重庆哪些区县…: the regions inside the place named are the list's regions.
        if q.unknownRegion != nil, !q.regionsInside.isEmpty, listPlaceWords.contains(where: { rest.contains($0) }) {
            q.unknownRegion = nil
        }
        return q
    }

    // MARK: Periods

    /// The part of the year a question names, the year written with it, and the
    /// question without them: `2020年上半年`, `1-6月`, `1—7月`, `一季度`,
    /// `前三季度`, `截至2023年底`, `截至10月底`, `年末`, `年初` (not 年初预算, a stage).
    static func takePeriod(_ text: String) -> (Question.Period, Int?, String)? {
        let quarters: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        if let m = text.firstMatch(of: #/(?:截至|截止到?|到)?\s*(\d{4})\s*年\s*(?:底|末)|(?:截至|截止到?)\s*(?:年底|年末)/#) {
            var rest = text
            rest.removeSubrange(m.range)
            return (.yearEnd, m.output.1.flatMap { Int($0) }, rest)
        }
        // 截至10月底, 截至2021年6月30日: the year so far, to the end of that month.
        if let m = text.firstMatch(of: #/(?:截至|截止到?)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末|份|\d{1,2}\s*日)?/#),
            let b = Int(m.output.2), 1 <= b, b <= 11
        {
            var rest = text
            rest.removeSubrange(m.range)
            return (.months(1, b), m.output.1.flatMap { Int($0) }, rest)
        }
        if let m = text.firstMatch(of: #/(?:(\d{4})\s*年\s*)?(?:上半年|1\s*[-—–~至到]+\s*6\s*月|前六个月)/#) {
            var rest = text
            rest.removeSubrange(m.range)
            return (.months(1, 6), m.output.1.flatMap { Int($0) }, rest)
        }
        if let m = text.firstMatch(of: #/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*[-—–~至到]+\s*(\d{1,2})\s*月(?:份)?/#),
            let a = Int(m.output.2), let b = Int(m.output.3), 1 <= a, a <= b, b <= 12
        {
            var rest = text
            rest.removeSubrange(m.range)
            return (.months(a, b), m.output.1.flatMap { Int($0) }, rest)
        }
        if let m = text.firstMatch(of: #/(?:(\d{4})\s*年\s*)?(前|第)?([一二三四1-4])季度/#),
            let n = m.output.3.first.flatMap({ quarters[$0] })
        {
            var rest = text
            rest.removeSubrange(m.range)
            // 前三季度 is months 1–9; 一季度 (第一季度) months 1–3; 三季度 alone months 7–9.
            let months: Question.Period = m.output.2 == "前" || n == 1 ? .months(1, 3 * n) : .months(3 * n - 2, 3 * n)
            return (months, m.output.1.flatMap { Int($0) }, rest)
        }
        if let r = text.range(of: "年末") ?? text.range(of: "年底") {
            var rest = text
            rest.removeSubrange(r)
            return (.yearEnd, nil, rest)
        }
        if let r = text.range(of: "年初"), !budgetWordsAfterYearStart.contains(where: { text[r.upperBound...].hasPrefix($0) }) {
            var rest = text
            rest.removeSubrange(r)
            return (.yearStart, nil, rest)
        }
        return nil
    }

    // MARK: Two parts

    /// Words a second part may be cut down to, the first part's name supplying the rest.
    static let partHeads = ["收入", "支出", "余额", "限额", "结余"]

    /// `一般公共预算收入和支出` → 一般公共预算收入, 一般公共预算支出; `政府债务限额和
    /// 余额` → 政府债务限额, 政府债务余额; `一般债务和专项债务余额` → 一般债务余额,
    /// 专项债务余额; `税收收入和非税收入` as written. A name holding 和 itself
    /// (社会保障和就业支出) is split where both sides end alike.
    static func twoParts(_ label: String) -> [String]? {
        let chars = Array(label)
        var splits: [(a: String, b: String)] = []
        for (i, c) in chars.enumerated() where "和与及、".contains(c) && i > 0 && i < chars.count - 1 {
            splits.append((String(chars[..<i]), String(chars[(i + 1)...])))
        }
        guard !splits.isEmpty else { return nil }
        let split = splits.last { $0.a.suffix(2) == $0.b.suffix(2) || $0.b.count <= 2 } ?? splits.last!
        var (a, b) = split
        if b.count <= 2, a.count > b.count, partHeads.contains(String(a.suffix(2))) {
            b = String(a.dropLast(2)) + b
        } else if let head = partHeads.first(where: { b.hasSuffix($0) }), !partHeads.contains(where: { a.hasSuffix($0) }) {
            a += head
        }
        return [a, b]
    }

    // MARK: Lists

    /// Words before an item name that end the name: it starts after the last of them.
    static let listItemDelimiters = ["哪些", "哪几", "列出", "列举", "的", "有", "中"]
    /// Words for where or which, not what: dropped from the front of a name.
    static let listPlaceWords = ["地区", "地方", "区县", "城市", "各地", "各区", "各县", "各市"]

    /// Words that start the condition of a list question: the item's name ends
    /// before the first of them.
    static let listConditionWords = [
        "超过", "高于", "大于", "多于", "不低于", "不少于", "低于", "少于", "小于", "不足", "不到",
        "在", "增长", "增幅", "增速", "下降", "降幅", "减少", "比上年", "较上年", "同比", "达到"
    ]
    /// Names that are a kind of line or a measure, not one figure.
    static let listKindWords: Set<String> = ["支出", "收入", "科目", "支出科目", "收入科目", "项目", "项", "指标"]

    /// The one figure a list question names, or nil when it names only a kind of
    /// line: "哪些地区的教育支出超过10亿元" → 教育支出, "哪些地区的政府债务余额超过
    /// 100亿元" → 政府债务余额, but "哪些支出科目超过1亿元" → nil. The name is the
    /// run of Han characters before the condition, from after the last list word
    /// or 的, without a leading place word.
    static func listItem(_ text: String) -> String? {
        var end = text.endIndex
        for word in listConditionWords {
            if let r = text.range(of: word), r.lowerBound < end { end = r.lowerBound }
        }
        guard let m = String(text[..<end]).firstMatch(of: #/\p{Han}+$/#) else { return nil }
        var name = String(m.output)
        for word in listItemDelimiters {
            if let r = name.ranges(of: word).last { name = String(name[r.upperBound...]) }
        }
        for word in listPlaceWords where name.hasPrefix(word) { name.removeFirst(word.count) }
        guard !name.isEmpty, !listKindWords.contains(name) else { return nil }
        return name
    }

    /// The figure whose parts a list question asks about: `X中哪些…`, `X中有哪些…`,
    /// `X里哪些…` → X, without a verb phrase before a 的 (争取的…资金); nil
    /// when the question asks about lines of a report, not parts of one figure.
    static func wholeOfParts(_ text: String) -> String? {
        guard let r = ["中哪些", "中有哪些", "里哪些", "中的哪些"].lazy.compactMap({ text.range(of: $0) }).first else { return nil }
        var whole = String(text[..<r.lowerBound])
        if let de = whole.range(of: "的", options: .backwards), whole.distance(from: de.upperBound, to: whole.endIndex) >= 4 {
            whole = String(whole[de.upperBound...])
        }
        // 新增一般债务安排中哪些项目: the parts of the debt, as it is spent.
        if whole.hasSuffix("安排") { whole.removeLast(2) }
        return whole.count >= 2 ? whole : nil
    }

    // MARK: Definitions

    static let definitionPrefixes = ["请解释一下", "解释一下", "请问什么是", "什么叫", "什么是", "何为", "何谓", "解释"]
    static let definitionSuffixes = [
        "的含义是什么", "的定义是什么", "是什么意思", "什么意思", "的含义", "的定义", "的意思",
        "是指什么", "指什么", "是什么"
    ]

    /// The term of a definition question, or nil. A question with a figure word
    /// (多少) or a year is never a definition question.
    static func definitionTerm(_ text: String) -> String? {
        guard !text.contains("多少") else { return nil }
        // A quoted term right before the question's ending is the term, year and all,
        // whatever comes before it: `决算报告里的“2024年执行数”是指什么`, `报告中说的“预算”
        // 指什么` (but `“三公”经费是什么` asks about 三公经费).
        if let suffix = definitionSuffixes.first(where: { text.hasSuffix($0) }),
            let quoted = quotedTerm(ending: String(text.dropLast(suffix.count)))
        {
            return quoted
        }
        guard text.firstMatch(of: #/\d{4}\s*年/#) == nil else { return nil }
        var term: String?
        if let p = definitionPrefixes.first(where: { text.hasPrefix($0) }) { term = String(text.dropFirst(p.count)) }
        if let s = definitionSuffixes.first(where: { (term ?? text).hasSuffix($0) }) {
            term = String((term ?? text).dropLast(s.count))
        }
        guard let t = term else { return nil }
        let cleaned = strip(t.filter { !quoteCharacters.contains($0) }, characters: " ：:")
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Words that end (or start) a question. A line typed without `?` that has one and
    /// nothing of the query language (spaces, filters, ranges, quotes) is asked, not
    /// searched (`2023年江津区一般公共预算收入是多少` searched found nothing); so is a
    /// definition question in any form `ask` reads (`预算稳定调节基金是什么意思`,
    /// `“631”工作机制是什么意思`), quotes and all. The REPL and the server decide with this.
    static let questionEndings = ["是多少", "多少", "是什么", "有哪些", "哪些", "吗"]
    static let questionStarts = ["什么是", "哪些"]

    public static func readsAsQuestion(_ text: String) -> Bool {
        guard !text.contains(where: { Whitespace.isWhitespace($0) || ":<>=".contains($0) }) else { return false }
        if definitionTerm(strip(text, characters: "?？。!！.,，")) != nil { return true }
        guard !text.contains(where: { "\"“”「」".contains($0) }) else { return false }
        return questionEndings.contains { text.hasSuffix($0) && text.count > $0.count + 1 }
            || questionStarts.contains { text.hasPrefix($0) && text.count > $0.count + 1 }
    }

    /// The text between the last pair of quotation marks (“…”, "…", 「…」, 『…』) ending
    /// `text`, when short.
    static func quotedTerm(ending text: String) -> String? {
        guard let m = text.firstMatch(of: #/[“"「『]([^“”"「」『』]{1,30})[”"」』]$/#) else { return nil }
        let term = strip(String(m.output.1), characters: " ")
        return term.isEmpty ? nil : term
    }

    static let quoteCharacters: Set<Character> = ["“", "”", "\"", "'", "‘", "’", "「", "」", "『", "』", "《", "》", "【", "】"]

    // MARK: Year, region, scope

    /// 年初 followed by one of these names the budget (年初预算, 年初批准数), not the
    /// start of the year.
    static let budgetWordsAfterYearStart = ["预算", "安排", "批准", "预期", "目标", "计划"]

    static func takeYear(_ text: String) -> (Question.YearRef, String)? {
        if let m = text.firstMatch(of: #/(\d{4})\s*年度?/#), let y = Int(m.output.1) {
            var rest = text
            rest.removeSubrange(m.range)
            return (.year(y), rest)
        }
        for word in ["今年", "本年度", "本年"] {
            if let r = text.range(of: word) {
                var rest = text
                rest.removeSubrange(r)
                return (.current, rest)
            }
        }
        for word in ["上年度", "上一年", "上年", "去年"] {
            guard let r = text.range(of: word) else { continue }
            // 比上年 / 较上年 / 同上年 compare with the previous year; they do not name it.
            if r.lowerBound > text.startIndex, "比较同与".contains(text[text.index(before: r.lowerBound)]) { continue }
            var rest = text
            rest.removeSubrange(r)
            return (.previous, rest)
        }
        return nil
    }

    /// Longest first, so 区本级 is not read as 本级.
    static let scopeWords = [
        "区本级", "市本级", "县本级", "旗本级", "州本级", "省本级", "高新区", "全区", "区级", "全市", "市级", "全县", "县级",
        "全旗", "旗级", "全州", "州级", "全省", "省级", "本级", "镇级"
    ]

    /// 中央 or 地方 before an item (`中央一般公共预算收入`, `地方政府债务余额`), when the
    /// question is about the country (全国) or names no region and the index has the
    /// central government's report: the scope of that report's figures. Anywhere
    /// else 中央 and 地方 are part of the item (`中央补助收入`).
    static func nationalScope(_ text: String, _ region: String?, _ regions: [IndexRegion]) -> (String, String)? {
        guard region == "全国" || (region == nil && regions.contains { $0.name == "全国" }) else { return nil }
        for word in ["中央", "地方"] {
            guard let r = text.range(of: word), text.distance(from: r.upperBound, to: text.endIndex) >= 2 else { continue }
            var rest = text
            rest.removeSubrange(r)
            return (word, rest)
        }
        return nil
    }

    /// Two scope words joined (`全区和区本级`, `市级及县级`) and the text without them.
    /// Read only for questions with 分别. The pattern is made per call: a `Regex` is
    /// not `Sendable` (it compiles itself lazily), and questions are read on any thread.
    static func takeScopePair(_ text: String) -> ([String], String)? {
        let words = scopeWords.joined(separator: "|")
        guard let regex = try? Regex("(\(words))(?:和|及|与|、)(\(words))"),
            let m = text.firstMatch(of: regex),
            let a = m.output[1].substring, let b = m.output[2].substring, a != b
        else { return nil }
        var rest = text
        rest.removeSubrange(m.range)
        return ([String(a), String(b)], rest)
    }

    static func takeFirst(of words: [String], in text: String) -> (String, String)? {
        for w in words {
            if let r = text.range(of: w) {
                var rest = text
                rest.removeSubrange(r)
                return (w, rest)
            }
        }
        return nil
    }

    /// Words ending in 区/市 that are not place names.
    static let notPlaces = ["社区", "园区", "城区", "地区", "辖区", "库区", "开发区", "新区", "景区", "片区"]

    /// A place name (`北京市`, `海淀区`) at the start of what is left.
    static func takeUnknownPlace(_ text: String) -> (String, String)? {
        guard let m = text.prefixMatch(of: #/\p{Han}{1,4}?[省市区县州]/#) else { return nil }
        let place = String(m.output)
        guard place.count >= 2, !notPlaces.contains(where: { place.hasSuffix($0) }) else { return nil }
        var rest = text
        rest.removeSubrange(m.range)
        return (place, rest)
    }

    // MARK: Metric, question words, stage

    static let listWords = ["哪些", "哪几", "列出", "列举"]

    static let growthPhrases = [
        "同比增长了多少", "同比增长多少", "同比下降了多少", "同比下降多少", "比上年增长", "比上年下降",
        "增长了多少", "增长多少", "下降了多少", "下降多少", "减少了多少", "增长率", "增幅", "增速",
        "降幅", "同比", "增长", "下降"
    ]
    static let changePhrases = [
        "比上年变化", "较上年变化", "同比变化", "比上年增减", "较上年增减", "同比增减", "变化了多少", "变化多少", "变动", "变化", "增减变化", "增减了多少", "增减多少", "增减"
    ]
    static let completionPhrases = [
        "完成年度预算的", "完成年初预算的", "为年度预算的", "预算完成比例", "完成预算的比例", "完成预算比例", "完成调整预算的", "为调整预算的", "完成了预算的", "完成预算的", "为预算的", "为年初预算的",
        "为预期的", "完成预期的", "为年初预期的", "完成年初目标任务的", "完成目标任务的", "完成目标的",
        "完成年度调整预算的", "为年度调整预算的", "完成全年预算的", "为全年预算的",
        "预算完成率", "完成率", "执行率"
    ]
    static let sharePhrases = ["占一般公共预算", "占比", "所占比重", "比重", "占"]
    /// After a rate or share, words that ask how it changed (in percentage points).
    static let pointChangeWords = ["比上年提高", "比上年下降", "比上年增减", "比上年变化", "提高了多少", "提高多少", "高于", "低于", "回落多少", "上升多少", "个百分点"]

    /// A change asked as an amount: 增加/增收/减少/减收, with what it is compared with.
    static let amountChangePhrases = [
        "比上年同期增收", "比上年同期减收", "较上年同期增收", "较上年同期减收", "比上年同期增加", "比上年同期减少",
        "较上年增加", "较上年减少", "比上年增加", "比上年减少", "比上年增收", "比上年减收", "较上年增收", "较上年减收",
        "同比增加", "同比减少", "同比增收", "同比减收", "增加了多少", "增加多少", "减少了多少", "增收多少", "减收多少"
    ]

    /// 超收 / 短收, with the budget they are measured against, which is no part of the label.
    static let overBudgetPhrases = [
        "比年初预算超收", "较年初预算超收", "比预算超收", "较预算超收", "比年初预算短收", "较年初预算短收",
        "比预算短收", "较预算短收", "比预算增收", "较预算增收", "比预算减收", "较预算减收", "超收", "短收",
        "调增", "调减"
    ]
    static let countPhrases = [
        "多少家", "多少个", "多少户", "多少人", "多少名", "多少所", "多少项", "多少列", "多少次", "多少座", "多少件",
        "多少条", "多少台", "多少辆", "多少套", "几家", "几个", "几所", "几项", "几列"
    ]

    /// The unit a count question asks for: the character after 多少 or 几.
    static func countUnit(_ phrase: String) -> String? {
        guard let r = phrase.range(of: "多少") ?? phrase.range(of: "几"), r.upperBound < phrase.endIndex else { return nil }
        // 个 is the classifier for anything (多少个企业 are counted in 家): no unit.
        let unit = String(phrase[r.upperBound])
        return unit == "个" ? nil : unit
    }

    /// What a count question counts, after its 多少家 / 几个: nil when nothing
    /// but question words follows (多少家？).
    static func countedThing(_ phrase: String) -> String? {
        guard let p = countPhrases.first(where: { phrase.hasPrefix($0) }) else { return nil }
        let thing = trimQuestionWords(String(phrase.dropFirst(p.count)))
        return thing.count >= 2 ? thing : nil
    }

    /// A comparison with a figure the question names (`比2019年决算数增长多少`,
    /// `比中期调整预算调增多少`) or a completion of a named plan (`完成收入预期的百分之多少`):
    /// the metric, the reference (nil for the previous year or a budget in general,
    /// which `cutAtMetric`'s phrases read), and the text before. Nil otherwise.
    static func cutAtNamedComparison(_ text: String) -> (Question.Metric, String?, String)? {
        if let m = text.firstMatch(of: #/(?:完成|为|达到)(?:年初|年度|全年|调整)?(?:收入|支出)?(?:预算|预期|计划|目标|任务)数?的/#),
            m.range.lowerBound > text.startIndex, !completionPhrases.contains(where: { text.contains($0) })
        {
            return (.completion, nil, String(text[..<m.range.lowerBound]))
        }
        guard let m = text.firstMatch(of: #/(?:比|较)(.{1,14}?)(增长|下降|增加|减少|调增|调减|增收|减收|超收|短收)/#),
            m.range.lowerBound > text.startIndex
        else { return nil }
        let reference = String(m.output.1)
        guard !reference.contains("多少"), !genericReferences.contains(reference) else { return nil }
        let verb = String(m.output.2)
        let againstPlan = ["预算", "预期", "计划", "目标"].contains { reference.contains($0) }
        let metric: Question.Metric
        if againstPlan || ["调增", "调减", "超收", "短收"].contains(verb) {
            metric = .overBudget
        } else if verb == "增长" || verb == "下降" || text[m.range.upperBound...].contains("百分") {
            metric = .growth
        } else {
            metric = .amountChange
        }
        return (metric, reference, String(text[..<m.range.lowerBound]))
    }

    /// References every report means by a bare comparison: the previous year and
    /// the budget; a question naming one of these needs no statement to repeat it.
    static let genericReferences: Set<String> = [
        "上年", "去年", "上年同期", "去年同期", "同期", "上一年", "上年度", "预算", "年初预算", "调整预算", "年度预算",
        "上年同口径", "年初", "计划"
    ]

    /// The metric named by the question and the text before its phrase.
    static func cutAtMetric(_ text: String) -> (Question.Metric, String)? {
        // The earliest phrase, and of those starting there the longest (同比减少 over 同比).
        var best: (Question.Metric, String.Index, Int)?
        for (metric, phrases) in [
            (Question.Metric.completion, completionPhrases), (.change, changePhrases), (.growth, growthPhrases),
            (.share, sharePhrases), (.count, countPhrases), (.overBudget, overBudgetPhrases),
            (.amountChange, amountChangePhrases)
        ] {
            for p in phrases {
                guard let r = text.range(of: p), r.lowerBound > text.startIndex else { continue }
                // 调增为 / 调减为 name the adjusted figure (a stage), not the change.
                if metric == .overBudget, text[r.upperBound...].hasPrefix("为") { continue }
                if let b = best, b.1 < r.lowerBound || (b.1 == r.lowerBound && b.2 >= p.count) { continue }
                best = (metric, r.lowerBound, p.count)
            }
        }
        guard let (found, at, _) = best else { return nil }
        var metric = found
        // 占…的比重比上年提高多少: the change of the share, in points.
        if metric == .share || metric == .growth || metric == .completion,
            pointChangeWords.contains(where: { text[at...].dropFirst(2).contains($0) })
        {
            metric = .pointChange
        }
        return (metric, String(text[..<at]))
    }

    static let tailWords = [
        "百分之多少", "百分之几", "百分比", "多少亿元", "多少万元", "亿元", "万元", "是多少", "为多少", "有多少", "多少钱", "多少", "是几", "几何", "多大", "共计", "合计", "一共",
        "总共", "达到", "是", "为", "有", "达", "了", "的", "呢", "吗", "情况", "金额", "数额"
    ]
    static let headWords = ["请问", "全年", "的", "年末", "年底", "末", "底", "年", "当年"]

    static func trimQuestionWords(_ text: String) -> String {
        var s = strip(text, characters: " ，,")
        var changed = true
        while changed {
            changed = false
            for w in tailWords where s.hasSuffix(w) && s.count > w.count {
                s.removeLast(w.count)
                changed = true
            }
            // 年 heads a label only as a stray year suffix, not 年初预算's.
            for w in headWords where s.hasPrefix(w) && s.count > w.count && !s.hasPrefix("年初") {
                s.removeFirst(w.count)
                changed = true
            }
        }
        return strip(s, characters: " ，,")
    }

    /// A stage word ending (or starting) the label. `预算` ends a label only when
    /// what precedes it is itself an item (`一般公共预算收入预算`), so the 预算 of
    /// `国有资本经营预算` is left alone.
    static func takeStage(_ text: String) -> (Question.Stage, String)? {
        // Longest first: 预计完成 is a plan, not 完成.
        let endings: [(String, Question.Stage)] = [
            ("调整预算数", .adjusted), ("年初预算数", .budget), ("年初预期目标", .budget), ("预期目标", .budget),
            ("年初批准数", .budget), ("年初安排", .budget), ("年初批准", .budget), ("批准数", .budget),
            ("年初预期", .budget), ("年初目标", .budget), ("预期", .budget), ("调整预算", .adjusted), ("预计完成", .planned),
            ("实际完成", .actual), ("年初预算", .budget), ("调整后", .adjusted), ("拟调整为", .adjusted), ("调整为", .adjusted),
            ("调增为", .adjusted), ("调减为", .adjusted), ("拟调整", .adjusted), ("调整", .adjusted),
            ("执行数", .actual), ("决算数", .actual), ("预算数", .budget), ("拟安排", .planned),
            ("完成", .actual), ("预算", .budget), ("预计", .planned), ("安排", .planned), ("计划", .planned)
        ]
        // 调整后的…总收入预算: the adjusted budget, whatever the end says.
        for prefix in ["调整后的", "调整后"] where text.hasPrefix(prefix) && text.count > prefix.count + 1 {
            var rest = String(text.dropFirst(prefix.count))
            for end in ["预算数", "预算"] where rest.hasSuffix(end) && rest.count > end.count + 1 {
                rest.removeLast(end.count)
                break
            }
            return (.adjusted, rest)
        }
        for (word, stage) in endings where text.hasSuffix(word) && text.count > word.count {
            let before = String(text.dropLast(word.count))
            if stage == .budget, !(before.hasSuffix("收入") || before.hasSuffix("支出")) { continue }
            return (stage, before)
        }
        for (word, stage) in [
            ("预计", Question.Stage.planned), ("实际", .actual), ("调整后的", .adjusted), ("调整后", .adjusted),
            ("年初预算", .budget), ("年初安排", .budget)
        ]
        where text.hasPrefix(word) && text.count > word.count {
            return (stage, String(text.dropFirst(word.count)))
        }
        if let r = text.range(of: "实际"), r.lowerBound > text.startIndex {
            return (.actual, String(text[..<r.lowerBound]))
        }
        return nil
    }

    static func strip(_ s: String, characters: String) -> String {
        let set = Set(characters)
        var sub = Substring(s)
        while let f = sub.first, set.contains(f) { sub.removeFirst() }
        while let l = sub.last, set.contains(l) { sub.removeLast() }
        return String(sub)
    }
}
