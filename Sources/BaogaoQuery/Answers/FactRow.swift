import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest

/// One number fact of the index with what ranking needs, read without the
/// paragraph text.
struct FactRow: Sendable {
    var segment: Int
    var fact: Int
    var doc: Int
    var report: IndexedReport
    var label: String
    /// The label's id in its segment's facts table: one id per label string there.
    var labelID: Int
    var relation: String?
    /// What `relation` says, as stored with the fact.
    var relationKind: FactRelation
    var scope: String?
    /// The year the fact speaks of: its own, else its paragraph's, else the report's budget year.
    var year: Int?
    var kind: NumberFact.Kind
    var value: Double
    var unit: String
    /// The paragraph's section path, joined (`一、… › 4. 社会保险基金预算`).
    var section: String
    /// How many facts the paragraph states (a budget line states one or two).
    var factsInParagraph: Int
    /// For a part written `（含高新区 …）` (relation 含): the relation of the whole
    /// it belongs to, the fact before it (`实际完成 30.5 亿元（含高新区 10 亿元）`).
    var parentRelation: String?
    /// What `parentRelation` says.
    var parentKind: FactRelation?
}

extension Searcher {
    /// Every live fact with a label, optionally only those of `region`'s reports
    /// and whose label passes `keep` (tested on the label alone, before the rest
    /// of the fact is decoded: most facts of a large index fail it).
    /// The segments are read side by side: a question about no region in
    /// particular reads every fact of the index.
    /// With `reports`, only the facts of the reports it accepts are read (a comparison
    /// of one year reads the reports of the years around it, not the whole index).
    func factRows(
        region: String?, reports accept: (@Sendable (IndexedReport) -> Bool)? = nil,
        keep: @Sendable (String) -> Bool = { _ in true }
    ) throws(SearchError) -> [FactRow] {
        try SegmentFanOut.map(index.segments.count, parallel: fansOut) { s throws(SearchError) in
            try SearchError.reading { () throws(IndexError) in
                try self.factRows(segment: s, region: region, accept: accept, keep: keep)
            }
        }.flatMap { $0 }
    }

    private func factRows(
        segment s: Int, region: String?, accept: ((IndexedReport) -> Bool)?, keep: (String) -> Bool
    ) throws(IndexError) -> [FactRow] {
        var rows: [FactRow] = []
        let segment = index.segments[s]
        // Every report, which checks every paragraph's report index: rows index them by it.
        let reports = try segment.reports
        let facts = try segment.facts
        // Read and joined once per section, not once per fact, and only for sections with rows.
        var sections: [Int: String] = [:]
        func section(_ k: Int) throws(IndexError) -> String {
            if let known = sections[k] { return known }
            let joined = try segment.sectionPath(k).joined(separator: " › ")
            sections[k] = joined
            return joined
        }
        // `keep`'s verdict once per label string of the segment: -1 not yet asked.
        var verdicts = [Int8](repeating: -1, count: facts.stringCount)
        // With a region, only the facts of its reports (each a run of documents,
        // so a run of facts) are read, not every fact of the index.
        let runs: [Range<Int>]
        if region != nil || accept != nil {
            let chosen = (0..<segment.reportCount).filter { r in
                (region == nil || reports[r].region == region) && (accept?(reports[r]) ?? true)
            }
            runs = try chosen.map { (r) throws(IndexError) in
                let docs = try segment.docs(ofReport: r)
                guard let first = docs.first, let last = docs.last else { return 0..<0 }
                return facts.facts(ofDoc: first).lowerBound..<facts.facts(ofDoc: last).upperBound
            }
        } else {
            runs = [0..<facts.count]
        }
        for i in runs.joined() {
            let d = facts.doc(i)
            let report = reports[segment.reportIndex(d)]
            let labelID = facts.labelID(i)
            guard !segment.isDeleted(d), verdicts[labelID] != 0, let label = facts.string(id: labelID) else { continue }
            if verdicts[labelID] < 0 { verdicts[labelID] = keep(label) ? 1 : 0 }
            guard verdicts[labelID] == 1 else { continue }
            let f = facts.fact(i, paragraphText: "")
            var parent: (relation: String?, kind: FactRelation)?
            if f.relationKind == .part {
                var j = i - 1
                while j >= 0, facts.doc(j) == d, facts.relationKind(j) == .part { j -= 1 }
                if j >= 0, facts.doc(j) == d { parent = (facts.relation(j), facts.relationKind(j)) }
            }
            rows.append(
                FactRow(
                    segment: s, fact: i, doc: d, report: report, label: label, labelID: labelID,
                    relation: f.relation, relationKind: f.relationKind,
                    scope: f.scope, year: f.year ?? segment.year(d) ?? report.budgetYear,
                    kind: f.kind, value: f.value, unit: f.unit,
                    section: try section(segment.sectionIndex(d)),
                    factsInParagraph: facts.facts(ofDoc: d).count,
                    parentRelation: parent?.relation, parentKind: parent?.kind))
        }
        return rows
    }

    /// The answer for one fact: its text as written, the sentence, the citation,
    /// and (for the main answer) the related figures of the same sentence.
    func answer(for row: FactRow, withRelated: Bool) throws(SearchError) -> Answer {
        let paragraph: IndexedParagraph
        do { paragraph = try index.paragraph(segment: row.segment, doc: row.doc) } catch { throw .index(error) }
        let facts = try SearchError.reading { () throws(IndexError) in try index.segments[row.segment].facts }
        let fact = facts.fact(row.fact, paragraphText: paragraph.text)
        let scalars = Array(paragraph.text.unicodeScalars)
        let sentence = SentenceBoundaries.statement(in: scalars, around: fact.start..<fact.end)
        var a = Answer(
            text: Self.withTableUnit(fact, paragraph.table), value: fact.value, unit: fact.unit, label: fact.label,
            scope: fact.scope,
            year: row.year, relation: fact.relation, region: row.report.region,
            sentence: String(String.UnicodeScalarView(scalars[sentence])),
            citation: AnswerCitation(paragraph, sentence: sentence), paragraph: paragraph)
        // A part (含高新区 …) shares its whole's label but not its rates.
        if withRelated, fact.relationKind != .part {
            for j in facts.facts(ofDoc: row.doc) where j != row.fact && facts.label(j) == fact.label {
                let other = facts.fact(j, paragraphText: paragraph.text)
                guard sentence.contains(other.start), other.kind != fact.kind || fact.kind != .amount else { continue }
                a.related.append(RelatedFigure(text: other.text, value: other.value, unit: other.unit, relation: other.relation))
            }
        }
        return a
    }

    /// A table cell's number with the unit it is in: `14.9` under `单位：亿元` is
    /// 14.9亿元, in a % column 14.9%; a number written with its unit stays as written.
    static func withTableUnit(_ fact: NumberFact, _ table: TableContext?) -> String {
        guard let table, fact.text.allSatisfy({ $0.isNumber || ".,-－−".contains($0) }) else { return fact.text }
        if fact.kind == .percent { return fact.text + "%" }
        return fact.text + (table.unitWord ?? "")
    }
}
