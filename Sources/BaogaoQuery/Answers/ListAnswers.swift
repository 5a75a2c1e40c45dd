import BaogaoAnalysis
import BaogaoIndex

/// List questions: "解放区2024年哪些支出科目超过1亿元？" → the budget lines that
/// qualify, each with its figure and citation, and only those. A question that
/// names one figure ("哪些地区的教育支出超过10亿元？", "…政府债务余额超过100亿元")
/// is answered from every fact with that label, wherever the report states it:
/// 焦作市 gives its 教育支出 in prose, not in a list of lines.
///
/// Which facts are budget lines: a report lists them as a run — one paragraph
/// naming at least three items (`一般公共服务支出5.59亿元，增长0.7%；公共安全支出…`)
/// or consecutive paragraphs of one section naming one or two each (`1.一般公共服务
/// 支出 20160万元…`, `2.国防支出 211万元…`). An item is a label ending in 支出 (or
/// 预备费) that is not a total or a transfer (一般公共预算支出, 上解上级支出,
/// 补助镇级支出, …支出总量). Facts elsewhere in the report (a 3亿元 investment in a
/// work review) are never lines, whatever their value.
///
/// The threshold is the query language's number range (`>1亿元`, `增长>10%`),
/// matched by `RangeMatcher`, so `ask` and `baogao facts` agree on what "over 1亿元"
/// means.
extension Answerer {
    func answerList(_ q: ListQuestion, _ base: AskResult) throws(SearchError) -> AskResult {
        var result = base
        if let place = q.unknownRegion {
            result.message = try unknownRegionMessage(place, inside: q.regionsInside)
            return result
        }
        if case .unreadable(let text) = q.threshold {
            result.message = "no answer found: cannot read the threshold \(text)"
            return result
        }
        let range = q.threshold.range
        if let whole = q.whole { return try answerParts(of: whole, q, result) }
        let named = q.label
        let rows = try searcher.factRows(
            region: q.region, keep: { label in named.map { label.contains($0) } ?? Self.isItem(label) })
        try deadline.check()
        let lines = named == nil ? Self.budgetLineDocs(rows) : []
        var items: [AnswerItem] = []
        var seen = Set<String>()
        var sawLines = false
        // One prepared matcher per segment: it decides units and relations once per string.
        var matchers: [Int: RangeMatcher] = [:]
        for row in rows where named != nil || lines.contains(DocKey(segment: row.segment, doc: row.doc)) {
            // "哪些地区的教育支出超过10亿元": that figure only, wherever it is.
            if let item = named {
                guard row.label.contains(item) else { continue }
            } else {
                guard Self.isItem(row.label) else { continue }
            }
            if let target = FactRanker.targetYear(q.year, row.report), row.year != target { continue }
            // 重庆哪些区县…: only the regions inside the place named.
            if !q.regionsInside.isEmpty, !q.regionsInside.contains(row.report.region ?? "") { continue }
            if let kind = q.itemKind, !(row.label.hasSuffix(kind) || (kind == "支出" && row.label == "预备费")) { continue }
            if let scope = q.scope, let s = row.scope, !FactRanker.sameScope(scope, s) { continue }
            if let budget = q.budget {
                // The row holds the joined path; this is one of its headings.
                let segment = index.segments[row.segment]
                let section = try SearchError.reading { () throws(IndexError) in
                    try segment.sectionPath(ofDoc: row.doc)
                }
                guard section.contains(where: { $0.contains(budget) }) else { continue }
            }
            let wantsPercent = range?.kind == .percent || range?.relation != nil
            guard wantsPercent ? row.kind == .percent : row.kind == .amount else { continue }
            sawLines = true
            if let range {
                // Taken out and put back, so the dictionary never shares (and copies) its tables.
                let facts = try SearchError.reading { () throws(IndexError) in try index.segments[row.segment].facts }
                var matcher = matchers.removeValue(forKey: row.segment) ?? RangeMatcher(range, facts)
                let ok = matcher.matches(row.fact)
                matchers[row.segment] = matcher
                if !ok { continue }
            }
            guard seen.insert("\(row.report.doc)|\(row.label)|\(row.value)|\(row.year ?? 0)").inserted else { continue }
            if let item = try listItem(row) { items.append(item) }
        }
        guard sawLines else {
            result.message =
                named.map { "no answer found: no figure of \($0) for this region and year" }
                ?? "no answer found: no budget lines for this region and year"
            return result
        }
        if range != nil { items.sort { abs($0.value) > abs($1.value) } }
        let summary =
            items.isEmpty ? "没有符合条件的科目" : "\(items.count)项：" + items.map { "\($0.label) \($0.text)" }.joined(separator: "，")
        result.answer = Answer(
            text: summary, value: nil, unit: nil, label: q.itemKind, scope: q.scope, year: nil,
            relation: q.threshold.written, region: q.region, sentence: nil, citation: items.first?.citation,
            items: items)
        return result
    }

    struct DocKey: Hashable {
        var segment: Int
        var doc: Int
    }

    /// Words that make a 支出 label a total, a balance line or a transfer rather than a budget line.
    static let notItemWords = [
        "一般公共预算", "政府性基金", "国有资本", "社会保险", "上解", "补助", "总量", "总计", "总支出", "调出",
        "、"
    ]

    /// Called for every fact of a list question's region (a million on a large
    /// index): the words are looked for as UTF-8 bytes, not through Foundation's
    /// locale-aware string search, which cost seconds there.
    static func isItem(_ label: String) -> Bool {
        guard label.hasSuffix("支出") || label == "预备费" else { return false }
        var label = label
        return label.withUTF8 { bytes in !notItemBytes.contains { Occurrences.contains($0, in: bytes) } }
    }

    private static let notItemBytes = notItemWords.map { Array($0.utf8) }

    /// The paragraphs holding budget lines: one naming ≥ 3 items, or a run of
    /// adjacent paragraphs of one section that name ≥ 3 items together.
    /// Items are told apart by label id (ids of one segment; runs never cross
    /// segments), not by hashing label strings: an index-wide list has a million rows.
    static func budgetLineDocs(_ rows: [FactRow]) -> Set<DocKey> {
        var itemsOf: [DocKey: Set<Int>] = [:]
        var order: [DocKey] = []
        var factCount: [DocKey: Int] = [:]
        for row in rows where row.kind == .amount && isItem(row.label) {
            factCount[DocKey(segment: row.segment, doc: row.doc)] = row.factsInParagraph
            let k = DocKey(segment: row.segment, doc: row.doc)
            if itemsOf[k] == nil { order.append(k) }
            itemsOf[k, default: []].insert(row.labelID)
        }
        var out = Set<DocKey>()
        var run: [DocKey] = []
        var runItems = Set<Int>()
        func close() {
            if runItems.count >= 3 { out.formUnion(run) }
            run = []
            runItems = []
        }
        for k in order.sorted(by: { ($0.segment, $0.doc) < ($1.segment, $1.doc) }) {
            let labels = itemsOf[k] ?? []
            if labels.count >= 3 { out.insert(k) }
            // A line paragraph of a run states little besides its line(s); prose
            // paragraphs that happen to name one 支出 each are not a list.
            let short = labels.count <= 2 && (factCount[k] ?? 0) <= 4
            if let last = run.last, last.segment == k.segment, last.doc + 1 == k.doc, short {
                run.append(k)
                runItems.formUnion(labels)
            } else {
                close()
                if short {
                    run = [k]
                    runItems = labels
                }
            }
        }
        close()
        return out
    }

    /// One line of a list answer: the fact with its text and citation; nil when its
    /// paragraph cannot be cited.
    func listItem(_ row: FactRow) throws(SearchError) -> AnswerItem? {
        let a = try searcher.answer(for: row, withRelated: false)
        guard let citation = a.citation else { return nil }
        return AnswerItem(
            label: row.label, text: a.text, value: row.value, unit: row.unit, scope: row.scope,
            year: row.year, region: row.report.region, citation: citation)
    }
}
