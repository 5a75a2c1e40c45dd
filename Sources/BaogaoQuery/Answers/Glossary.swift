import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest
import Dispatch

/// One report's definition of a term.
public struct Definition: Sendable {
    /// The term as the report writes it (`“三保”支出`, `预算稳定调节基金`).
    public var term: String
    public var text: String
    public var region: String?
    /// The year of the report that gives the definition: its budget year, else its
    /// execution year. A glossary speaks of no one year itself (`SectionTracker`),
    /// but two reports may define a term differently, and the year tells them apart.
    public var year: Int?
    public var citation: AnswerCitation
    var paragraph: IndexedParagraph

    var answer: Answer {
        Answer(
            text: text, value: nil, unit: nil, label: term, scope: nil, year: year, relation: nil,
            region: region, sentence: nil, citation: citation, paragraph: paragraph)
    }
}

public struct DefineResult: Sendable {
    public var term: String
    /// Every report's definition, best-matching term first; identical texts once.
    public var definitions: [Definition]
    public var tookMs: Double
}

/// Definitions, read at query time from the index's glossary paragraphs.
///
/// The index finds the paragraphs of glossary sections (headings with 名词)
/// that contain the term, so no glossary has to be loaded or cached; of those,
/// glossary paragraphs are read as entries in the two layouts the reports use:
///
/// - `【预算稳定调节基金】` alone, its definition in the next glossary paragraph
///   (whose section path ends with the bracketed term);
/// - `8. 预算稳定调节基金：指…`, term and definition in one paragraph.
///
/// Terms match after folding, ignoring quotes, and tolerating a short suffix
/// either way (`“三保”支出` answers 三保; `调入资金（调出资金）` answers both names).
public struct Glossary: SearcherFeature {
    let searcher: Searcher

    public init(_ searcher: Searcher) { self.searcher = searcher }

    public func define(_ term: String) throws(SearchError) -> DefineResult {
        try InputLimits.check(term, limit: InputLimits.term, what: "a term to define")
        let start = DispatchTime.now()
        let asked = snapshot.foldForAnswers(term)
        var result = DefineResult(term: term, definitions: [], tookMs: 0)
        guard !asked.isEmpty else { return result }
        var variants = [asked]
        for suffix in Self.genericSuffixes where asked.hasSuffix(suffix) && asked.count > suffix.count + 1 {
            variants.append(String(asked.dropLast(suffix.count)))
        }
        // Built as a Query, not as text to parse: a term holding quotes or operator
        // words is searched as written, with nothing to escape. Bare terms, so
        // that they read through inline marks as a search does: 三保支出 finds
        // the entry `“三保”支出`.
        var forms: [QueryNode] = variants.map { .term(snapshot.internalTerm($0)) }
        // `“631”工作机制` asked as 631工作机制: the quotes split the text, so also
        // look for its ASCII and Chinese runs together.
        let runs = Self.scriptRuns(asked)
        if runs.count > 1 { forms.append(.and(runs.map { .phrase(snapshot.internalTerm($0)) })) }
        // Glossaries sit under a 名词解释 / 名词说明 heading: the filter keeps a
        // common term from reading every paragraph that mentions it.
        let query = Query(
            root: forms.count == 1 ? forms[0] : .or(forms),
            filters: Filters(sections: [snapshot.internalTerm("名词")]), text: asked)
        // Every glossary paragraph holding the term is read (one per report on a
        // large index): the segments side by side, then in index order.
        let read = try SegmentFanOut.map(try searcher.allMatches(query), parallel: searcher.fansOut) {
            _, refs throws(SearchError) in
            var out: [(score: Int, definition: Definition)] = []
            for ref in refs {
                try self.deadline.check()
                let p = try self.paragraph(ref.segment, ref.doc)
                guard p.kind == .glossary, let (entry, definition) = try self.entry(p) else { continue }
                let score = Self.termScore(asked: asked, entry: self.snapshot.foldForAnswers(entry))
                guard score > 0 else { continue }
                let text = Self.definitionText(definition, entry: entry)
                out.append(
                    (
                        score,
                        Definition(
                            term: entry, text: text, region: definition.report.region,
                            year: definition.year ?? definition.report.budgetYear ?? definition.report.executionYear,
                            citation: AnswerCitation(definition), paragraph: definition)
                    ))
            }
            return out
        }
        var found: [(score: Int, definition: Definition)] = []
        var seenDocs = Set<String>()
        for f in read.joined() where seenDocs.insert(f.definition.paragraph.id).inserted { found.append(f) }
        // Best term match first; then index order. A text given twice is listed once.
        let sorted = found.enumerated().sorted {
            $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset
        }
        var texts = Set<String>()
        for (_, f) in sorted where texts.insert(snapshot.foldForAnswers(f.definition.text)).inserted {
            result.definitions.append(f.definition)
        }
        if result.definitions.isEmpty { result.definitions = try inlineDefinitions(asked: asked) }
        result.tookMs = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return result
    }

    /// Maximal runs of ASCII and of other characters: `631工作机制` → 631, 工作机制.
    static func scriptRuns(_ s: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var ascii: Bool?
        for c in s where c != "\"" {
            let a = c.isASCII
            if let ascii, ascii != a {
                runs.append(current)
                current = ""
            }
            current.append(c)
            ascii = a
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    static let genericSuffixes = ["支出", "经费", "资金", "收入", "机制", "制度", "管理"]

    private func paragraph(_ s: Int, _ d: Int) throws(SearchError) -> IndexedParagraph {
        do { return try index.paragraph(segment: s, doc: d) } catch { throw .index(error) }
    }

    /// The entry a glossary paragraph belongs to: its term and its definition paragraph.
    private func entry(_ p: IndexedParagraph) throws(SearchError) -> (String, IndexedParagraph)? {
        let text = p.text.trimmingSpaces
        if let term = Self.bracketed(text) {
            let next = p.doc + 1
            guard next < index.segments[p.segment].docCount, !index.segments[p.segment].isDeleted(next) else { return nil }
            let d = try paragraph(p.segment, next)
            guard d.kind == .glossary, Self.bracketed(d.text.trimmingSpaces) == nil else { return nil }
            return (term, d)
        }
        if let last = p.section.last, let term = Self.bracketed(last.trimmingSpaces) { return (term, p) }
        if let lead = Self.numberedLead(text) { return (String(lead.term).trimmingSpaces, p) }
        return nil
    }

    static func bracketed(_ s: String) -> String? {
        guard s.hasPrefix("【"), s.hasSuffix("】"), s.count > 2 else { return nil }
        return String(s.dropFirst().dropLast())
    }

    /// The definition without its `8. term：` lead-in.
    static func definitionText(_ p: IndexedParagraph, entry: String) -> String {
        let text = p.text.trimmingSpaces
        if let lead = Self.numberedLead(text) { return String(lead.rest).trimmingSpaces }
        return text
    }

    /// A numbered entry's lead-in, `8. term：` (digits, `.`, `．` or `、`, then up
    /// to 40 characters before a colon): the term and what follows the colon.
    /// Scanned by hand: a regex literal is compiled again each time it is
    /// evaluated, and this runs for every glossary paragraph of the index.
    static func numberedLead(_ text: String) -> (term: Substring, rest: Substring)? {
        func isDigit(_ c: Character) -> Bool { c.unicodeScalars.first?.properties.numericType == .decimal }
        var i = text.startIndex
        guard i < text.endIndex, isDigit(text[i]) else { return nil }
        while i < text.endIndex, isDigit(text[i]) { i = text.index(after: i) }
        while i < text.endIndex, Whitespace.isWhitespace(text[i]) { i = text.index(after: i) }
        guard i < text.endIndex, ".．、".contains(text[i]) else { return nil }
        i = text.index(after: i)
        while i < text.endIndex, Whitespace.isWhitespace(text[i]) { i = text.index(after: i) }
        let start = i
        var length = 0
        while i < text.endIndex, length <= 40 {
            if text[i] == "：" || text[i] == ":" {
                return length == 0 ? nil : (text[start..<i], text[text.index(after: i)...])
            }
            length += 1
            i = text.index(after: i)
        }
        return nil
    }

    /// 3: a name of the entry is the term; 2: one name extends the other by at
    /// most two characters (`三保支出` / `三保`); 0: another entry.
    static func termScore(asked: String, entry: String) -> Int {
        var names = [entry]
        for sep: Character in ["（", "）", "(", ")", "和", "、"] {
            names = names.flatMap { $0.split(separator: sep).map(String.init) }
        }
        names = names.filter { !$0.isEmpty } + [entry]
        if names.contains(asked) { return 3 }
        for n in names {
            if n.hasPrefix(asked), n.count - asked.count <= 2 { return 2 }
            if asked.hasPrefix(n), asked.count - n.count <= 2, n.count >= 2 { return 2 }
        }
        return 0
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, Whitespace.isWhitespace(f) { s.removeFirst() }
        while let l = s.last, Whitespace.isWhitespace(l) { s.removeLast() }
        return String(s)
    }
}
