import BaogaoIndex
import BaogaoIngest

/// Definitions written in running text, for terms no glossary defines: a report
/// that coins a short name says what it stands for where it first uses it
/// (`比…批准的调整预算(以下简称“中期调整预算”)`, `为调整预算的101.8%(下称“预算”)`), and some define a term in a
/// sentence of their own (`报告数是指…`). Read only when the glossaries have nothing:
/// a glossary entry is the report's own definition.
///
/// The sentence that holds the pattern is the definition, cited at sentence level.
extension Glossary {
    /// At most this many paragraphs holding a pattern are read for such a sentence.
    static let inlineDefinitionReads = 200

    /// The index finds the patterns themselves (`下称预算`, bare terms that read
    /// through the quotes of `下称“预算”`), not every paragraph holding the term: a
    /// term as common as 预算 is in most paragraphs of an index.
    func inlineDefinitions(asked: String) throws(SearchError) -> [Definition] {
        let patterns = InlineDefinition.openers.map { $0 + asked } + InlineDefinition.closers.map { asked + $0 }
        let query = Query(root: .or(patterns.map { .term(snapshot.internalTerm($0)) }), text: asked)
        var out: [Definition] = []
        var texts = Set<String>()
        for ref in try searcher.allMatches(query).prefix(Self.inlineDefinitionReads) {
            try deadline.check()
            let p: IndexedParagraph
            do { p = try index.paragraph(segment: ref.segment, doc: ref.doc) } catch { throw .index(error) }
            let scalars = Array(p.text.unicodeScalars)
            guard let at = InlineDefinition.find(asked, in: scalars, fold: { self.snapshot.foldForAnswers($0) }) else { continue }
            let sentence = SentenceBoundaries.statement(in: scalars, around: at)
            let text = String(String.UnicodeScalarView(scalars[sentence]))
            guard texts.insert(snapshot.foldForAnswers(text)).inserted else { continue }
            out.append(
                Definition(
                    term: asked, text: text, region: p.report.region,
                    year: p.report.budgetYear ?? p.report.executionYear,
                    citation: AnswerCitation(p, sentence: sentence), paragraph: p))
        }
        return out
    }
}

/// The patterns of a definition in running text, as pure functions of the text.
enum InlineDefinition {
    /// Words written before a term they define (简称 T, 下称 T, 所谓 T) and after it (T 是指).
    static let openers = ["简称", "下称", "所谓"]
    static let closers = ["是指", "指的是"]

    /// Where `text` defines `term` (both compared folded): `(以下简称“T”)`, `简称T`, `(下称“T”)`,
    /// `T是指`, `T指的是`, `所谓T`. The range is the pattern's, for the sentence around it.
    static func find(_ term: String, in text: [Unicode.Scalar], fold: (String) -> String) -> Range<Int>? {
        func string(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(text[r])) }
        func starts(of word: String) -> [Int] {
            let w = Array(word.unicodeScalars)
            guard text.count >= w.count else { return [] }
            return (0...(text.count - w.count)).filter { text[$0..<$0 + w.count].elementsEqual(w) }
        }
        // 简称 T, 下称 T: the name runs to the closing bracket, comma or sentence end.
        for at in starts(of: "简称") + starts(of: "下称") {
            let start = at + 2
            var end = start
            while end < text.count, !"）)，,；;。”\"".unicodeScalars.contains(text[end]) || end == start { end += 1 }
            // Include a closing quote right after an opening one: “中期调整预算”.
            let name = string(start..<min(end + 1, text.count))
            if fold(name.filter { !"“”\"'‘’「」（）()，,。".contains($0) }) == term { return at..<end }
        }
        // T 是指 / T 指的是 / 所谓 T.
        for marker in ["是指", "指的是"] {
            for at in starts(of: marker) {
                var start = at
                while start > 0, !"，,；;。：:（(\n".unicodeScalars.contains(text[start - 1]) { start -= 1 }
                if fold(string(start..<at)).hasSuffix(term) { return start..<at + marker.unicodeScalars.count }
            }
        }
        for at in starts(of: "所谓") where fold(string(at + 2..<min(text.count, at + 2 + term.count + 4))).hasPrefix(term) {
            return at..<at + 2
        }
        return nil
    }
}
