import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest
import Dispatch
import Synchronization

/// `ask`: answers a question from the index's number facts and glossary.
///
/// Value questions rank every fact of the region and year asked for with
/// `FactRanker`; list questions filter budget lines with the number-range engine
/// (`ListAnswers`); definition questions read the glossary (`Glossary`). When
/// nothing fits, the answer is nil and the closest candidates are returned as
/// alternatives, with a message saying so.
public struct Answerer: SearcherFeature {
    let searcher: Searcher

    public init(_ searcher: Searcher) { self.searcher = searcher }

    /// With `explain`, the answer and each alternative carry `Answer.explain`: why
    /// the answer won, or the ranking field on which the alternative lost.
    public func ask(_ text: String, explain: Bool = false) throws(SearchError) -> AskResult {
        try InputLimits.check(text, limit: InputLimits.question, what: "a question")
        let start = DispatchTime.now()
        let folded = snapshot.analyzers.with { $0.normalize(text).string }
        let question = QuestionParser.parse(folded, indexRegions: try snapshot.indexRegions)
        var result = AskResult(question: text, parsed: question, answer: nil, alternatives: [], message: nil, tookMs: 0)
        result.explaining = explain
        switch question {
        case .definition(let d):
            let found = try Glossary(searcher).define(d.term)
            if let first = found.definitions.first {
                result.answer = first.answer
                result.alternatives = found.definitions.dropFirst().map(\.answer)
            } else {
                result.message = "no answer found: no glossary entry for \(d.term)"
            }
        case .list(let q):
            try deadline.check()
            result = try answerList(q, result)
        case .figure(let q):
            try deadline.check()
            // Across years or regions (历年, 哪个区县…最高): a series or a comparison (Series/).
            if let across = try answerAcross(folded, result) {
                result = across
            } else {
                result = try answerValue(q, result)
            }
        case .figures(let parts):
            try deadline.check()
            result = try answerParts(parts, result)
        }
        try deadline.check()
        result.tookMs = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return result
    }

    /// "No report of 江津区", with the regions the index has: all of them when
    /// they are few, else the eight closest — the regions inside the place asked
    /// for (重庆 → its districts), then those sharing most characters with its name
    /// (an index of a whole province has hundreds).
    func unknownRegionMessage(_ place: String, inside: [String] = []) throws(SearchError) -> String {
        // Sorted: which segment a report landed in must not change the message.
        let regions = try snapshot.knownRegions.sorted()
        let head = "no answer found: no report of \(place) in the index"
        guard regions.count > 8 else { return head + " (regions: \(regions.joined(separator: "、")))" }
        let asked = Set(place)
        let within = Set(inside)
        let closest =
            regions
            .map { (region: $0, inside: within.contains($0) ? 1 : 0, shared: Set($0).intersection(asked).count) }
            .sorted { ($1.inside, $1.shared, $0.region) < ($0.inside, $0.shared, $1.region) }
            .prefix(8).map(\.region)
        return head + " (it has \(regions.count) regions; the closest: \(closest.joined(separator: "、")))"
    }

    private func answerValue(_ q: FigureQuestion, _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        if let place = q.unknownRegion {
            result.message = try unknownRegionMessage(place, inside: q.regionsInside)
            return result
        }
        guard let asked = q.label.map({ snapshot.foldForAnswers($0) }), !asked.isEmpty else {
            result.message = "no answer found: the question names no item (such as 一般公共预算收入)"
            return result
        }
        // 收入 alone is asked back, unless the region's report names its item just so
        // (`本级财政收入拟调整为134000万元`: 财政收入 is that report's item), or the rest of
        // the question leaves one item of the kind (`县本级支出`, `年末结余`).
        var item = asked
        if Self.kindWords.contains(asked), try !regionLabels(asked, q) {
            guard let only = try onlyItem(of: asked, q) else { return try askBackItem(asked, q, result) }
            item = only
        }
        let label = item
        var accepted: [FactRanker.Scored] = []
        var near: [FactRanker.Scored] = []
        // The region's facts first; the others only to find the closest
        // candidates when the region has no answer.
        // Only facts whose label can name the item: a match, or a label the asked
        // one ends with (completed by its section, see `scan`).
        let keep = { @Sendable (factLabel: String) -> Bool in
            let f = self.snapshot.foldForAnswers(factLabel)
            return LabelMatch.score(asked: label, fact: f) >= LabelMatch.threshold || (f.count >= 2 && label.hasSuffix(f))
                || (q.metric == .share && !f.isEmpty && label.hasPrefix(Self.shareStem(f) ?? f))
        }
        scan(try searcher.factRows(region: q.region, keep: keep), label: label, q, &accepted, &near)
        try deadline.check()
        if accepted.isEmpty, q.region != nil {
            near = []
            scan(try searcher.factRows(region: nil, keep: keep), label: label, q, &accepted, &near)
            try deadline.check()
        }
        accepted.sort { $0.rank.beats($1.rank) }
        accepted = verified(accepted, q, &near)
        dropUnmarkedBudgets(&accepted, q, &near)
        dropYearSpans(&accepted, &near)
        if q.region == nil, Set(try snapshot.knownRegions).count > 1, !accepted.isEmpty {
            return askBackRegion(accepted, result)
        }
        guard let best = accepted.first else {
            // No labelled figure of the item in the region: the sentences may still
            // state it (`SentenceFallback`). Not when the region labels the item in
            // the asked measure but for another year, scope, stage or period: then
            // the labels have spoken.
            var closest: Answer?
            let labelled = near.contains { $0.row.report.region == q.region && FactRanker.fitsMetric($0.row, q) }
            if !labelled {
                let found = try answerFromSentences(q, label: label)
                if var a = found.answer {
                    if result.explaining {
                        a.explain = "sentence: BM25 over the region's sentences; the label stands before the figure"
                    }
                    result.answer = a
                    return result
                }
                closest = found.closest
            }
            result.message =
                "no answer found for \(q.label ?? "")" + (near.isEmpty && closest == nil ? "" : "; closest candidates follow")
            if let closest { result.alternatives.append(closest) }
            near.sort { FactRanker.closer($0, $1, q) }
            var seen = Set<String>()
            for n in near where result.alternatives.count < 3 {
                guard seen.insert("\(n.row.report.doc)|\(n.row.label)|\(n.row.value)|\(n.row.year ?? 0)").inserted else {
                    continue
                }
                var a = try searcher.answer(for: n.row, withRelated: false)
                if result.explaining { a.explain = FactRanker.whyRejected(n, q) }
                a.note =
                    "not \(describe(q)): "
                    + [
                        n.row.report.region, n.row.year.map { "\($0)年" }, n.row.scope, n.row.relation,
                        n.setAside
                    ]
                    .compactMap { $0 }.joined(separator: " · ")
                result.alternatives.append(a)
            }
            return result
        }
        if let ambiguity = Self.ambiguity(best, accepted, q) {
            // Two items or two regions fit equally: say so rather than pick one.
            result.message = "no answer found: the question is ambiguous (\(ambiguity.reason)); candidates follow"
            for c in ambiguity.candidates {
                var a = try searcher.answer(for: c.row, withRelated: false)
                a.note = [c.row.report.region, c.row.label, c.row.scope].compactMap { $0 }.joined(separator: " · ")
                if result.explaining { a.explain = "ties with the other candidates on label, scope and stage" }
                result.alternatives.append(a)
            }
            return result
        }
        result.answer = try searcher.answer(for: best.row, withRelated: true)
        if result.explaining { result.answer?.explain = FactRanker.whyChosen(best, q, asked: label) }
        if q.metric == .change, var a = result.answer, let v = a.value, let unit = a.unit {
            // Stored signed (a decrease is negative): the answer says which way.
            a.relation = v < 0 ? "下降" : v > 0 ? "增长" : "持平"
            a.text = (a.relation ?? "") + Answer.readable(value: abs(v), unit: unit)
            result.answer = a
        }
        // Alternatives: the same item at nearly the same score, but a different
        // scope, stage, year or region — never the same figure twice.
        var seen: Set<String> = [key(best.row)]
        for c in accepted.dropFirst() where result.alternatives.count < 3 {
            guard FactRanker.isAlternative(c.rank, to: best.rank), seen.insert(key(c.row)).inserted else { continue }
            var a = try searcher.answer(for: c.row, withRelated: false)
            a.note = FactRanker.distinction(c.row, from: best.row)
            if result.explaining { a.explain = FactRanker.whyLost(c, to: best, q) }
            result.alternatives.append(a)
        }
        return result
    }

    /// Scores `rows`: candidates that pass every filter go to `accepted`, those
    /// with the right item but the wrong year, region, scope or measure to `near`.
    private func scan(
        _ rows: [FactRow], label: String, _ q: FigureQuestion,
        _ accepted: inout [FactRanker.Scored], _ near: inout [FactRanker.Scored]
    ) {
        for row in rows {
            let factLabel = snapshot.foldForAnswers(row.label)
            var l = LabelMatch.score(asked: label, fact: factLabel)
            // `社会保险基金年末滚存结余`: the report's label is 年末滚存结余 and its
            // section says whose (4. 社会保险基金预算).
            if l < LabelMatch.threshold, label.count > factLabel.count, factLabel.count >= 2, label.hasSuffix(factLabel),
                row.section.contains(String(label.dropLast(factLabel.count)))
            {
                l = LabelMatch.completedBySection
            }
            // A share named by the item's stem: 税收收入占比 is written 税比为70% or
            // 税收占…的比重为95.99% (label 税收, relation 占).
            if l < LabelMatch.threshold, q.metric == .share, row.kind == .percent,
                let stem = Self.shareStem(factLabel) ?? (row.relationKind == .share ? factLabel : nil),
                label.hasPrefix(stem)
            {
                l = LabelMatch.shareByStem
            }
            // `专项债务余额` answered by a fact labelled 专项债务: only when the rest
            // of the asked label (余额) is in the fact's sentence or section.
            var mustMention: [String] = q.reference.map { [snapshot.foldForAnswers($0)] } ?? []
            if l >= LabelMatch.threshold, l < LabelMatch.shorterCeiling, label.count > factLabel.count {
                let extra =
                    label.hasPrefix(factLabel)
                    ? String(label.dropFirst(factLabel.count)) : String(label.dropLast(factLabel.count))
                if !row.section.contains(extra) { mustMention.append(extra) }
            }
            // 苏木镇及开发区公共财政预算支出 is that place's part of the item, unless the
            // place is the report's own region (浦东新区's 新区一般公共预算收入).
            if let place = LabelMatch.placeBefore(asked: label, fact: factLabel),
                !(row.report.region.map { $0.hasSuffix(place) || $0.hasPrefix(place) } ?? false)
            {
                l = 0
            }
            guard l > 0 else { continue }
            if let rank = FactRanker.rank(row, q, label: l) {
                accepted.append(.init(row: row, label: l, rank: rank, mustMention: mustMention))
            } else if l >= LabelMatch.threshold {
                near.append(.init(row: row, label: l, rank: nil))
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
    /// needs or covers another part of the year than asked (`Periods`); those of
    /// the wrong period join `near`. Reads at most `budget` paragraphs, then drops
    /// the unchecked rest.
    private func verified(
        _ sorted: [FactRanker.Scored], _ q: FigureQuestion, _ near: inout [FactRanker.Scored],
        budget: Int = 32
    ) -> [FactRanker.Scored] {
        var out: [FactRanker.Scored] = []
        var reads = 0
        for c in sorted {
            // A plan is for the whole year, even in a report on half of it.
            let period =
                Periods.needsSentence(q.period, c.row.report) && !(q.period == nil && c.row.relationKind.isPlan)
            guard !c.mustMention.isEmpty || period else {
                out.append(c)
                continue
            }
            guard reads < budget else { continue }
            reads += 1
            guard let (sentence, leadUp) = foldedContext(c.row) else { continue }
            if c.mustMention.contains(where: { !sentence.contains($0) }) { continue }
            if period, !Periods.fits(q.period, sentence: leadUp, report: c.row.report) {
                var n = c
                n.setAside =
                    Periods.months(in: leadUp).map { "\($0.0)—\($0.1)月" } ?? c.row.report.metadata.period
                    ?? "a part of the year neither its sentence nor its report states"
                near.append(n)
                continue
            }
            out.append(c)
        }
        return out
    }

    /// An actual figure was asked for (no stage, a past year), but the leading
    /// candidate carries no stage word of its own while its sentence says it is a
    /// budget: `调整后,…一般公共预算收入为126,600万元` (the adjusted budget, before
    /// the actual 132,646万元) or `收入预期为2020300万元` (the budget, before the
    /// 决算 2013817万元). Such leaders go to `near`, labelled; at most four
    /// sentences are read, since only the leaders decide the answer.
    private func dropUnmarkedBudgets(
        _ accepted: inout [FactRanker.Scored], _ q: FigureQuestion, _ near: inout [FactRanker.Scored]
    ) {
        guard q.metric == .amount, q.stage == nil || q.stage == .actual else { return }
        var reads = 0
        while let first = accepted.first, first.row.relation == nil, reads < 4,
            first.row.year == nil || first.row.year != first.row.report.budgetYear
        {
            reads += 1
            guard let (sentence, clause) = textBefore(first.row) else { return }
            let stage: String? =
                sentence.contains("调整后") || sentence.contains("调整为")
                ? "调整后"
                : ["预期", "预算为", "预算数"].first { clause.contains($0) } ?? (clause.hasSuffix("预算") ? "预算" : nil)
            guard let stage else { return }
            var n = accepted.removeFirst()
            n.setAside = stage
            near.append(n)
        }
    }

    /// A figure summed over several years (`2013~2017年,…累计实现…713.08亿元`) is no
    /// answer for one of them, though its year reads as the span's last: such leaders
    /// go to `near`, labelled with the span. At most four sentences are read.
    private func dropYearSpans(_ accepted: inout [FactRanker.Scored], _ near: inout [FactRanker.Scored]) {
        var reads = 0
        while let first = accepted.first, reads < 4 {
            reads += 1
            guard let (sentence, _) = textBefore(first.row), let span = Periods.yearSpan(in: sentence) else { return }
            var n = accepted.removeFirst()
            n.setAside = "\(span.0)—\(span.1)年"
            near.append(n)
        }
    }

    /// A row's fact and the scalars of its paragraph's text; nil when the paragraph
    /// cannot be read. A row's facts were read to make it: they cannot be damaged here.
    private func factInText(_ row: FactRow) -> (fact: NumberFact, scalars: [Unicode.Scalar])? {
        guard let p = try? index.paragraph(segment: row.segment, doc: row.doc),
            let facts = try? index.segments[row.segment].facts
        else { return nil }
        return (facts.fact(row.fact, paragraphText: p.text), Array(p.text.unicodeScalars))
    }

    /// The folded text of a fact's sentence before the fact, and of its clause (from
    /// the last comma) before it.
    func textBefore(_ row: FactRow) -> (sentence: String, clause: String)? {
        guard let (fact, scalars) = factInText(row) else { return nil }
        let range = SentenceBoundaries.statement(in: scalars, around: fact.start..<fact.end)
        guard range.lowerBound <= fact.start, fact.start <= scalars.count else { return nil }
        let before = snapshot.foldForAnswers(String(String.UnicodeScalarView(scalars[range.lowerBound..<fact.start])))
        let clause = before.split(whereSeparator: { "，,、".contains($0) }).last.map(String.init) ?? before
        return (before, clause)
    }

    /// Whether the region asked about labels a figure with `item` itself.
    private func regionLabels(_ item: String, _ q: FigureQuestion) throws(SearchError) -> Bool {
        guard q.region != nil else { return false }
        return try !searcher.factRows(region: q.region, keep: { self.snapshot.foldForAnswers($0) == item }).isEmpty
    }

    /// Words that name a kind of figure, not one: `收入` alone could be any of a
    /// report's dozens of revenues.
    static let kindWords: Set<String> = ["收入", "支出", "余额", "限额", "债务", "预算", "资金", "结余", "基金", "财政收入", "财政支出"]

    /// `收入` alone: asked back with the items of that kind the reports state most
    /// often (in the region asked for, when one is), not answered with a guess.
    private func askBackItem(_ kind: String, _ q: FigureQuestion, _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        var counts: [String: Int] = [:]
        for row in try searcher.factRows(region: q.region, keep: { $0.hasSuffix(kind) && $0.count > kind.count }) {
            counts[row.label, default: 0] += 1
        }
        try deadline.check()
        let labels = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(8).map(\.key)
        result.choices = labels
        result.message =
            labels.isEmpty
            ? "no answer found: \(kind) names no one item; ask for one (such as 一般公共预算\(kind))"
            : "asked back: which \(kind)? " + labels.joined(separator: "、")
        return result
    }

    /// The one item of `kind` the region states for the scope asked, or at the
    /// year's end when that is asked (`县本级支出` is 一般公共预算支出 where 县本级 has no
    /// other 支出; `年末结余` where 年末结余 is the only 结余 at the end of the year); nil
    /// when the question narrows nothing or several items remain, which are asked back.
    private func onlyItem(of kind: String, _ q: FigureQuestion) throws(SearchError) -> String? {
        guard q.region != nil, q.scope != nil || q.place != nil || q.period == .yearEnd else { return nil }
        var items = Set<String>()
        for row in try searcher.factRows(region: q.region, keep: { $0.hasSuffix(kind) && $0.count > kind.count })
        where row.kind == .amount && !row.relationKind.isChange {
            if let target = FactRanker.targetYear(q.year, row.report), row.year != target { continue }
            if let scope = q.scope, !(row.scope.map { FactRanker.sameScope(scope, $0) } ?? false) { continue }
            if let place = q.place, row.scope != place { continue }
            if q.period == .yearEnd, !["年末", "年终", "滚存"].contains(where: { row.label.contains($0) }) { continue }
            items.insert(snapshot.foldForAnswers(row.label))
        }
        return items.count == 1 ? items.first : nil
    }

    /// A figure question naming no region, over an index of several: which
    /// region's figure is meant is asked back, with the regions that have one.
    private func askBackRegion(_ accepted: [FactRanker.Scored], _ base: AskResult) -> AskResult {
        var result = base
        var regions: [String] = []
        for c in accepted {
            let r = c.row.report.region ?? c.row.report.doc
            if !regions.contains(r) { regions.append(r) }
        }
        result.choices = regions
        result.message =
            "asked back: which region? " + regions.prefix(8).joined(separator: "、")
            + (regions.count > 8 ? "… (\(regions.count) regions)" : "") + " (the question names none)"
        return result
    }

    /// `…收入和支出分别是多少`: each part answered as its own question; an answer
    /// only when every part has one, each with its citation.
    private func answerParts(_ questions: [FigureQuestion], _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        var parts: [Answer] = []
        for q in questions {
            let r = try answerValue(q, base)
            guard let a = r.answer else {
                result.message = (r.message ?? "no answer found") + " (part: \(q.label ?? ""))"
                result.alternatives = r.alternatives
                result.choices = r.choices
                return result
            }
            parts.append(a)
        }
        var whole = Answer(
            text: parts.map { "\($0.label ?? "") \($0.text)" }.joined(separator: "；"), value: nil, unit: nil,
            label: questions.compactMap(\.label).joined(separator: "、"), scope: questions.first?.scope,
            year: parts.first?.year, relation: nil,
            region: parts.first?.region, sentence: nil, citation: parts.first?.citation)
        whole.parts = parts
        result.answer = whole
        return result
    }

    /// When the best candidate does not settle the question: another region's
    /// figure fits as well and no region was asked (with several regions in the
    /// index), or the asked label is only part of two different items that fit
    /// equally (`一般公共预算` → 一般公共预算收入 or 一般公共预算支出).
    static func ambiguity(
        _ best: FactRanker.Scored, _ accepted: [FactRanker.Scored],
        _ q: FigureQuestion
    ) -> (reason: String, candidates: [FactRanker.Scored])? {
        if q.region == nil {
            var byRegion: [String: FactRanker.Scored] = [:]
            for c in accepted where FactRanker.isAlternative(c.rank, to: best.rank) && c.label == best.label {
                let r = c.row.report.region ?? c.row.report.doc
                if byRegion[r] == nil { byRegion[r] = c }
            }
            if byRegion.count > 1 {
                let list = byRegion.values.sorted { $0.rank.beats($1.rank) }
                let names = list.compactMap { $0.row.report.region }
                let shown = names.prefix(5).joined(separator: "、") + (names.count > 5 ? "… (\(names.count) regions)" : "")
                return ("which region: " + shown + "?", Array(list.prefix(4)))
            }
        }
        if best.label < 1 {
            let rivals = accepted.filter {
                $0.label >= best.label - 0.001 && $0.row.label != best.row.label
                    && $0.row.report.doc == best.row.report.doc && $0.row.year == best.row.year
                    && $0.row.value != best.row.value
            }  // two names for one figure are no ambiguity
            if let rival = rivals.first {
                return ("\(best.row.label) or \(rival.row.label)?", [best, rival])
            }
        }
        return nil
    }

    private func key(_ r: FactRow) -> String { "\(r.report.doc)|\(r.value)|\(r.scope ?? "")|\(r.year ?? 0)" }

    private func describe(_ q: FigureQuestion) -> String {
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

    /// What the checks after ranking read of a fact's paragraph, folded, from one
    /// read of it: the statement holding the fact (to a semicolon), and the text
    /// from the start of its full sentence (a full stop) to the end of the fact —
    /// where a period said for it stands: `上半年，…收入249.1亿元；…支出349.4亿元` is
    /// 上半年 for both, and months in an aside after it (`（取自《…1-5月…通报》）`) are
    /// not its period. Nil when the paragraph cannot be read.
    func foldedContext(_ row: FactRow) -> (statement: String, leadUp: String)? {
        guard let (fact, scalars) = factInText(row) else { return nil }
        let statement = SentenceBoundaries.statement(in: scalars, around: fact.start..<fact.end)
        let end = min(max(0, fact.end), scalars.count)
        var start = min(max(0, fact.start), end)
        while start > 0, !SentenceBoundaries.endsSentence(scalars[start - 1].value) { start -= 1 }
        func folded(_ r: Range<Int>) -> String { snapshot.foldForAnswers(String(String.UnicodeScalarView(scalars[r]))) }
        return (folded(statement), folded(start..<end))
    }
}
