/// Reads what a report says about itself: title, region and level, kind, years,
/// period and date, each with where it was found. The places looked at, in order of
/// trust: the title (the title block's, else the first line shaped like a report title),
/// the opening lines (meeting line, signature, `受…委托`, web-page boilerplate), the
/// file name, the body (the first few thousand characters). Place names resolve
/// through the `Gazetteer`; everything is read from `HeadText`'s folded view.
enum MetadataReader {
    static func read(_ block: TitleBlock, lines: [CleanLine], doc: String = "") -> ReportMetadata {
        let ps = block.paragraphs
        var head = HeadText(lines)
        // The head line where paragraph `t` starts.
        func line(ofParagraph t: Int) -> Int? { head.lineNumbers.firstIndex(of: ps[t].firstLine) }
        // The title block's title when it is a `关于…` title; else the first line shaped like
        // a title (web pages and tables of contents put other lines first, and a title
        // wrapped over two lines can leave the block holding only its second half).
        var titleLine: Int?  // index into head.lines
        var blockTitle: Int?
        if let t = block.titleIndex, let i = line(ofParagraph: t) {
            let joined = HeadText.fold(String(decoding: ps[t].text, as: UTF8.self))
            let l = String(joined)
            if l.hasPrefix("关于") || l.contains("关于") && l.contains("报告") {
                blockTitle = t
                titleLine = i
                head.lines[i] = joined
            }
        }
        var joinedNext = false
        if titleLine == nil, let (i, joined) = findTitle(head) {
            titleLine = i
            joinedNext = joined.count > head.lines[i].count
            head.lines[i] = joined
        }
        if titleLine == nil, let t = block.titleIndex, let i = line(ofParagraph: t),
            !startsWithMarker(head.lines[i])
        {
            blockTitle = t
            titleLine = i
            head.lines[i] = HeadText.fold(String(decoding: ps[t].text, as: UTF8.self))
        }

        let titleBytes: [UInt8]
        if let t = blockTitle {
            titleBytes = ps[t].text
        } else if let t = titleLine, let i = lines.firstIndex(where: { $0.number == head.lineNumbers[t] }) {
            var b = lines[i].text
            if joinedNext, i + 1 < lines.count { b += lines[i + 1].text }  // the title's second line
            titleBytes = Array(UTF8Cursor.string(UTF8Cursor.prefix(b, limit: 120)).utf8)
        } else if let first = ps.first {
            // No title found: the first line stands in, cut to a title's length.
            titleBytes = Array(UTF8Cursor.string(UTF8Cursor.prefix(first.text, limit: 60)).utf8)
        } else {
            titleBytes = []
        }
        var meta = ReportMetadata(title: displayTitle(titleBytes))
        let bodyStart = firstBodyLine(head, after: titleLine)
        func source(ofLine i: Int) -> ReportMetadata.Source {
            i == titleLine ? .title : (i < bodyStart ? .openingLines : .body)
        }

        // Region: the title, else the opening lines, else the file name, else the body.
        var found: (RegionHit, ReportMetadata.Source)?
        if let t = titleLine, let hit = region(inTitle: head.lines[t]) { found = (hit, .title) }
        if found == nil {
            for i in head.lines.indices where i != titleLine && i < bodyStart {
                if let hit = region(inLine: head.lines[i]) {
                    found = (hit, .openingLines)
                    break
                }
            }
        }
        if found == nil, let hit = region(inTitle: HeadText.fold(fileStem(doc))) { found = (hit, .fileName) }
        if found == nil {
            for i in head.lines.indices where i != titleLine && i >= bodyStart {
                if let hit = region(inLine: head.lines[i]) {
                    found = (hit, .body)
                    break
                }
            }
        }
        if let (hit, src) = found {
            meta.region = hit.name
            meta.regionCode = hit.code
            meta.level = hit.level
            meta.sources.region = src
            if hit.level != nil { meta.sources.level = src }
        }

        // Kind, years and period from the report phrase: the title, else the sentence
        // that says what is being reported (`现将2022年上半年…执行情况报告如下`).
        var phrase: ([Character], ReportMetadata.Source)?
        if let t = titleLine, hasYear(head.lines[t]) {
            phrase = (head.lines[t], .title)
        }
        if phrase == nil, let (p, i) = reportClause(head) { phrase = (p, source(ofLine: i)) }
        if phrase == nil, let t = titleLine { phrase = (head.lines[t], .title) }
        if let (p, src) = phrase {
            let r = readKind(p)
            meta.kind = r.kind
            meta.executionYear = r.execution
            meta.budgetYear = r.budget
            meta.period = r.period
            meta.sources.kind = r.kind == nil ? .unknown : src
            meta.sources.years = (r.execution ?? r.budget) == nil ? .unknown : src
            meta.sources.period = r.period == nil ? .unknown : src
            if meta.level == nil, String(p).contains("中央"), meta.region == nil {
                meta.level = .central
                meta.sources.level = src
            }
            // The central government's report is the whole country's: its region is 全国.
            if meta.level == .central, meta.region == nil {
                meta.region = "全国"
                meta.sources.region = src
            }
        }

        // No report phrase at all, but figures of execution so far (`上半年,全市…收入完成`,
        // `4月,…累计完成`): a release of figures, not a report to a congress.
        if meta.kind == nil, titleLine == nil {
            for (i, l) in head.lines.enumerated() {
                let s = String(l)
                // A line opening with the part of the year (`上半年,全市…收入1144.4亿元`)
                // says so of its figures, whatever its verb.
                let opensWithPeriod = s.hasPrefix("上半年,") || s.hasPrefix("上半年，")
                if opensWithPeriod || (s.contains("上半年") || s.contains("月,")) && (s.contains("完成") || s.contains("累计")) {
                    meta.kind = .other
                    meta.sources.kind = source(ofLine: i)
                    // The part of the year its figures cover (上半年, 1—5月), when the line says.
                    if meta.period == nil, let (months, _) = monthsPeriod(l) {
                        meta.period = months
                        meta.sources.period = source(ofLine: i)
                    }
                    break
                }
            }
        }

        // Date: a meeting date written out (`2024年2月21日`) in the title block or the
        // first lines, else a publication date in web-page boilerplate.
        for (i, p) in ps.prefix(max(block.count, min(ps.count, 5))).enumerated() where p.text.count < 600 {
            if let d = date(in: p.text) {
                meta.date = d
                meta.sources.date = line(ofParagraph: i).map(source(ofLine:)) == .title ? .title : .openingLines
                break
            }
        }
        if meta.date == nil {
            for (i, l) in head.lines.enumerated() where i < 30 {
                if let d = publicationDate(l) {
                    meta.date = d
                    meta.sources.date = .openingLines
                    break
                }
            }
        }
        // A title that names no year: an annual report's meeting date gives its budget year.
        if meta.executionYear == nil, meta.budgetYear == nil, meta.kind == nil || meta.kind == .annual,
            let d = meta.date, meta.sources.date != .openingLines || block.titleIndex != nil,
            let y = Int(d.prefix(4))
        {
            meta.budgetYear = y
            meta.executionYear = y - 1
            meta.sources.years = meta.sources.date
        }

        // Level from how the report speaks of itself (全县, 区本级, 我镇) when no region says it.
        if meta.level == nil, let (level, i) = selfLevel(head) {
            meta.level = level
            meta.sources.level = source(ofLine: i)
        }
        return meta
    }

    // MARK: - Title

    /// The first of the opening lines shaped like a report's title: a year or a kind
    /// word with 报告/方案/决算/预算/公开, short, not a sentence, not boilerplate. A line
    /// starting with 关于 wins over an earlier page heading (`2024年东莞市长安镇政府预算公开`
    /// is taken only when no `关于…的报告` follows).
    static func findTitle(_ head: HeadText) -> (Int, [Character])? {
        var first: (Int, [Character])?
        for (i, l) in head.lines.enumerated() where i < 30 {
            guard l.count >= 6, l.count <= 130, !l.contains("。"), !l.contains("《"),
                !startsWithDash(l), !startsWithMarker(l), hasYear(l) || l.starts(with: Array("关于")),
                ["报告", "方案", "决算", "预算", "公开"].contains(where: { contains(l, $0) }),
                !["位置", "索引号", "发布时间", "发布日期", "来源:", "首页", "万元", "亿元", "%"].contains(where: { contains(l, $0) })
            else { continue }
            var joined = l
            // A title wrapped before its end: the next short line says 报告 (`…执行情况和` / `2024年预算草案的报告`).
            if !["报告", "方案", "公开"].contains(where: { contains(l, $0) }), i + 1 < head.lines.count {
                let next = head.lines[i + 1]
                if next.count <= 40, contains(next, "报告"), !startsWithDash(next) { joined += next }
            }
            let s = String(joined)
            if s.contains("关于") && s.contains("报告") { return (i, joined) }
            if first == nil { first = (i, joined) }
        }
        return first
    }

    /// A numbered heading (`一、`): the start of the body, never a title.
    static func startsWithMarker(_ l: [Character]) -> Bool {
        l.count > 1 && "一二三四五六七八九十".contains(l[0]) && l[1] == "、"
    }

    /// The first line of running text after the title block: a long paragraph or a
    /// numbered heading. Lines before it are the opening lines.
    static func firstBodyLine(_ head: HeadText, after title: Int?) -> Int {
        for (i, l) in head.lines.enumerated() where i > (title ?? -1) {
            if l.count > 110 { return i }
            if l.count > 1, "一二三四五六七八九十".contains(l[0]), l[1] == "、" { return i }
            if l.starts(with: Array("各位代表")) || l.starts(with: Array("主任")) { return i + 1 }
        }
        return head.lines.count
    }

    /// The title as one line for display: spaces that PDF extraction put between
    /// Chinese and digits (`解放区 2023年`) are dropped. Paragraph text keeps them.
    static func displayTitle(_ b: [UInt8]) -> String {
        let s = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in s.enumerated() {
            if Whitespace.isSpace(c.value) {
                let before = i > 0 ? s[i - 1].value : 0
                let after = i + 1 < s.count ? s[i + 1].value : 0
                if Scalars.width(before) == 2 || Scalars.width(after) == 2 || Whitespace.isSpace(after) { continue }
            }
            out.append(c)
        }
        return String(out)
    }

    // MARK: - Region

    struct RegionHit: Equatable {
        var name: String
        var code: String?
        var level: ReportMetadata.Level?
    }

    /// A region in a title or file name: every place name counts, and the most specific
    /// one that the others agree with wins (`(河南省)焦作市关于温县…` → 温县).
    static func region(inTitle l: [Character]) -> RegionHit? {
        let ms = Gazetteer.shared.matches(in: l)
        if let hit = best(ms, in: l, requireContext: false) { return hit }
        // A name the gazetteer does not know, where a title puts it: `关于宜平县2018年…`.
        return structuralName(l)
    }

    /// A region in an opening or body line: only names the text uses for a government —
    /// followed by 人民政府, 人大, 财政局, a congress number (`第十五届`, `十四届`), a year or
    /// 本级; or after 在, 受, 关于, 向 — not names in law titles (`《重庆市预算审查监督条例》`).
    static func region(inLine l: [Character]) -> RegionHit? {
        best(Gazetteer.shared.matches(in: l), in: l, requireContext: true)
    }

    private static func best(_ all: [Gazetteer.Match], in l: [Character], requireContext: Bool) -> RegionHit? {
        let g = Gazetteer.shared
        // Names inside 《》 are titles of other documents.
        let ms = all.filter { !insideBookTitle(l, at: $0.start) }
        guard !ms.isEmpty else { return lone(l) }
        let context = ms.filter { $0.candidates.count == 1 }.map { $0.candidates[0] }
        var chosen: (Gazetteer.Match, Division?)?
        for (k, m) in ms.enumerated() {
            // Names adjacent to one another form one chain (聊城市东昌府区); a name that
            // stands alone in an opening line needs a government context.
            let chained = k > 0 && ms[k - 1].start + ms[k - 1].length == m.start
            let followedByName = k + 1 < ms.count && m.start + m.length == ms[k + 1].start
            if requireContext && !chained && !followedByName && !governmentContext(l, m)
                && township(l, after: m, requireContext: true) == nil
            {
                continue
            }
            // A two-character name inside running text is too often part of other words
            // (`部署和县第十七届` is not 和县): it needs a boundary or 在/受/将… before it.
            if requireContext, m.length == 2, !chained, m.start > 0, isHan(l[m.start - 1]),
                !"在受于向将告".contains(l[m.start - 1])
            {
                continue
            }
            // The tail of a longer name the gazetteer does not know (`祥高县` is not 高县,
            // `瑞城区` not 城区): a name follows a boundary, a year, a parent's suffix or
            // 于/在/受… — not another character of a name.
            if !chained, m.start > 0, isHan(l[m.start - 1]), !"在受于向将告年省市州区县盟旗)）".contains(l[m.start - 1]) {
                continue
            }
            // A short form with another suffix names another place (`新化市` is not
            // 新化县: a county may have become a city since the gazetteer's year).
            if !m.isOfficial, m.start + m.length < l.count, "市县区州旗盟".contains(l[m.start + m.length]),
                !m.candidates.contains(where: { $0.name == m.text + String(l[m.start + m.length]) })
            {
                continue
            }
            let d = g.resolve(m.candidates, context: context)
            guard let (cm, cd) = chosen else {
                chosen = (m, d)
                continue
            }
            // A more specific name inside the chosen one refines it; an unrelated name
            // after 关于 replaces an earlier publisher's name.
            if let d, let cd, g.contains(cd, d), d.code != cd.code {
                chosen = (m, d)
                continue
            }
            if let d, let cd, !g.contains(d, cd), afterAbout(l, at: m.start), !afterAbout(l, at: cm.start) {
                chosen = (m, d)
            }
        }
        guard let (m, d) = chosen else { return lone(l) }
        if let t = township(l, after: m, requireContext: requireContext),
            t.level == .township || d.map({ $0.level != .county }) ?? false
        {
            // `青岛西海岸新区` is the area's own name; `东莞市长安镇` is 长安镇 in 东莞市.
            return RegionHit(name: m.isOfficial ? t.name : m.text + t.name, code: d?.code, level: t.level)
        }
        if let d { return RegionHit(name: d.name, code: d.code, level: level(of: d)) }
        // Ambiguous: keep the name as written, and a level all candidates share.
        let levels = Set(m.candidates.map { level(of: $0) })
        return RegionHit(name: m.text, code: nil, level: levels.count == 1 ? levels.first! : nil)
    }

    /// A township named on its own (`关于长安镇2023年…`).
    private static func lone(_ l: [Character]) -> RegionHit? {
        township(l, after: nil, requireContext: true).map { RegionHit(name: $0.name, code: nil, level: $0.level) }
    }

    static func level(of d: Division) -> ReportMetadata.Level {
        switch d.level {
        case .province: return .province
        case .prefecture: return .prefecture
        case .county: return .county
        }
    }

    /// A township (镇, 乡, 街道) or new area (新区) named right after a division
    /// (`东莞市长安镇`, `青岛西海岸新区`), or on its own where a title or meeting line
    /// names the government (`关于长安镇2023年…`, `在板芙镇第十七届…`). Townships are
    /// not in the gazetteer; their level is 乡镇, a new area's 县.
    static func township(
        _ l: [Character], after m: Gazetteer.Match?, requireContext: Bool
    ) -> (name: String, level: ReportMetadata.Level)? {
        func scan(from start: Int) -> (String, ReportMetadata.Level, Int)? {
            var k = start
            while k < l.count, k - start < 6, isHan(l[k]) {
                let n = k - start + 1
                if n >= 2 {
                    let word = String(l[start...k])
                    if word.hasSuffix("新区"), n >= 4 { return (word, .county, k + 1) }
                    if word.hasSuffix("镇") || word.hasSuffix("乡"), n >= 2, n <= 4 { return (word, .township, k + 1) }
                    if word.hasSuffix("街道"), n >= 3 { return (word, .township, k + 1) }
                }
                k += 1
            }
            return nil
        }
        if let m {
            guard let (name, level, end) = scan(from: m.start + m.length) else { return nil }
            guard governmentContext(l, end: end) else { return nil }
            return (name, level)
        }
        // On its own: after 关于 or 在, with a government context after it.
        for (i, c) in l.enumerated() where c == "于" || c == "在" {
            if c == "于", i == 0 || l[i - 1] != "关" { continue }
            if let (name, level, end) = scan(from: i + 1), level == .township, governmentContext(l, end: end) {
                return (name, level)
            }
        }
        return nil
    }

    private static func governmentContext(_ l: [Character], _ m: Gazetteer.Match) -> Bool {
        if m.start > 0, "在受于向将".contains(l[m.start - 1]) { return true }
        return governmentContext(l, end: m.start + m.length)
    }

    private static func governmentContext(_ l: [Character], end: Int) -> Bool {
        guard end < l.count else { return true }
        let rest = String(l[end..<min(l.count, end + 8)])
        if l[end].isASCII && l[end].isNumber { return true }
        // …or the division the report speaks for, named with its whole (黄平县全县, 江津区全区).
        if [
            "人民政府", "人民代表大会", "人大", "政府", "财政", "地方", "第", "本级", "级", "委托",
            "全县", "全区", "全市", "全州", "全省", "全旗", "全镇"
        ].contains(where: { rest.hasPrefix($0) }) {
            return true
        }
        // 十四届, 七届: a congress number.
        var k = end
        while k < l.count, "一二三四五六七八九十".contains(l[k]) { k += 1 }
        return k > end && k < l.count && l[k] == "届"
    }

    private static func afterAbout(_ l: [Character], at i: Int) -> Bool {
        i >= 2 && l[i - 2] == "关" && l[i - 1] == "于"
    }

    /// The line with every `《…》` (the title of another document) removed.
    static func withoutBookTitles(_ l: [Character]) -> [Character] {
        withoutBookTitles(KeyedCharacters(l)).characters
    }

    static func withoutBookTitles(_ l: KeyedCharacters) -> KeyedCharacters {
        var depth = 0
        // 《 and 》 have exact keys: only an inexact character needs comparing as one.
        func isMark(_ c: Character, _ key: UInt32, _ mark: Character, _ value: UInt32) -> Bool {
            key == value || key == KeyedCharacters.inexact && c == mark
        }
        return l.filter { c, key in
            if isMark(c, key, "《", 0x300A) {
                depth += 1
                return false
            }
            if isMark(c, key, "》", 0x300B) {
                depth = max(0, depth - 1)
                return false
            }
            return depth == 0
        }
    }

    private static func insideBookTitle(_ l: [Character], at i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            if l[k] == "》" { return false }
            if l[k] == "《" { return true }
            k -= 1
        }
        return false
    }

    /// The place name between `关于` and the first year of a title, for names the
    /// gazetteer does not hold, narrowed to its last level (`河南省焦作市` → `焦作市`).
    static func structuralName(_ l: [Character]) -> RegionHit? {
        var start = 0
        if l.starts(with: Array("关于")) { start = 2 }
        var end = start
        while end < l.count, !(l[end].isASCII && l[end].isNumber) { end += 1 }
        guard end < l.count else { return nil }
        var name = Array(l[start..<end])
        var cut = 0
        for i in name.indices where "省市州".contains(name[i]) && i >= 1 && name.count - (i + 1) >= 2 { cut = i + 1 }
        name = Array(name[cut...])
        guard name.count >= 2, name.count <= 12, name.allSatisfy(isHan), let last = name.last,
            "区县市旗州省镇乡".contains(last)
        else { return nil }
        let level: ReportMetadata.Level? =
            switch last {
            case "省": .province
            case "州": .prefecture
            case "区", "县", "旗": .county
            case "镇", "乡": .township
            default: nil
            }
        return RegionHit(name: String(name), code: nil, level: level)
    }

    /// The level a report gives itself: `全县`, `县本级`, `区级`, `我镇`, `自治区本级`.
    static func selfLevel(_ head: HeadText) -> (ReportMetadata.Level, Int)? {
        let words: [(String, ReportMetadata.Level)] = [
            ("自治区", .province), ("全省", .province), ("省本级", .province), ("省级", .province),
            ("全州", .prefecture), ("州本级", .prefecture), ("全市", .prefecture), ("市本级", .prefecture), ("市级", .prefecture),
            ("全县", .county), ("本县", .county), ("我县", .county), ("县本级", .county), ("县级", .county),
            ("全区", .county), ("我区", .county), ("区本级", .county), ("区级", .county),
            ("全旗", .county), ("旗本级", .county), ("我旗", .county),
            ("全镇", .township), ("我镇", .township), ("镇本级", .township), ("全乡", .township), ("我乡", .township)
        ]
        var best: (ReportMetadata.Level, Int, Int)?  // level, line, position
        // Compared as Characters: Foundation's `range(of:)` folds and compares
        // character clusters with locale rules, a cost paid for every report; and
        // through their scalar values where those decide (`KeyedCharacters`).
        let needles = words.map { (KeyedCharacters(Array($0.0)), $0.1) }
        for (i, l) in head.lines.enumerated() {
            let s = withoutBookTitles(KeyedCharacters(l))
            for (w, level) in needles {
                guard let at = s.firstIndex(of: w) else { continue }
                if best == nil || (i, at) < (best!.1, best!.2) { best = (level, i, at) }
            }
            if best != nil { break }
        }
        return best.map { ($0.0, $0.1) }
    }

    private static func fileStem(_ doc: String) -> String {
        guard let dot = doc.lastIndex(of: "."), dot > doc.startIndex else { return doc }
        return String(doc[..<dot])
    }

    // MARK: - Kind, years, period

    /// The clause that says what is being reported: a year and a kind word with a
    /// reporting verb (现将, 报告, 提请, 作关于, 调整), not one that cites an earlier
    /// report (`审查批准了《关于…》`).
    static func reportClause(_ head: HeadText) -> ([Character], Int)? {
        var fallback: ([Character], Int)?
        for (i, l) in head.lines.enumerated() {
            for clause in l.split(whereSeparator: { "。;!?,".contains($0) }) {
                let c = Array(clause)
                guard hasYear(c), kindWord(c) != nil else { continue }
                let s = String(c)
                // `审查批准了《关于…2017年…的报告》`: an earlier report, cited.
                if s.contains("批准") && s.contains("《") { continue }
                if ["现将", "报告", "提请", "作关于", "调整", "如下"].contains(where: { s.contains($0) }) { return (c, i) }
                if fallback == nil, c.count < 40 { fallback = (c, i) }  // a heading: 一、2020年全市财政决算情况
            }
        }
        return fallback
    }

    struct KindReading: Equatable {
        var kind: ReportMetadata.Kind?
        var execution: Int?
        var budget: Int?
        var period: String?
    }

    /// The first kind word of a phrase and where it is.
    static func kindWord(_ p: [Character]) -> (ReportMetadata.Kind, Int)? {
        let s = String(p)
        func at(_ w: String) -> Int? {
            s.range(of: w).map { s.distance(from: s.startIndex, to: $0.lowerBound) }
        }
        if let i = at("调整") { return (.adjustment, i) }
        let final = at("决算")
        let half = monthsPeriod(p)?.1
        if let f = final, half == nil || f < half! { return (.finalAccounts, f) }
        if let h = half, s.contains("执行") || s.contains("收支") || s.contains("收入") { return (.midYear, h) }
        if let i = at("参阅") ?? at("说明") { return (.other, i) }
        if let i = at("执行") ?? at("草案") ?? at("预算") { return (.annual, i) }
        return nil
    }

    /// What a report phrase says: its kind, and what its years mean for that kind.
    static func readKind(_ p: [Character]) -> KindReading {
        let ys = years(p)
        guard let (kind, at) = kindWord(p) else {
            return KindReading(kind: nil, execution: ys.first?.0, budget: ys.count > 1 ? ys.last?.0 : nil)
        }
        let s = String(p)
        // The year a kind word belongs to: the last year written before it, else the first.
        let own = ys.last(where: { $0.1 < at })?.0 ?? ys.first?.0
        let months = monthsPeriod(p)?.0
        switch kind {
        case .adjustment:
            return KindReading(kind: kind, execution: nil, budget: own, period: nil)
        case .finalAccounts:
            // `2023年财政决算情况及2024年财政预算(草案)`: a township's annual report that calls
            // last year's execution its 决算.
            if months == nil, let later = ys.last?.0, let own, later > own, s.contains("草案") {
                return KindReading(kind: .annual, execution: own, budget: later, period: "全年")
            }
            return KindReading(kind: kind, execution: own, budget: nil, period: "全年")
        case .midYear:
            return KindReading(kind: kind, execution: own, budget: nil, period: months)
        case .other:
            if ys.count >= 2 { return KindReading(kind: kind, execution: ys.first!.0, budget: ys.last!.0, period: nil) }
            if let y = own, s.contains("预算") { return KindReading(kind: kind, execution: y - 1, budget: y, period: nil) }
            return KindReading(kind: kind, execution: own, budget: nil, period: months)
        case .annual:
            if let e = ys.first?.0, let b = ys.first(where: { $0.0 > e })?.0 {
                return KindReading(kind: kind, execution: e, budget: b, period: "全年")
            }
            guard let y = ys.first?.0 else { return KindReading(kind: kind, period: "全年") }
            // One year: a title about the draft names the budget year, one about
            // execution the year executed.
            if s.contains("执行") && !s.contains("草案") { return KindReading(kind: kind, execution: y, budget: y + 1, period: "全年") }
            return KindReading(kind: kind, execution: y - 1, budget: y, period: "全年")
        }
    }

    /// `上半年` or `1—9月` / `1至9月` / `1-6月` and where it starts; a full year (1—12月) is not a period.
    static func monthsPeriod(_ p: [Character]) -> (String, Int)? {
        let s = String(p)
        var best: (String, Int)?
        if let r = s.range(of: "上半年") { best = ("上半年", s.distance(from: s.startIndex, to: r.lowerBound)) }
        for i in p.indices where p[i] == "1" && (i == 0 || !(p[i - 1].isASCII && p[i - 1].isNumber)) {
            guard i + 3 < p.count, "-—–~至".contains(p[i + 1]) else { continue }
            var k = i + 2
            var n = 0
            while k < p.count, p[k].isASCII, let d = p[k].wholeNumberValue {
                n = n * 10 + d
                k += 1
            }
            guard k < p.count, p[k] == "月", (2...11).contains(n) else { continue }
            if best == nil || i < best!.1 { best = (n == 6 ? "上半年" : "1—\(n)月", i) }
        }
        return best
    }

    /// Years written in a phrase, with their positions: `2023年`, and bare `2024` where
    /// a title dropped the 年 (`城口县2024财政预算执行情况`), but not inside longer digit
    /// runs, dates such as `2025-01-20` or document numbers (`〔2023〕`).
    static func years(_ p: [Character]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = 0
        while i + 3 < p.count {
            let isDigit: (Int) -> Bool = { $0 >= 0 && $0 < p.count && p[$0].isASCII && p[$0].isNumber }
            if isDigit(i), !isDigit(i - 1), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                let y = Int(String(p[i...(i + 3)]))!
                let next: Character = i + 4 < p.count ? p[i + 4] : " "
                let prev: Character = i > 0 ? p[i - 1] : " "
                if (1990...2099).contains(y), next == "年" || (isHan(next) && next != "月" && !"〔[(".contains(prev)) {
                    out.append((y, i))
                }
                i += 4
                continue
            }
            i += 1
        }
        return out
    }

    static func hasYear(_ p: [Character]) -> Bool { !years(p).isEmpty }

    // MARK: - Dates

    /// `2024年 2月 21日` → `2024-02-21`.
    static func date(in b: [UInt8]) -> String? {
        let s = UTF8Cursor.prefix(b, limit: 200).filter { !Whitespace.isSpace($0) }
        var i = 0
        while i + 4 < s.count {
            if Scalars.isDigit(s[i]) && (i == 0 || !Scalars.isDigit(s[i - 1])) {
                var k = i
                func number(_ maxDigits: Int) -> Int? {
                    var v = 0
                    var d = 0
                    while k < s.count && Scalars.isDigit(s[k]) && d < maxDigits {
                        v = v * 10 + Int(s[k] - 0x30)
                        k += 1
                        d += 1
                    }
                    return d == 0 ? nil : v
                }
                if let y = number(4), k - i == 4, k < s.count, s[k] == 0x5E74 {  // 年
                    k += 1
                    if let m = number(2), k < s.count, s[k] == 0x6708 {  // 月
                        k += 1
                        if let d = number(2), k < s.count, s[k] == 0x65E5,  // 日
                            (1...12).contains(m), (1...31).contains(d)
                        {
                            return String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d)
                        }
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// What a web page's frame says of the report (`HTMLText`'s boilerplate lines,
    /// kept out of the paragraphs): its publication date, when the text gave none.
    static func readBoilerplate(_ lines: [String], into metadata: inout ReportMetadata) {
        guard metadata.date == nil else { return }
        for line in lines {
            // Pages write the label's colon full width (`发布日期：`).
            if let d = publicationDate(Array(line.replacing("：", with: ":"))) {
                metadata.date = d
                metadata.sources.date = .openingLines
                return
            }
        }
    }

    /// A web page's publication date: `发布日期:2025-01-20`, `发布时间:2016年02月04日`.
    static func publicationDate(_ l: [Character]) -> String? {
        let s = String(l)
        for label in ["发布日期", "发布时间", "成文日期", "公开日期", "生成日期", "发文日期", "日期", "时间"] {
            guard let r = s.range(of: label) else { continue }
            var rest = Array(s[r.upperBound...].prefix(24))
            while let f = rest.first, "]:|】 ".contains(f) { rest.removeFirst() }
            if let d = date(in: Array(String(rest).utf8)) { return d }
            let t = String(rest.prefix(10))
            let parts = t.split(separator: "-")
            if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                parts[0].count == 4, (1...12).contains(m), (1...31).contains(d)
            {
                return String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d)
            }
        }
        return nil
    }

    // MARK: - Characters

    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3400...0x9FFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    private static func startsWithDash(_ l: [Character]) -> Bool {
        guard let f = l.first else { return false }
        return "—─-–一".contains(f) && l.count > 1 && "—─-–一".contains(l[1])
    }

    private static func contains(_ l: [Character], _ w: String) -> Bool {
        String(l).contains(w)
    }
}

extension String {
    fileprivate init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    fileprivate init(format4 v: Int) { self = String(v) }
}
