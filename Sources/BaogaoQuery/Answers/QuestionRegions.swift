import BaogaoIngest

/// A region the index holds reports of: its name as the reports' metadata gives it
/// and, when the gazetteer knows it, its division code.
public struct IndexRegion: Sendable, Equatable, Hashable {
    public var name: String
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}

/// Which place a question names, read against the index's regions and the gazetteer
/// of China's divisions (`Gazetteer.shared`).
///
/// 1. A region of the index, by its name with or without its suffix (`江津` →
///    江津区), anywhere in the question: these names are the index's own, so a
///    match is no guess. When several occur (`天津市南开区`), the most specific —
///    the one written last — is the region; the places written before it are its
///    parents and are dropped with it.
/// 2. Otherwise a division named at the start of the question (`重庆`, `新疆`,
///    `黔东南州`, `河南省焦作市`), each name inside the one before it. The deepest
///    is what is asked about: a report of that division by code (or official name)
///    is the region; none is an unknown place, answered "no report of …" — a figure
///    question about 重庆 is about 重庆市's own reports, never a district's.
///    Names only at the start: inside a question, short forms collide with budget
///    words, and a question puts its place first.
/// 3. The index's regions inside an unknown place are kept (`inside`): a list
///    question over regions (`重庆哪些区县…`) is answered from them, and a refusal
///    names them first as the closest regions.
/// 4. A place with no report of its own inside a region that has one (`利通区` of
///    吴忠市, written alone or after it) is that region's, as the part the place has
///    (`part`): its report gives `其中：市本级…，利通区…`.
enum QuestionRegions {
    struct Found: Equatable {
        var region: String?
        var unknown: String?
        /// Index regions inside `unknown`, by name, in the index's order.
        var inside: [String] = []
        /// A place inside `region` the question asks about (`利通区` of 吴忠市), whose
        /// figures the region's report gives as its parts: read as the scope.
        var part: String?
        var rest: String
    }

    static let regionSuffixes: Set<Character> = ["区", "市", "县", "省", "州", "旗", "镇", "乡"]

    /// Words a gazetteer short form may collide with that say whose figure, not where
    /// (全州 is also 全州县 of 广西): never read as a place.
    static let scopeLike: Set<String> = ["全州", "全区", "全市", "全县", "全省", "全旗", "本级"]

    static func read(_ text: String, regions: [IndexRegion]) -> Found? {
        if let found = byIndexName(text, regions: regions) { return found }
        return byGazetteer(text, regions: regions)
    }

    /// A region whose name begins with the name of a division it lies in
    /// (`青岛西海岸新区`, a new area of 青岛市, whose code is 青岛市's), without it:
    /// `西海岸新区`, as people write it. Nil for other names, and when fewer than three
    /// characters would be left.
    static func withoutParentName(_ region: IndexRegion) -> String? {
        guard let code = region.code, let d = Gazetteer.shared.division(code: code) else { return nil }
        for division in Gazetteer.shared.chain(of: d) where division.name != region.name {
            for prefix in [division.name] + division.shortForms where !prefix.isEmpty && region.name.hasPrefix(prefix) {
                let rest = String(region.name.dropFirst(prefix.count))
                if rest.count >= 3 { return rest }
            }
        }
        return nil
    }

    /// Step 1: the index's own names.
    static func byIndexName(_ text: String, regions: [IndexRegion]) -> Found? {
        var names: [(name: String, region: IndexRegion)] = []
        for region in regions {
            names.append((region.name, region))
            if let last = region.name.last, regionSuffixes.contains(last), region.name.count >= 3 {
                names.append((String(region.name.dropLast()), region))
            }
            if let unprefixed = withoutParentName(region) { names.append((unprefixed, region)) }
        }
        // Every occurrence; a shorter one inside a longer one is not a name of its own.
        var hits: [(range: Range<String.Index>, name: String, region: IndexRegion)] = []
        for (name, region) in names {
            for r in text.ranges(of: name) { hits.append((r, name, region)) }
        }
        hits = hits.filter { h in
            !hits.contains { o in
                o.name.count > h.name.count && o.range.lowerBound <= h.range.lowerBound
                    && o.range.upperBound >= h.range.upperBound
            }
        }
        // The most specific is written last (天津市南开区); ties by length.
        guard let hit = hits.max(by: { ($0.range.lowerBound, $0.name.count) < ($1.range.lowerBound, $1.name.count) })
        else { return nil }
        var head = String(text[..<hit.range.lowerBound])
        head = dropTrailingPlaces(head, regions: regions)
        var tail = String(text[hit.range.upperBound...])
        // 焦作市级 / 江津区本级: the region's suffix begins a scope word (市级,
        // 区本级), so it stays in what is left for the scope to be read.
        if let last = hit.name.last, "市县区".contains(last), tail.hasPrefix("级") || tail.hasPrefix("本级") {
            tail = String(last) + tail
        }
        if let (part, after) = placeInside(hit.region, at: tail) {
            return Found(region: hit.region.name, part: part, rest: head + after)
        }
        return Found(region: hit.region.name, rest: head + tail)
    }

    /// `请问重庆市` → `请问`: the parents written before a region (gazetteer or
    /// index names), back to the first character that belongs to no place name.
    static func dropTrailingPlaces(_ head: String, regions: [IndexRegion]) -> String {
        let chars = Array(head)
        var end = chars.count
        var changed = true
        while changed && end > 0 {
            changed = false
            for start in 0..<end {
                let s = String(chars[start..<end])
                if scopeLike.contains(s) { continue }
                let known =
                    !Gazetteer.shared.divisions(named: s).isEmpty || regions.contains { $0.name == s }
                    // 河南省 written in brackets, or a province's name with its suffix.
                    || (s.count >= 3 && "省市".contains(s.last!)
                        && !Gazetteer.shared.divisions(named: String(s.dropLast())).isEmpty)
                if known {
                    end = start
                    changed = true
                    break
                }
            }
            // Brackets around a parent: (河南省)焦作市.
            while end > 0, "()（）".contains(chars[end - 1]) {
                end -= 1
                changed = true
            }
        }
        return String(chars[..<end])
    }

    /// Step 2: divisions named at the start.
    static func byGazetteer(_ text: String, regions: [IndexRegion]) -> Found? {
        let gazetteer = Gazetteer.shared
        let chars = Array(text)
        var i = 0
        for lead in ["请问", "关于"] where text.hasPrefix(lead) { i = lead.count }
        var chain: [Division] = []
        var end = i
        while let m = gazetteer.match(in: chars, at: end), !scopeLike.contains(m.text) {
            // Prefer the candidate the index has a report of, or reports inside (河南 is
            // 河南省 and 河南蒙古族自治县; an index of 焦作 means the province), then
            // the one inside the chain so far.
            let inIndex = m.candidates.filter { c in regions.contains { $0.code == c.code || $0.name == c.name } }
            let holding = m.candidates.filter { c in
                regions.contains { r in r.code.flatMap(gazetteer.division(code:)).map { gazetteer.contains(c, $0) } ?? false }
            }
            let pool = inIndex.count == 1 ? inIndex : holding.count == 1 ? holding : m.candidates
            guard
                let d = gazetteer.resolve(pool, context: chain)
                    ?? (chain.isEmpty
                        ? nil
                        : pool.first { c in
                            chain.contains { gazetteer.contains($0, c) }
                        })
            else { break }
            // Each name inside the one before it: 延边州全州 is not 延边 › 全州县.
            if let parent = chain.last, !gazetteer.contains(parent, d) { break }
            chain.append(d)
            end = m.start + m.length
        }
        guard let deepest = chain.last else { return nil }
        var rest = String(chars[..<i]) + String(chars[end...])
        // 焦作市级: as in step 1, the suffix begins a scope word.
        if let last = chars[end - 1] as Character?, "市县区".contains(last),
            rest.dropFirst(i).hasPrefix("级") || rest.dropFirst(i).hasPrefix("本级")
        {
            rest = String(chars[..<i]) + String(last) + String(chars[end...])
        }
        if let own = regions.first(where: { $0.code == deepest.code }) ?? regions.first(where: { $0.name == deepest.name }) {
            return Found(region: own.name, rest: rest)
        }
        // A place whose parent has a report: that report's part (利通区 of 吴忠市).
        for ancestor in gazetteer.chain(of: deepest).reversed() where ancestor.code != deepest.code {
            if let own = regions.first(where: { $0.code == ancestor.code }) {
                return Found(region: own.name, part: deepest.name, rest: rest)
            }
        }
        let inside = regions.filter { r in
            guard let code = r.code, let d = gazetteer.division(code: code) else { return false }
            return gazetteer.contains(deepest, d)
        }.map(\.name)
        return Found(unknown: deepest.name, inside: inside, rest: rest)
    }

    /// A division inside `region` named at the start of `text` (after a year or
    /// nothing): `利通区再融资债券` after 吴忠市.
    static func placeInside(_ region: IndexRegion, at text: String) -> (String, String)? {
        let gazetteer = Gazetteer.shared
        guard let code = region.code, let parent = gazetteer.division(code: code) else { return nil }
        var chars = Array(text)
        var lead = 0
        if let m = text.firstMatch(of: #/^\d{4}\s*年度?/#) { lead = text.distance(from: text.startIndex, to: m.range.upperBound) }
        guard let m = gazetteer.match(in: chars, at: lead), !scopeLike.contains(m.text),
            let d = m.candidates.first(where: { gazetteer.contains(parent, $0) && $0.code != parent.code })
        else { return nil }
        chars.removeSubrange(m.start..<(m.start + m.length))
        return (d.name, String(chars))
    }
}
