import Foundation

/// A seed report made into a template: its body split into sections, and every
/// mention of its own place replaced by a placeholder that each synthetic
/// report fills with its own region.
///
/// What to replace is read from the seed's title (`关于重庆市江津区2023年…的报告`),
/// so any report in the usual form can be a seed: the region (`江津区`), the
/// parent city when the title names one (`重庆市`), and their stems (`江津`,
/// `重庆`), which reports use on their own (`新江津`).
struct SeedReport {
    /// The seed's file name, recorded in the manifest.
    let file: String
    /// The year of the budget the seed proposes (the title's last year).
    let budgetYear: Int
    /// A city's report (`…市`) gets a city's name; a district's or county's one
    /// a district's or county's.
    let isCity: Bool
    /// The seed's own place names (`江津区`, `重庆市`), which no synthetic region may take.
    let ownNames: [String]
    /// Sections in reading order; the first one's heading is nil (text before any heading).
    let sections: [Section]

    struct Section {
        var heading: String?
        var body: [String]
    }

    static func load(file: String, text: String) throws(SeedProblem) -> SeedReport {
        let paragraphs = SeedParagraphs.of(text)
        guard let greeting = paragraphs.firstIndex(where: { $0.hasPrefix("各位代表") && $0.count <= 8 }) else {
            throw SeedProblem(file: file, reason: "no greeting 各位代表 ends the front matter")
        }
        guard let title = Title(paragraphs[..<greeting]) else {
            throw SeedProblem(file: file, reason: "no title 关于…年…报告 naming a 区, 县 or 市 and a year before 各位代表")
        }
        var sections = [Section(heading: nil, body: [])]
        for p in paragraphs[(greeting + 1)...] {
            let templated = Placeholder.insert(into: p, for: title)
            if isHeading(p) {
                sections.append(Section(heading: templated, body: []))
            } else {
                sections[sections.count - 1].body.append(templated)
            }
        }
        return SeedReport(
            file: file, budgetYear: title.budgetYear, isCity: title.region.hasSuffix("市"),
            ownNames: [title.region] + (title.parent.map { [$0] } ?? []), sections: sections)
    }

    /// What the title says: `关于` region years … `报告`, possibly over a few lines.
    struct Title {
        var region: String
        var parent: String?
        var budgetYear: Int

        init?(_ front: ArraySlice<String>) {
            guard let start = front.firstIndex(where: { $0.hasPrefix("关于") }) else { return nil }
            var text = ""
            for p in front[start...].prefix(3) {
                text += p
                if p.contains("报告") { break }
            }
            let afterAbout = text.dropFirst(2)
            let name = String(afterAbout.prefix { !$0.isNumber && !$0.isWhitespace })
            let years = text.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }.filter { (1990...2100).contains($0) }
            guard let last = name.last, "区县市".contains(last), name.count >= 2, let year = years.last else { return nil }
            budgetYear = year
            // `重庆市江津区`: a district of a city named in full.
            if let cut = name.dropLast().lastIndex(of: "市") {
                parent = String(name[...cut])
                region = String(name[name.index(after: cut)...])
            } else {
                region = name
            }
        }
    }

    /// Section headings: `一、`, `（一）`, `(一)`, `【…】`, `名词解释`, and short `1.` / `（1）` lines.
    static func isHeading(_ p: String) -> Bool {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let chars = Array(p)
        let leadingNumerals = chars.prefix { numerals.contains($0) }.count
        if leadingNumerals > 0 && chars.count > leadingNumerals && chars[leadingNumerals] == "、" { return true }
        for (open, close) in [("（", "）"), ("(", ")")] as [(Character, Character)] where chars.first == open {
            let n = chars.dropFirst().prefix { numerals.contains($0) }.count
            if n > 0 && chars.count > n + 1 && chars[n + 1] == close { return true }
        }
        if p.hasPrefix("【") && p.hasSuffix("】") { return true }
        if p == "名词解释" || p == "重要名词解释" { return true }
        guard chars.count <= 24 else { return false }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0 && chars.count > digits && ".．、".contains(chars[digits]) { return true }
        for (open, close) in [("（", "）"), ("(", ")")] as [(Character, Character)] where chars.first == open {
            let n = chars.dropFirst().prefix { $0.isASCII && $0.isNumber }.count
            if n > 0 && chars.count > n + 1 && chars[n + 1] == close { return true }
        }
        return false
    }
}
