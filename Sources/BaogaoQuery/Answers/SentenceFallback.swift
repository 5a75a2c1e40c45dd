import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest

/// When no fact's label names the asked item (the extractor missed it:
/// `全县一般公共预算收入实现21.8亿元` leaves 21.8亿元 unlabelled), the answer is
/// looked for in the sentences themselves:
///
/// 1. the candidates are the facts of the asked region and year (scope, stage and
///    period as for labelled facts) of the asked kind — an amount, a change, a
///    completion rate (its clause says 预算 or 计划), a share (占, 比重), a count
///    in the asked unit;
/// 2. their sentences are ranked by BM25 over the asked label's character bigrams
///    (documents: the candidate sentences; `BM25` of the search engine);
/// 3. in the best sentence that holds one, the figure whose window — the text
///    before it back to the sentence start or to a figure of the same kind that
///    names another item — holds the asked label nearest before it answers.
///
/// The confidence says how the label was found in the window (`SentenceMatch`):
/// written as asked, or with at most two characters inside it
/// (一般公共预算财政支出 for 一般公共预算支出), which the answer says. Anything
/// looser is no answer: the sentence with the best window is listed as the
/// closest candidate instead.
extension Answerer {
    struct SentenceCandidate {
        var row: FactRow
        var match: SentenceMatch
    }

    func answerFromSentences(_ q: FigureQuestion, label: String) throws(SearchError) -> (answer: Answer?, closest: Answer?) {
        guard let region = q.region, q.unknownRegion == nil, label.count >= 2 else { return (nil, nil) }
        var sentences: [(text: String, candidates: [SentenceCandidate])] = []
        for s in index.segments.indices {
            let segment = index.segments[s]
            let facts = try SearchError.reading { () throws(IndexError) in try segment.facts }
            for r in 0..<segment.reportCount {
                let (report, docs) = try SearchError.reading { () throws(IndexError) in
                    (try segment.report(r), try segment.docs(ofReport: r))
                }
                guard report.region == region else { continue }
                for d in docs where !segment.isDeleted(d) {
                    let range = facts.facts(ofDoc: d)
                    guard !range.isEmpty else { continue }
                    try deadline.check()
                    let rows = range.map { i in sentenceRow(s, facts, i, d, report) }
                    guard rows.contains(where: { fitsAskedKindCheap($0, q) }) else { continue }
                    guard let p = try? index.paragraph(segment: s, doc: d) else { continue }
                    sentences += candidates(in: p, table: facts, facts: range, rows: rows, q, label: label)
                }
            }
        }
        let scored = Self.rankSentences(sentences.map(\.text), label: label)
        // Each sentence's best window; the confident ones compete field by field —
        // confidence, then scope and stage as `FactRank` has them (an unasked scope
        // means the whole), then the sentence's BM25 order. With none confident,
        // the top sentence's window is the closest candidate.
        var tops: [(candidate: SentenceCandidate, order: Int)] = []
        for (order, (k, _)) in scored.enumerated() {
            if let top = sentences[k].candidates.min(by: { $0.match.beats($1.match) }) { tops.append((top, order)) }
        }
        func key(_ t: (candidate: SentenceCandidate, order: Int)) -> (Int, Int, Int, Int) {
            let row = t.candidate.row
            let confidence = t.candidate.match.confidence == .high ? 2 : t.candidate.match.confidence == .medium ? 1 : 0
            return (confidence, FactRanker.scopeFit(row, q)?.rawValue ?? 0, FactRanker.stageFit(row, q)?.rawValue ?? 0, -t.order)
        }
        let confident = tops.filter { $0.candidate.match.confidence != nil }
        guard let best = confident.max(by: { key($0) < key($1) })?.candidate ?? tops.first?.candidate else { return (nil, nil) }
        var a = try searcher.answer(for: best.row, withRelated: false)
        a.label = best.match.written
        guard let confidence = best.match.confidence else {
            a.note = "not confident: the sentence's nearest words to the figure are \(best.match.written), not \(label)"
            return (nil, a)
        }
        a.confidence = confidence.rawValue
        a.note =
            best.match.written == label
            ? "read from the sentence: no figure there is labelled \(label)"
            : "read from the sentence, which writes \(best.match.written) for \(label)"
        return (a, nil)
    }

    private func sentenceRow(_ s: Int, _ facts: FactsTable, _ i: Int, _ d: Int, _ report: IndexedReport) -> FactRow {
        let segment = index.segments[s]
        let f = facts.fact(i, paragraphText: "")
        return FactRow(
            segment: s, fact: i, doc: d, report: report, label: f.label ?? "", labelID: 0,
            relation: f.relation, relationKind: f.relationKind, scope: f.scope,
            year: f.year ?? segment.year(d) ?? report.budgetYear,
            kind: f.kind, value: f.value, unit: f.unit, section: "", factsInParagraph: 0, parentRelation: nil, parentKind: nil)
    }

    /// The filters that need no text: kind, year, scope, stage.
    private func fitsAskedKindCheap(_ row: FactRow, _ q: FigureQuestion) -> Bool {
        if let target = FactRanker.targetYear(q.year, row.report), row.year != target { return false }
        guard FactRanker.scopeFit(row, q) != nil, FactRanker.stageFit(row, q) != nil else { return false }
        switch q.metric {
        case .amount: return row.kind == .amount && !row.relationKind.isChange
        case .count: return row.kind == .count && (q.counted?.unit.map { row.unit.hasPrefix($0) } ?? true)
        case .growth, .change, .completion, .share: return row.kind == .percent
        case .overBudget, .amountChange: return row.kind == .amount
        case .pointChange: return row.kind == .percentagePoint
        }
    }

    /// A rate's kind read from its relation, else from its clause (the text since
    /// the last comma): 完成调整预算103.58% has no relation word the extractor knows.
    private static func fitsRate(_ row: FactRow, clause: String, _ q: FigureQuestion) -> Bool {
        let relation = row.relationKind
        switch q.metric {
        case .growth, .change:
            return relation.isChange || (FactRelation.increaseWords + FactRelation.decreaseWords).contains { clause.contains($0) }
        case .completion:
            return relation == .completion || ["预算", "计划"].contains { clause.contains($0) }
        case .share:
            return relation == .share || ["占", "比重"].contains { clause.contains($0) } || row.label.hasSuffix("比")
        case .overBudget:
            return relation.isOverBudget || ["超收", "短收"].contains { clause.contains($0) }
        case .pointChange:
            return true
        case .amountChange:
            return relation.isChange || (FactRelation.increaseWords + FactRelation.decreaseWords).contains { clause.contains($0) }
        case .amount, .count:
            return true
        }
    }

    /// Whether the words between the item and an unmarked figure say it is another
    /// stage than the one asked (`收入预期目标不变,仍为854000万元` is no actual figure;
    /// `财政总收入目标106亿元,预计完成112亿元`: 106亿元 is no 预计完成). The stage word
    /// nearest the figure decides; an actual figure is what a past year's question
    /// without a stage asks for.
    static func isOtherStage(_ row: FactRow, _ q: FigureQuestion, between: String) -> Bool {
        guard q.metric == .amount, row.relation == nil, let said = stageWritten(in: between) else { return false }
        let pastYear = row.year == nil || row.year != row.report.budgetYear
        guard let asked = q.stage ?? (pastYear ? .actual : nil) else { return false }
        if asked == said { return false }
        // An annual report's draft of its budget year is both its budget and its plan;
        // elsewhere (an adjustment: 目标106亿元,预计完成112亿元) they are two figures.
        let draft = !pastYear && row.report.metadata.kind == .annual
        return !(Set([asked, said]) == [.budget, .planned] && draft)
    }

    /// The stage the last stage word of `text` names, if any.
    static func stageWritten(in text: String) -> Question.Stage? {
        // The word ending last; of two ending together the longer (预计完成, not 完成).
        var best: (end: String.Index, length: Int, stage: Question.Stage)?
        for (word, stage) in stageWordsInSentences {
            guard let r = text.ranges(of: word).last else { continue }
            if best == nil || (r.upperBound, word.count) > (best!.end, best!.length) { best = (r.upperBound, word.count, stage) }
        }
        return best?.stage
    }

    static let stageWordsInSentences: [(String, Question.Stage)] = [
        ("预期", .budget), ("目标", .budget), ("预算", .budget), ("计划", .budget), ("任务", .budget),
        ("调整", .adjusted), ("预计", .planned), ("预计完成", .planned), ("实际", .actual), ("完成", .actual),
        ("实现", .actual)
    ]

    /// The sentences of paragraph `p` with their candidate figures and windows.
    private func candidates(
        in p: IndexedParagraph, table: FactsTable, facts range: Range<Int>, rows: [FactRow], _ q: FigureQuestion,
        label: String
    ) -> [(text: String, candidates: [SentenceCandidate])] {
        let all = range.map { table.fact($0, paragraphText: p.text) }
        let scalars = Array(p.text.unicodeScalars)
        var bySentence: [Range<Int>: [SentenceCandidate]] = [:]
        var order: [Range<Int>] = []
        for (k, row) in rows.enumerated() where fitsAskedKindCheap(row, q) {
            let fact = all[k]
            let sentence = SentenceBoundaries.statement(in: scalars, around: fact.start..<fact.end)
            guard sentence.lowerBound <= fact.start else { continue }
            let text = { (r: Range<Int>) in String(String.UnicodeScalarView(scalars[r])) }
            if Periods.needsSentence(q.period, row.report),
                !Periods.fits(q.period, sentence: snapshot.foldForAnswers(text(sentence)), report: row.report)
            {
                continue
            }
            // The window starts after the last figure of the same kind that names another item.
            var start = sentence.lowerBound
            for (j, other) in all.enumerated()
            where j < k && other.end <= fact.start && other.start >= sentence.lowerBound
                && other.kind == fact.kind && !(other.label ?? "").isEmpty
                && LabelMatch.score(asked: label, fact: snapshot.foldForAnswers(other.label ?? "")) < LabelMatch.threshold
            {
                start = max(start, other.end)
            }
            let before = snapshot.foldForAnswers(text(start..<fact.start))
            let clause = before.split(whereSeparator: { "，,；;：:".contains($0) }).last.map(String.init) ?? before
            guard Self.fitsRate(row, clause: clause, q), let match = SentenceMatch.find(label, in: before) else { continue }
            if Self.isOtherStage(row, q, between: String(before.suffix(match.distance))) { continue }
            // 帮助多少家企业获得贷款: what is counted follows the figure (帮助119家企业获得贷款).
            if let counted = q.counted?.thing, fact.end <= sentence.upperBound,
                !snapshot.foldForAnswers(text(fact.end..<sentence.upperBound)).contains(counted)
            {
                continue
            }
            if bySentence[sentence] == nil { order.append(sentence) }
            bySentence[sentence, default: []].append(SentenceCandidate(row: row, match: match))
        }
        return order.map { r in (snapshot.foldForAnswers(String(String.UnicodeScalarView(scalars[r]))), bySentence[r] ?? []) }
    }

    /// Sentence indexes with their BM25 score for the label's bigrams, best first
    /// (ties in reading order).
    static func rankSentences(_ texts: [String], label: String) -> [(Int, Double)] {
        let terms = Set(bigrams(label))
        guard !texts.isEmpty, !terms.isEmpty else { return [] }
        let grams = texts.map { bigrams($0) }
        let bm25 = BM25(documents: texts.count, averageLength: Double(grams.map(\.count).reduce(0, +)) / Double(texts.count))
        var df: [String: Int] = [:]
        for g in grams { for t in Set(g).intersection(terms) { df[t, default: 0] += 1 } }
        let scores = grams.enumerated().map { k, g -> (Int, Double) in
            var counts: [String: UInt32] = [:]
            for t in g where terms.contains(t) { counts[t, default: 0] += 1 }
            let s = counts.reduce(0.0) {
                $0 + bm25.score(idf: bm25.idf(docFreq: df[$1.key] ?? 0), count: $1.value, length: g.count)
            }
            return (k, s)
        }
        return scores.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    static func bigrams(_ s: String) -> [String] {
        let chars = Array(s)
        guard chars.count >= 2 else { return [] }
        return (0..<chars.count - 1).map { String(chars[$0...$0 + 1]) }
    }
}

/// How the asked label was found in the text before a figure.
struct SentenceMatch {
    enum Confidence: String { case high, medium }

    /// What the text says where the label was found (the label itself, or the
    /// span holding its characters in order).
    var written: String
    /// Characters inside the span that are not the label's (0 when written as asked).
    var extra: Int
    /// Characters between the span's end and the figure.
    var distance: Int

    /// `high`: written as asked; `medium`: its characters in order with at most
    /// `LabelMatch`'s two extra; nil otherwise (no answer).
    var confidence: Confidence? {
        extra == 0 ? .high : extra <= 2 ? .medium : nil
    }

    /// Better: fewer extra characters, then nearer the figure.
    func beats(_ o: SentenceMatch) -> Bool { (extra, distance) < (o.extra, o.distance) }

    /// The occurrence of `label` nearest the end of `text`: as written, else the
    /// shortest span ending nearest the end that holds its characters in order.
    static func find(_ label: String, in text: String) -> SentenceMatch? {
        let t = Array(text)
        let l = Array(label)
        guard !l.isEmpty, t.count >= l.count else { return nil }
        if let r = text.ranges(of: label).last {
            return SentenceMatch(written: label, extra: 0, distance: text.distance(from: r.upperBound, to: text.endIndex))
        }
        var best: SentenceMatch?
        // Spans ending with the label's last character, nearest the end first.
        for end in stride(from: t.count - 1, through: l.count - 1, by: -1) where t[end] == l[l.count - 1] {
            var i = l.count - 1
            var j = end
            while i >= 0, j >= 0 {
                if t[j] == l[i] { i -= 1 }
                if i >= 0 { j -= 1 }
            }
            guard i < 0 else { break }
            let m = SentenceMatch(written: String(t[j...end]), extra: end - j + 1 - l.count, distance: t.count - 1 - end)
            // 一般公共预算总收入 is not 一般公共预算收入, nor 收入增收 收入 (`LabelMatch`).
            if LabelMatch.isAnotherItem(asked: label, fact: m.written) { continue }
            if best == nil || m.beats(best!) { best = m }
            if m.extra <= 2 { break }
        }
        return best
    }
}
