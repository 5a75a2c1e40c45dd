import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest
import Dispatch
import Synchronization

private let labelFolds = Mutex<[String: String]>([:])

/// `ask`: answers a question from the index's number facts and glossary.
///
/// Value questions rank every fact of the region and year asked for with
/// `FactRanker`; list questions filter budget lines with the number-range engine
/// (`ListAnswers`); definition questions read the glossary (`Glossary`). When
/// nothing fits, the answer is nil and the closest candidates are returned as
/// alternatives, with a message saying so.
extension Searcher {
    public func ask(_ text: String) throws(SearchError) -> AskResult {
        try InputLimits.check(text, limit: InputLimits.question, what: "a question")
        let start = DispatchTime.now()
        let folded = analyzers.with { $0.normalize(text).string }
        let question = QuestionParser.parse(folded, regions: knownRegions)
        var result = AskResult(question: text, parsed: question, answer: nil, alternatives: [], message: nil, tookMs: 0)
        switch question.form {
        case .definition:
            let found = try define(question.term ?? "")
            if let first = found.definitions.first {
                result.answer = first.answer
                result.alternatives = found.definitions.dropFirst().map(\.answer)
            } else {
                result.message = "no answer found: no glossary entry for \(question.term ?? "")"
            }
        case .list:
            try deadline.check()
            result = try answerList(question, result)
        case .value:
            try deadline.check()
            result = try answerValue(question, result)
        }
        try deadline.check()
        result.tookMs = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return result
    }

    /// The regions of the index's reports, as their metadata names them.
    public var knownRegions: [String] {
        if let known = snapshot.regionCache.withLock({ $0 }) { return known }
        let regions = readRegions()
        snapshot.regionCache.withLock { $0 = regions }
        return regions
    }

    private func readRegions() -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for segment in index.segments {
            for r in 0..<segment.reportCount {
                if let region = segment.report(r).region, seen.insert(region).inserted { out.append(region) }
            }
        }
        return out
    }

    /// "No report of 江津区", with the regions the index has: all of them when
    /// they are few, else the eight sharing most characters with the name asked
    /// for (an index of a whole province has hundreds).
    func unknownRegionMessage(_ place: String) -> String {
        // Sorted: which segment a report landed in must not change the message.
        let regions = knownRegions.sorted()
        let head = "no answer found: no report of \(place) in the index"
        guard regions.count > 8 else { return head + " (regions: \(regions.joined(separator: "、")))" }
        let asked = Set(place)
        let closest = regions
            .map { (region: $0, shared: Set($0).intersection(asked).count) }
            .sorted { ($1.shared, $0.region) < ($0.shared, $1.region) }
            .prefix(8).map(\.region)
        return head + " (it has \(regions.count) regions; the closest: \(closest.joined(separator: "、")))"
    }

    private func answerValue(_ q: Question, _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        if let place = q.unknownRegion {
            result.message = unknownRegionMessage(place)
            return result
        }
        guard let label = q.label.map({ foldForAnswers($0) }), !label.isEmpty else {
            result.message = "no answer found: the question names no item (such as 一般公共预算收入)"
            return result
        }
        var accepted: [FactRanker.Scored] = []
        var near: [FactRanker.Scored] = []
        // The region's facts first; the others only to find the closest
        // candidates when the region has no answer.
        // Only facts whose label can name the item: a match, or a label the asked
        // one ends with (completed by its section, see `scan`).
        let keep = { @Sendable (factLabel: String) -> Bool in
            let f = self.foldForAnswers(factLabel)
            return LabelMatch.score(asked: label, fact: f) >= LabelMatch.threshold || (f.count >= 2 && label.hasSuffix(f))
                || (q.metric == .share && !f.isEmpty && label.hasPrefix(Self.shareStem(f) ?? f))
        }
        scan(factRows(region: q.region, keep: keep), label: label, q, &accepted, &near)
        try deadline.check()
        if accepted.isEmpty, q.region != nil {
            near = []
            scan(factRows(region: nil, keep: keep), label: label, q, &accepted, &near)
            try deadline.check()
        }
        accepted.sort { $0.score != $1.score ? $0.score > $1.score : ($0.row.segment, $0.row.fact) < ($1.row.segment, $1.row.fact) }
        accepted = verified(accepted)
        guard let best = accepted.first else {
            result.message = "no answer found for \(q.label ?? "")" + (near.isEmpty ? "" : "; closest candidates follow")
            // Closest first: the region asked for, then the measure asked for, then the label.
            for i in near.indices {
                if q.region == nil || near[i].row.report.region == q.region { near[i].score += 10 }
                if FactRanker.fitsMetric(near[i].row, q) { near[i].score += 5 }
            }
            near.sort { $0.score != $1.score ? $0.score > $1.score : ($0.row.segment, $0.row.fact) < ($1.row.segment, $1.row.fact) }
            var seen = Set<String>()
            for n in near where result.alternatives.count < 3 {
                guard seen.insert("\(n.row.report.doc)|\(n.row.label)|\(n.row.value)|\(n.row.year ?? 0)").inserted else { continue }
                var a = try answer(for: n.row, withRelated: false)
                a.note = "not \(describe(q)): " + [n.row.report.region, n.row.year.map { "\($0)年" }, n.row.scope, n.row.relation]
                    .compactMap { $0 }.joined(separator: " · ")
                result.alternatives.append(a)
            }
            return result
        }
        if let ambiguity = Self.ambiguity(best, accepted, q) {
            // Two items or two regions fit equally: say so rather than pick one.
            result.message = "no answer found: the question is ambiguous (\(ambiguity.reason)); candidates follow"
            for c in ambiguity.candidates {
                var a = try answer(for: c.row, withRelated: false)
                a.note = [c.row.report.region, c.row.label, c.row.scope].compactMap { $0 }.joined(separator: " · ")
                result.alternatives.append(a)
            }
            return result
        }
        result.answer = try answer(for: best.row, withRelated: true)
        // Alternatives: the same item at nearly the same score, but a different
        // scope, stage, year or region — never the same figure twice.
        var seen: Set<String> = [key(best.row)]
        for c in accepted.dropFirst() where result.alternatives.count < 3 {
            guard c.label >= best.label - 0.05, c.score >= best.score - 8, seen.insert(key(c.row)).inserted else { continue }
            var a = try answer(for: c.row, withRelated: false)
            a.note = FactRanker.distinction(c.row, from: best.row)
            result.alternatives.append(a)
        }
        return result
    }

    /// Scores `rows`: candidates that pass every filter go to `accepted`, those
    /// with the right item but the wrong year, region, scope or measure to `near`.
    private func scan(_ rows: [FactRow], label: String, _ q: Question,
                      _ accepted: inout [FactRanker.Scored], _ near: inout [FactRanker.Scored]) {
        for row in rows {
            let factLabel = foldForAnswers(row.label)
            var l = LabelMatch.score(asked: label, fact: factLabel)
            // `社会保险基金年末滚存结余`: the report's label is 年末滚存结余 and its
            // section says whose (4. 社会保险基金预算).
            if l < LabelMatch.threshold, label.count > factLabel.count, factLabel.count >= 2, label.hasSuffix(factLabel),
               row.section.contains(String(label.dropLast(factLabel.count))) {
                l = 0.85
            }
            // A share named by the item's stem: 税收收入占比 is written 税比为70% or
            // 税收占…的比重为95.99% (label 税收, relation 占).
            if l < LabelMatch.threshold, q.metric == .share, row.kind == .percent,
               let stem = Self.shareStem(factLabel) ?? ((row.relation ?? "").contains("占") ? factLabel : nil),
               label.hasPrefix(stem) {
                l = 0.75
            }
            // `专项债务余额` answered by a fact labelled 专项债务: only when the rest
            // of the asked label (余额) is in the fact's sentence or section.
            var mustMention: String?
            if l >= LabelMatch.threshold, l < 0.7, label.count > factLabel.count {
                let extra = label.hasPrefix(factLabel) ? String(label.dropFirst(factLabel.count)) : String(label.dropLast(factLabel.count))
                if !row.section.contains(extra) { mustMention = extra }
            }
            guard l > 0 else { continue }
            if let s = FactRanker.score(row, q, label: l) {
                accepted.append(.init(row: row, label: l, score: s, mustMention: mustMention))
            } else if l >= LabelMatch.threshold {
                near.append(.init(row: row, label: l, score: l))
            }
        }
    }

    /// `税` of 税比, `税收` of 税收比重: the item a share label abbreviates.
    static func shareStem(_ label: String) -> String? {
        for suffix in ["比重", "比例", "比"] where label.hasSuffix(suffix) && label.count > suffix.count {
            return String(label.dropLast(suffix.count))
        }
        return nil
    }

    /// `sorted` without the candidates whose sentence lacks what their label
    /// needs; reads at most `budget` paragraphs, then drops the unchecked rest.
    private func verified(_ sorted: [FactRanker.Scored], budget: Int = 32) -> [FactRanker.Scored] {
        var out: [FactRanker.Scored] = []
        var reads = 0
        for c in sorted {
            guard let text = c.mustMention else { out.append(c); continue }
            guard reads < budget else { continue }
            reads += 1
            if foldedSentence(c.row)?.contains(text) ?? false { out.append(c) }
        }
        return out
    }

    /// When the best candidate does not settle the question: another region's
    /// figure fits as well and no region was asked (with several regions in the
    /// index), or the asked label is only part of two different items that fit
    /// equally (`一般公共预算` → 一般公共预算收入 or 一般公共预算支出).
    static func ambiguity(_ best: FactRanker.Scored, _ accepted: [FactRanker.Scored],
                          _ q: Question) -> (reason: String, candidates: [FactRanker.Scored])? {
        if q.region == nil {
            var byRegion: [String: FactRanker.Scored] = [:]
            for c in accepted where c.label >= best.label - 0.001 && c.score >= best.score - 8 {
                let r = c.row.report.region ?? c.row.report.doc
                if byRegion[r] == nil { byRegion[r] = c }
            }
            if byRegion.count > 1 {
                let list = byRegion.values.sorted { $0.score > $1.score }
                let names = list.compactMap { $0.row.report.region }
                let shown = names.prefix(5).joined(separator: "、") + (names.count > 5 ? "… (\(names.count) regions)" : "")
                return ("which region: " + shown + "?", Array(list.prefix(4)))
            }
        }
        if best.label < 1 {
            let rivals = accepted.filter { $0.label >= best.label - 0.001 && $0.row.label != best.row.label
                && $0.row.report.doc == best.row.report.doc && $0.row.year == best.row.year
                && $0.row.value != best.row.value }  // two names for one figure are no ambiguity
            if let rival = rivals.first {
                return ("\(best.row.label) or \(rival.row.label)?", [best, rival])
            }
        }
        return nil
    }

    private func key(_ r: FactRow) -> String { "\(r.report.doc)|\(r.value)|\(r.scope ?? "")|\(r.year ?? 0)" }

    private func describe(_ q: Question) -> String {
        var parts: [String] = []
        if let r = q.region { parts.append(r) }
        switch q.year {
        case .year(let y): parts.append("\(y)年")
        case .current: parts.append("今年")
        case .previous: parts.append("上年")
        case nil: break
        }
        if let s = q.scope { parts.append(s) }
        return parts.isEmpty ? "as asked" : parts.joined(separator: " · ")
    }

    /// Folded (NFKC, Traditional → Simplified, lower case) without quotes or spaces.
    /// Labels repeat across questions and folding is the costliest step of
    /// ranking, so folds are remembered (bounded; the analyzer is the same for
    /// every searcher of a process).
    func foldForAnswers(_ s: String) -> String {
        if let known = labelFolds.withLock({ $0[s] }) { return known }
        let folded = analyzers.with { $0.normalize(s).string }.filter { !QuestionParser.quoteCharacters.contains($0) && $0 != " " }
        labelFolds.withLock { cache in
            if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
            cache[s] = folded
        }
        return folded
    }

    /// The answer for one fact: its text as written, the sentence, the citation,
    /// and (for the main answer) the related figures of the same sentence.
    func answer(for row: FactRow, withRelated: Bool) throws(SearchError) -> Answer {
        let paragraph: IndexedParagraph
        do { paragraph = try index.paragraph(segment: row.segment, doc: row.doc) } catch { throw .index(error) }
        let facts = index.segments[row.segment].facts
        let fact = facts.fact(row.fact, paragraphText: paragraph.text)
        let scalars = Array(paragraph.text.unicodeScalars)
        let sentence = Self.sentence(in: scalars, around: fact.start..<fact.end)
        var a = Answer(text: fact.text, value: fact.value, unit: fact.unit, label: fact.label, scope: fact.scope,
                       year: row.year, relation: fact.relation, region: row.report.region,
                       sentence: String(String.UnicodeScalarView(scalars[sentence])),
                       citation: AnswerCitation(paragraph), paragraph: paragraph)
        // A part (含高新区 …) shares its whole's label but not its rates.
        if withRelated, fact.relation != "含" {
            for j in facts.facts(ofDoc: row.doc) where j != row.fact && facts.label(j) == fact.label {
                let other = facts.fact(j, paragraphText: paragraph.text)
                guard sentence.contains(other.start), other.kind != fact.kind || fact.kind != .amount else { continue }
                a.related.append(RelatedFigure(text: other.text, value: other.value, unit: other.unit, relation: other.relation))
            }
        }
        return a
    }

    /// The folded sentence holding a fact, nil when the paragraph cannot be read.
    func foldedSentence(_ row: FactRow) -> String? {
        guard let p = try? index.paragraph(segment: row.segment, doc: row.doc) else { return nil }
        let fact = index.segments[row.segment].facts.fact(row.fact, paragraphText: p.text)
        let scalars = Array(p.text.unicodeScalars)
        let range = Self.sentence(in: scalars, around: fact.start..<fact.end)
        return foldForAnswers(String(String.UnicodeScalarView(scalars[range])))
    }

    static let sentenceEnds = SentenceBoundaries.statementEnds

    /// From the sentence end before `range` to the one after it (inclusive).
    static func sentence(in s: [Unicode.Scalar], around range: Range<Int>) -> Range<Int> {
        var lo = min(max(0, range.lowerBound), s.count)
        while lo > 0, !sentenceEnds.contains(s[lo - 1]) { lo -= 1 }
        var hi = min(max(lo, range.upperBound), s.count)
        while hi < s.count, !sentenceEnds.contains(s[hi]) { hi += 1 }
        if hi < s.count { hi += 1 }
        return lo..<hi
    }
}

