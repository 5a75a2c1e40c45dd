import BaogaoAnalysis
import BaogaoIndex
import BaogaoIngest
import Dispatch

/// `series` and `compare`: an item's figures across years and regions, chosen
/// with the rules `ask` uses for one figure (`LabelMatch` for the item,
/// `FactRanker.scopeFit` for the scope, `FactRelation` for the stage), so a cell
/// of a series is the figure `ask` would give for that region, year and stage.
///
/// Per region, year and stage, each report's best reading is kept (the better
/// label, then the whole area before a level, then a figure with a stage word
/// before an unmarked one, then reading order); across reports the better
/// label and scope win, then the newer report. The other reports' readings that
/// differ stay as `superseded`, and the year's preliminary execution goes under
/// its 决算 when a final-accounts report gives one.
public struct SeriesBuilder: SearcherFeature {
    let searcher: Searcher

    public init(_ searcher: Searcher) { self.searcher = searcher }

    public func series(_ request: SeriesRequest) throws(SearchError) -> SeriesResult {
        try series(label: request.label, filters: try reportFilters(request.filters), written: request.filters)
    }

    /// `series` of filters already built (`written` is how the result names them):
    /// what `AcrossQuestions` calls, so that a region's name is never text to parse.
    func series(label: String, filters: Filters, written: String) throws(SearchError) -> SeriesResult {
        let start = DispatchTime.now()
        let (plan, wanted) = try seriesPlan(label: label, filters: filters)
        var regions: [RegionSeries] = []
        for (region, years) in plan.sorted(by: { $0.key < $1.key }) {
            try deadline.check()
            var out: [SeriesYear] = []
            // Every year is planned, only the asked ones shown: a year's change
            // is computed against the year before it whether that one is shown or not.
            for (year, cell) in years.sorted(by: { $0.key < $1.key })
            where wanted.isEmpty || wanted.contains(where: { $0.contains(year) }) {
                var figures: [SeriesFigure] = []
                for stage in SeriesStage.allCases { if let c = cell.stages[stage] { figures.append(try figure(c, stage)) } }
                Self.foldExecution(into: &figures)
                var y = SeriesYear(year: year, figures: figures)
                if let g = cell.growth { y.statedGrowth = try figure([g], cell.headlineStage ?? .execution) }
                if let now = y.headline, let before = years[year - 1]?.actual?.row, before.value != 0, before.unit == now.unit {
                    y.computedGrowth = (now.value / before.value - 1) * 100
                }
                out.append(y)
            }
            if !out.isEmpty { regions.append(RegionSeries(region: region, years: out)) }
        }
        return SeriesResult(label: label, filters: written, regions: regions, tookMs: Self.ms(since: start))
    }

    /// `year:` must name one year: a comparison is of one year's figures.
    public func compare(_ request: SeriesRequest) throws(SearchError) -> CompareResult {
        try compare(label: request.label, filters: try reportFilters(request.filters), written: request.filters)
    }

    /// `compare` of filters already built, as `series(label:filters:written:)`.
    func compare(label: String, filters: Filters, written: String) throws(SearchError) -> CompareResult {
        let start = DispatchTime.now()
        let years = filters.years
        guard years.count == 1, let year = years.first?.lowerBound, years[0].upperBound == year else {
            throw .unsupported(position: 0, message: "compare needs one year: year:2023 (then filters such as level:县)")
        }
        // A comparison computes no change: only the year's own facts are planned.
        let (plan, _) = try seriesPlan(label: label, filters: filters, only: year)
        var rows: [CompareRow] = []
        for (region, years) in plan {
            try deadline.check()
            guard let cell = years[year], let stage = cell.headlineStage, let candidates = cell.stages[stage] else { continue }
            var f = try figure(candidates, stage)
            if stage == .final, let execution = cell.stages[.execution] {
                var folded = [try figure(execution, .execution), f]
                Self.foldExecution(into: &folded)
                f = folded[0]
            }
            var growth: SeriesFigure?
            if let g = cell.growth { growth = try figure([g], stage) }
            rows.append(CompareRow(rank: 0, region: region, figure: f, statedGrowth: growth))
        }
        rows.sort { ($0.figure.value, $1.region) > ($1.figure.value, $0.region) }
        for i in rows.indices { rows[i].rank = i + 1 }
        return CompareResult(label: label, year: year, filters: written, rows: rows, tookMs: Self.ms(since: start))
    }

    /// A candidate figure: a fact row and how well it names the item.
    struct SeriesCandidate {
        var row: FactRow
        var label: Double
        var scope: ScopeFit
    }

    /// One region's year before any paragraph is read: per stage, the candidates
    /// best first (one per report), and the stated growth beside the headline.
    struct SeriesCell {
        var stages: [SeriesStage: [SeriesCandidate]] = [:]
        var growth: SeriesCandidate?
        var headlineStage: SeriesStage? { stages.keys.max() }
        /// The year's actual figure (决算, else 执行), else its headline: what the
        /// next year's change is computed against.
        var actual: SeriesCandidate? {
            (stages[.final] ?? stages[.execution] ?? headlineStage.flatMap { stages[$0] })?.first
        }
    }

    /// Region → year → cell, for the reports and years the filters select, and
    /// the years they ask for.
    func seriesPlan(
        label: String, filters: Filters, only: Int? = nil
    ) throws(SearchError) -> ([String: [Int: SeriesCell]], [ClosedRange<Int>]) {
        try InputLimits.check(label, limit: InputLimits.term, what: "an item")
        let asked = snapshot.foldForAnswers(label)
        guard !asked.isEmpty else {
            throw .unsupported(position: 0, message: "name the item, such as 一般公共预算收入 (then filters such as region:江津)")
        }
        // 收入 alone would take each cell's best-matching revenue, a different item
        // from year to year: refused, as ask asks it back.
        if Answerer.kindWords.contains(asked) {
            throw .unsupported(position: 0, message: "\(asked) names no one item; name one, such as 一般公共预算\(asked)")
        }
        let (allowed, regions, years) = try seriesReports(filters)
        let keep = { @Sendable (factLabel: String) -> Bool in
            let f = self.snapshot.foldForAnswers(factLabel)
            // A label shorter than the item (专项债务 for 专项债务余额) needs its
            // sentence read to count; a series reads no sentences to choose.
            return f.count >= asked.count && LabelMatch.score(asked: asked, fact: f) >= LabelMatch.threshold
        }
        // Filters naming one region's reports read only that region's facts.
        // One year (compare): only reports whose years are within one of it state it.
        let near: (@Sendable (IndexedReport) -> Bool)? = only.map { y in Self.reportNear(year: y) }
        let rows =
            try allowed?.isEmpty == true
            ? [] : searcher.factRows(region: regions.count == 1 ? regions.first : nil, reports: near, keep: keep)
        try deadline.check()
        let unasked = FigureQuestion(text: "")
        // region → year → stage → report doc → best candidate of that report.
        var amounts: [String: [Int: [SeriesStage: [String: SeriesCandidate]]]] = [:]
        var growths: [String: [SeriesCandidate]] = [:]  // by report doc
        for row in rows {
            guard let region = row.report.region, let year = row.year else { continue }
            if let allowed, !allowed.contains(row.report.doc) { continue }
            if let only, year != only { continue }
            let score = LabelMatch.score(asked: asked, fact: snapshot.foldForAnswers(row.label))
            let relation = row.relationKind
            if row.kind == .percent, relation.isChange, !relation.isOverBudget {
                growths[row.report.doc, default: []].append(SeriesCandidate(row: row, label: score, scope: .unmarked))
                continue
            }
            guard row.kind == .amount, let scope = FactRanker.scopeFit(row, unasked),
                let stage = SeriesStage.of(relation: row.relationKind, year: year, report: row.report.metadata)
            else { continue }
            let c = SeriesCandidate(row: row, label: score, scope: scope)
            if let held = amounts[region]?[year]?[stage]?[row.report.doc], !Self.readsBetter(c, held) { continue }
            amounts[region, default: [:]][year, default: [:]][stage, default: [:]][row.report.doc] = c
        }
        var plan: [String: [Int: SeriesCell]] = [:]
        for (region, years) in amounts {
            for (year, stages) in years {
                var cell = SeriesCell()
                for (stage, byReport) in stages {
                    cell.stages[stage] = byReport.values.sorted(by: Self.readsBetterAcrossReports)
                }
                if let stage = cell.headlineStage, let lead = cell.stages[stage]?.first {
                    cell.growth = Self.statedGrowth(beside: lead, year: year, among: growths[lead.row.report.doc] ?? [])
                }
                plan[region, default: [:]][year] = cell
            }
        }
        return (plan, years)
    }

    /// The report filters of a request's text. Text terms and ranges are refused:
    /// they select paragraphs, not figures.
    func reportFilters(_ text: String) throws(SearchError) -> Filters {
        guard !Whitespace.isBlank(text) else { return Filters() }
        let query = try searcher.parse(text)
        if query.root != nil || !query.filters.sections.isEmpty {
            throw .unsupported(position: 0, message: "after the item, only report filters: region:, year:, kind:, level:, doc:")
        }
        return query.filters
    }

    /// The reports the filters allow (nil: every report), their regions, and the
    /// years the filters ask for.
    func seriesReports(_ f: Filters) throws(SearchError) -> (Set<String>?, Set<String>, [ClosedRange<Int>]) {
        guard !f.regions.isEmpty || !f.docs.isEmpty || !f.kinds.isEmpty || !f.levels.isEmpty else { return (nil, [], f.years) }
        let filter = ReportFilter(f)
        var allowed = Set<String>()
        var regions = Set<String>()
        for (s, segment) in index.segments.enumerated() {
            let labels = try searcher.withAnalyzer { a throws(SearchError) in try searcher.foldedLabels(s, analyzer: a) }
            try SearchError.reading { () throws(IndexError) in
                for r in 0..<segment.reportCount where try filter.allows(r, segment: segment, labels: labels) {
                    let report = try segment.report(r)
                    allowed.insert(report.doc)
                    regions.insert(report.region ?? "")
                }
            }
        }
        return (allowed, regions, f.years)
    }

    /// Within one report: the better label, the better scope, a stage word
    /// before none (an unmarked figure may be a budget its sentence names), then
    /// the first statement in reading order.
    /// Whether a report may state a figure of `year`: its execution or budget year is
    /// within one of it, or it gives no year at all.
    static func reportNear(year: Int) -> @Sendable (IndexedReport) -> Bool {
        { r in
            let years = [r.executionYear, r.budgetYear].compactMap { $0 }
            return years.isEmpty || years.contains { abs($0 - year) <= 1 }
        }
    }

    static func readsBetter(_ a: SeriesCandidate, _ b: SeriesCandidate) -> Bool {
        if a.label != b.label { return a.label > b.label }
        if a.scope != b.scope { return a.scope > b.scope }
        if (a.row.relation != nil) != (b.row.relation != nil) { return a.row.relation != nil }
        return (a.row.segment, a.row.fact) < (b.row.segment, b.row.fact)
    }

    /// Across reports: the better label and scope, then the newer report (a
    /// 决算 after the budget report of the same year), which restates or corrects.
    static func readsBetterAcrossReports(_ a: SeriesCandidate, _ b: SeriesCandidate) -> Bool {
        if a.label != b.label { return a.label > b.label }
        if a.scope != b.scope { return a.scope > b.scope }
        let (ra, rb) = (recency(a.row.report), recency(b.row.report))
        if ra != rb { return ra > rb }
        return (a.row.report.doc, a.row.fact) < (b.row.report.doc, b.row.fact)
    }

    /// A report's place in time: its latest year, then its date; a 决算 comes
    /// after the annual report that reviewed the same year.
    static func recency(_ r: IndexedReport) -> (Int, Int, String) {
        let m = r.metadata
        let latest = max(m.budgetYear ?? 0, m.executionYear ?? 0)
        return (latest, m.kind == .finalAccounts ? 1 : 0, m.date ?? "")
    }

    /// The growth a report states for the item in `year`: in the headline's own
    /// paragraph first, nearest to it, else elsewhere in the report.
    static func statedGrowth(beside lead: SeriesCandidate, year: Int, among growths: [SeriesCandidate]) -> SeriesCandidate? {
        let fits = growths.filter { $0.row.year == year && $0.label >= lead.label }
        return fits.min { a, b in
            let key = { (c: SeriesCandidate) in (c.row.doc == lead.row.doc ? 0 : 1, abs(c.row.fact - lead.row.fact)) }
            return key(a) < key(b)
        }
    }

    /// The figure of the first candidate, with the others' differing readings.
    private func figure(_ candidates: [SeriesCandidate], _ stage: SeriesStage) throws(SearchError) -> SeriesFigure {
        var out = try figure(candidates[0].row, stage)
        for c in candidates.dropFirst() where c.row.value != out.value {
            out.superseded.append(try figure(c.row, stage))
        }
        return out
    }

    private func figure(_ row: FactRow, _ stage: SeriesStage) throws(SearchError) -> SeriesFigure {
        let a = try searcher.answer(for: row, withRelated: false)
        guard let citation = a.citation else { preconditionFailure("an answer for a fact row always cites its sentence") }
        return SeriesFigure(
            stage: stage, label: a.label ?? row.label, value: row.value, unit: row.unit, text: a.text,
            relation: a.relation, scope: a.scope, title: row.report.title, citation: citation)
    }

    /// A year with a 决算 shows it; the preliminary execution it replaces stays
    /// as a superseded reading when it differs.
    static func foldExecution(into figures: inout [SeriesFigure]) {
        guard let e = figures.firstIndex(where: { $0.stage == .execution }),
            let f = figures.firstIndex(where: { $0.stage == .final })
        else { return }
        let execution = figures[e]
        if execution.value != figures[f].value { figures[f].superseded.insert(execution, at: 0) }
        figures.remove(at: e)
    }

    static func ms(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }
}
