import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest

/// List questions about the parts of one figure: `中江县2019年一般公共预算收入总量中
/// 哪些收入超过5亿元？`, `…一揽子政策资金中哪些超过1亿元？`. The whole is found as a
/// value question finds its figure (`LabelMatch`, the region, the year); its parts
/// are the other amounts of its sentence, listed after it (`其中：…`) or before it
/// (`…、调入资金20,289万元,收入总量为610,013万元`), not changes or rates of them, nor
/// the whole again; the threshold
/// and the kind of item (收入, 支出) apply as to any list.
extension Answerer {
    func answerParts(of whole: String, _ q: ListQuestion, _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        let asked = snapshot.foldForAnswers(whole)
        let rows = try searcher.factRows(region: q.region)
        try deadline.check()
        // The whole: the best label match of the region and year, first in reading order.
        var best: (score: Double, row: FactRow)?
        for row in rows where row.kind == .amount && !row.relationKind.isChange {
            if let target = FactRanker.targetYear(q.year, row.report), row.year != target { continue }
            let score = LabelMatch.score(asked: asked, fact: snapshot.foldForAnswers(row.label))
            guard score >= LabelMatch.threshold, score > best?.score ?? 0 else { continue }
            best = (score, row)
        }
        guard let whole = best?.row else {
            result.message = "no answer found: no figure of \(whole) for this region and year"
            return result
        }
        // Its parts: the other amounts of its sentence, before it (`…、调入资金20,289万元,
        // 收入总量为610,013万元`) or after it (`…资金49,980万元,其中：…`).
        let paragraph: IndexedParagraph
        do { paragraph = try index.paragraph(segment: whole.segment, doc: whole.doc) } catch { throw .index(error) }
        let facts = try SearchError.reading { () throws(IndexError) in try index.segments[whole.segment].facts }
        let scalars = Array(paragraph.text.unicodeScalars)
        let w = facts.fact(whole.fact, paragraphText: paragraph.text)
        let sentence = SentenceBoundaries.statement(in: scalars, around: w.start..<w.end)
        var items: [AnswerItem] = []
        var matcher = q.threshold.range.map { RangeMatcher($0, facts) }
        for row in rows
        where row.segment == whole.segment && row.doc == whole.doc && row.fact != whole.fact && row.kind == .amount
            && !row.relationKind.isChange && row.label != whole.label
            && sentence.contains(facts.fact(row.fact, paragraphText: paragraph.text).start)
        {
            if let kind = q.itemKind, !row.label.hasSuffix(kind) { continue }
            if var m = matcher {
                let ok = m.matches(row.fact)
                matcher = m
                if !ok { continue }
            }
            if let item = try listItem(row) { items.append(item) }
        }
        items.sort { abs($0.value) > abs($1.value) }
        let summary =
            items.isEmpty ? "没有符合条件的科目" : "\(items.count)项：" + items.map { "\($0.label) \($0.text)" }.joined(separator: "，")
        result.answer = Answer(
            text: summary, value: nil, unit: nil, label: whole.label, scope: q.scope, year: whole.year,
            relation: q.threshold.written, region: whole.report.region, sentence: nil, citation: items.first?.citation,
            items: items)
        return result
    }
}
