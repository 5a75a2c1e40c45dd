import BaogaoIngest

/// Where in a paragraph the scope words, years and budget names are: one forward pass,
/// then each number looks up the nearest one before it.
///
/// - **Scope**: the nearest scope word before the number in the paragraph (全区, 区级,
///   区本级, 全市, 市级, 全县, 县级, 本级, 镇级, 县（市、区）, 全州, 州级, 全旗, 旗级 …;
///   我区/我市/我县/我州/我旗 read as
///   全区/全市/全县/全州/全旗), else the nearest in the section headings, innermost first. So a
///   `其中` list inherits its parent sentence's scope — but a scope word followed at once by
///   a number (`其中：市本级10000万元`) is that number's alone. 全省/省级 are not scopes of the
///   report's own figures (`高于全省平均增速`) and are left out; a scope word after
///   补助/对/向/给 names a recipient (`补助镇级支出`, `区级对镇级转移支付`), and one after
///   同/高于/低于 what is compared with (`主要原因同全市`), not a scope.
/// - **Year**: the nearest `YYYY年` / `YYYY 年` (1990–2100) before the number in the same
///   sentence; else the paragraph's year; else the report's execution year, else its
///   budget year.
/// - **Budget**: the nearest budget name (一般公共预算, 政府性基金预算, 国有资本经营预算,
///   社会保险基金预算) before the number, else in the headings: completes a bare label
///   (`支出预算 319.5 亿元` after `一般公共预算收入…` → `一般公共预算支出`).
struct Landmarks: Sendable {
    /// `end` is where the scope word ends; `ofNumber` marks one followed at once by a
    /// number (`其中：市本级10000万元`): it names that number's part, and no other
    /// number inherits it.
    var scopes: [(position: Int, end: Int, scope: String, ofNumber: Bool)] = []
    var years: [(position: Int, year: Int)] = []
    var budgets: [(position: Int, name: String)] = []
    /// Start offsets of sentences (after 。；！？).
    var sentenceStarts: [Int] = [0]

    init(_ s: [Unicode.Scalar]) {
        let scopeWords = ScopeFinder.words
        let budgetNames = ScopeFinder.budgetNames
        var i = 0
        while i < s.count {
            let c = s[i]
            if ScalarClass.isSentenceStop(c) { sentenceStarts.append(i + 1) }
            if scopeWords.mayStart(with: c), let w = scopeWords.longestIndex(in: s, at: i) {
                // `市级以上`, `市级转贷`: a level inside an item's name, no scope (LabelFinder.levelWords).
                if ScopeFinder.recipientMarkers.longest(in: s, endingAt: i) == nil,
                    LabelFinder.levelWords.longest(in: s, at: i + ScopeFinder.words.words[w].count) == nil
                {
                    let end = i + ScopeFinder.words.words[w].count
                    var next = end
                    while next < s.count, Whitespace.isSpace(s[next]) { next += 1 }
                    var digits = next
                    while digits < s.count, ScalarClass.isDigit(s[digits]) { digits += 1 }
                    var after = digits
                    while after < s.count, Whitespace.isSpace(s[after]) { after += 1 }
                    // 我区 2023年…: a year follows, not the scope's own figure.
                    let ofNumber = digits > next && !(after < s.count && s[after] == "年")
                    scopes.append((i, next, ScopeFinder.canonicalByIndex[w], ofNumber))
                }
                i += ScopeFinder.words.words[w].count
                continue
            }
            if budgetNames.mayStart(with: c), let w = budgetNames.longestIndex(in: s, at: i) {
                budgets.append((i, ScopeFinder.budgetNames.strings[w]))
                i += ScopeFinder.budgetNames.words[w].count
                continue
            }
            // `比2019年决算数下降24.8%`: a year compared with is not the figure's year.
            if c == "年", let y = ScopeFinder.year(endingBefore: i, in: s), !ScopeFinder.isComparedYear(i, in: s) {
                years.append((i, y))
            }
            i += 1
        }
    }

    /// The start of the sentence holding `position` (binary search: starts are sorted).
    func sentenceStart(before position: Int) -> Int {
        var lo = 0
        var hi = sentenceStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if sentenceStarts[mid] <= position { lo = mid } else { hi = mid }
        }
        return sentenceStarts[lo]
    }
}

enum ScopeFinder {
    static let words = WordList([
        "全区", "区级", "区本级", "全市", "市级", "市本级", "全县", "县级", "县本级", "本级",
        "镇级", "乡镇级", "全镇", "县（市、区）", "县(市、区)", "我区", "我市", "我县",
        // Autonomous prefectures (州) and banners (旗) name their levels alike.
        "全州", "州级", "州本级", "全旗", "旗级", "旗本级", "我州", "我旗"
    ])
    static let canonicalByIndex: [String] = words.strings.map(canonical)
    /// Before a scope word, these make it a recipient (`补助镇级支出`) or what a figure is
    /// compared with (`主要原因同全市`, `高于全市平均`), not the scope of what follows.
    static let recipientMarkers = WordList(["补助", "对", "向", "给", "同", "高于", "低于", "快于", "慢于"])
    static let budgetNames = WordList(["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"])

    static func canonical(_ scope: String) -> String {
        switch scope {
        case "我区": return "全区"
        case "我市": return "全市"
        case "我县": return "全县"
        case "我州": return "全州"
        case "我旗": return "全旗"
        case "县(市、区)": return "县（市、区）"
        default: return scope
        }
    }

    /// A four-digit year right before `yearChar` (an optional space between).
    /// Whether the year ending at `yearChar` (its 年) follows 比, 较, 与 or 同: the
    /// year a figure is compared with (`比2019年`, `与2019年相比`).
    static func isComparedYear(_ yearChar: Int, in s: [Unicode.Scalar]) -> Bool {
        var b = yearChar - 4
        if yearChar > 0, Whitespace.isSpace(s[yearChar - 1]) { b -= 1 }
        while b > 0, Whitespace.isSpace(s[b - 1]) { b -= 1 }
        return b > 0 && "比较与同".unicodeScalars.contains(s[b - 1])
    }

    static func year(endingBefore yearChar: Int, in s: [Unicode.Scalar]) -> Int? {
        var e = yearChar
        if e > 0 && Whitespace.isSpace(s[e - 1]) { e -= 1 }
        guard e >= 4 else { return nil }
        if e >= 5 && ScalarClass.isDigit(s[e - 5]) { return nil }
        var y = 0
        for k in (e - 4)..<e {
            guard let d = ScalarClass.digit(s[k]) else { return nil }
            y = y * 10 + Int(d)
        }
        return (1990...2100).contains(y) ? y : nil
    }

    /// The scope of a number labelled from `position`, starting at `number`: the
    /// nearest scope word before it, skipping those that name another number's part.
    static func scope(before position: Int, number: Int, in marks: Landmarks) -> String? {
        marks.scopes.last(where: { $0.position < position && (!$0.ofNumber || $0.end == number) })?.scope
    }

    /// The scope and budget named by the section headings, innermost first.
    static func headings(_ section: [String]) -> (scope: String?, budget: String?) {
        var scope: String?
        var budget: String?
        for heading in section.reversed() {
            let marks = Landmarks(Array(heading.unicodeScalars))
            if scope == nil { scope = marks.scopes.last?.scope }
            if budget == nil { budget = marks.budgets.last?.name }
        }
        return (scope, budget)
    }

    static func year(before position: Int, in marks: Landmarks, fallback: Int?) -> Int? {
        let sentence = marks.sentenceStart(before: position)
        if let last = marks.years.last(where: { $0.position < position && $0.position >= sentence }) {
            return last.year
        }
        return fallback
    }

    static func budget(before position: Int, in marks: Landmarks) -> String? {
        marks.budgets.last(where: { $0.position < position })?.name
    }
}
