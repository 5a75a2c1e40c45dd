import BaogaoIndex

/// Questions about one item across years or regions, answered with `series` and
/// `compare` rather than one fact:
///
/// - `江津区一般公共预算收入历年是多少？`, `江津区近三年一般公共预算收入是多少？`: the
///   region's series, one item per year (the year's latest stage), each cited;
/// - `2023年哪个区县的债务余额最高？` (最低, 最多, 最少, 最大, 最小): the comparison of
///   that year, the first (or last) region as the answer, the others as
///   alternatives in rank order.
///
/// The words that make a question one of these are taken out and the rest is read
/// by `QuestionParser` as any question, so the region, year and item are read by
/// the one parser of questions.
enum AcrossQuestion: Equatable {
    /// Over years: all of them, or the latest `n`.
    case years(latest: Int?)
    /// Over regions in a year: the highest first, or the lowest.
    case regions(highest: Bool)

    static let allYears = ["历年", "逐年", "各年", "每年", "历年来"]
    static let latestYears: [String: Int] = [
        "近两年": 2, "近二年": 2, "近2年": 2, "近三年": 3, "近3年": 3, "近四年": 4, "近4年": 4, "近五年": 5, "近5年": 5
    ]
    /// Made per use: a regex value is not Sendable, so it cannot be a stored static.
    static var whichRegion: Regex<(Substring, Substring, Substring)> { #/哪(个|一个|些)(区县|县区|地区|区|县|市|城市|地方|政府)的?/# }
    static let highest = ["最高", "最多", "最大"]
    static let lowest = ["最低", "最少", "最小"]

    /// What the question asks across, and the question without those words (a
    /// comparison's ends in 是多少, so it reads as a plain value question).
    static func read(_ folded: String) -> (AcrossQuestion, String)? {
        for (word, n) in latestYears where folded.contains(word) {
            return (.years(latest: n), folded.replacing(word, with: ""))
        }
        if let word = allYears.first(where: { folded.contains($0) }) {
            return (.years(latest: nil), folded.replacing(word, with: ""))
        }
        guard let which = folded.firstMatch(of: whichRegion) else { return nil }
        var rest = folded
        rest.removeSubrange(which.range)
        let up = highest.first { rest.contains($0) }
        let down = lowest.first { rest.contains($0) }
        guard let word = up ?? down, let at = rest.range(of: word) else { return nil }
        rest = String(rest[..<at.lowerBound]) + "是多少？"
        return (.regions(highest: up != nil), rest)
    }
}

extension Answerer {
    /// The answer to a question across years or regions, nil when `folded` is
    /// not one (then `ask` answers it as usual).
    func answerAcross(_ folded: String, _ base: AskResult) throws(SearchError) -> AskResult? {
        guard let (across, rest) = AcrossQuestion.read(folded) else { return nil }
        let parsed = QuestionParser.parse(rest, indexRegions: try snapshot.indexRegions)
        guard case .figure(let q) = parsed, q.metric == .amount, let label = q.label, !label.isEmpty else { return nil }
        var result = base
        result.parsed = parsed
        switch across {
        case .years(let latest):
            guard let region = q.region else { return nil }
            let series = try SeriesBuilder(searcher).series(
                label: label, filters: Filters(regions: [snapshot.internalTerm(region)]), written: "region:\(region)")
            guard let regionSeries = series.regions.first(where: { $0.region == region }) else {
                result.message = "no answer found: no figures of \(label) for \(region)"
                return result
            }
            let years = regionSeries.years.suffix(latest ?? regionSeries.years.count)
            let items = years.compactMap { y in
                y.headline.map { f in
                    AnswerItem(
                        label: "\(label) \(f.stage.rawValue)", text: f.text, value: f.value, unit: f.unit, scope: f.scope,
                        year: y.year, region: region, citation: f.citation)
                }
            }
            var a = Answer(
                text: items.map { "\($0.year.map { "\($0)年" } ?? "")\($0.text)" }.joined(separator: "；"), value: nil,
                unit: nil, label: label, scope: nil, year: nil, relation: nil, region: region, sentence: nil,
                citation: items.last?.citation)
            a.items = items
            result.answer = a
        case .regions(let highest):
            guard case .year(let year) = q.year else {
                result.message = "no answer found: a comparison of regions needs a year (such as 2023年)"
                return result
            }
            let compared = try SeriesBuilder(searcher).compare(
                label: label, filters: Filters(years: [year...year]), written: "year:\(year)")
            let rows = highest ? compared.rows : compared.rows.reversed()
            let answers = rows.map { row in
                var a = Answer(
                    text: row.figure.text, value: row.figure.value, unit: row.figure.unit, label: row.figure.label,
                    scope: row.figure.scope, year: year, relation: row.figure.stage.rawValue, region: row.region,
                    sentence: nil, citation: row.figure.citation)
                a.note = "\(row.rank). \(row.region)"
                a.paragraph = citedParagraph(row.figure.citation)
                return a
            }
            guard let first = answers.first else {
                result.message = "no answer found: no region states \(label) for \(year)"
                return result
            }
            result.answer = first
            result.alternatives = Array(answers.dropFirst())
        }
        return result
    }

    /// The paragraph a figure cites, for front ends that print a full citation
    /// line; nil when it cannot be read (the citation itself still stands).
    private func citedParagraph(_ c: AnswerCitation) -> IndexedParagraph? {
        guard let at = try? index.locate(doc: c.doc, paragraph: c.paragraph) else { return nil }
        return try? index.paragraph(segment: at.segment, doc: at.doc)
    }
}
