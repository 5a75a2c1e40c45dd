/// What each result's CSV rows are: one row per record a user would sort or
/// sum in a spreadsheet (a figure, a fact, a hit, a mention, a report), each
/// ending in the citation columns, named and written alike in every table.

extension CSV {
    /// The region is a table's own column (series and compare lead with it), not
    /// repeated here.
    static let citationHeader = ["id", "doc", "title", "paragraph", "first_line", "last_line", "section", "source"]

    static func citation(_ c: CitationFields) -> [String] {
        [
            c.id ?? "", c.doc ?? "", c.title ?? "", String(c.paragraph),
            c.lines.first.map(String.init) ?? "", c.lines.last.map(String.init) ?? "",
            c.section.joined(separator: " › "), c.source ?? ""
        ]
    }
}

extension SeriesFigure {
    /// stage … scope: the figure's own columns, shared by series and compare.
    static let csvHeader = ["stage", "label", "value", "unit", "text", "relation", "scope"]

    var csvFields: [String] {
        [stage.rawValue, label, CSV.number(value), unit, text, relation ?? "", scope ?? ""]
    }

    var csvCitation: [String] { CSV.citation(citationFields) }
}

/// One row per figure; a superseded reading follows the figure it gave way to,
/// its `note` naming that figure's citation. Growth is on the year's headline row.
extension SeriesResult: CSVTable {
    public static let csvHeader =
        ["region", "year"] + SeriesFigure.csvHeader + ["stated_growth", "computed_growth", "note"] + CSV.citationHeader

    public var csvRows: [[String]] {
        var rows: [[String]] = []
        for r in regions {
            for y in r.years {
                let headline = y.headline
                for f in y.figures {
                    let isHeadline = f == headline
                    let growth =
                        isHeadline
                        ? [
                            y.statedGrowth.map { CSV.number($0.value) } ?? "",
                            y.computedGrowth.map { CSV.number(SeriesFigure.rounded($0)) } ?? ""
                        ] : ["", ""]
                    rows.append(
                        [r.region, String(y.year)] + f.csvFields + growth + [""]
                            + f.csvCitation)
                    for s in f.superseded {
                        rows.append(
                            [r.region, String(y.year)] + s.csvFields + ["", ""]
                                + ["superseded by \(f.citation.id)"] + s.csvCitation)
                    }
                }
            }
        }
        return rows
    }
}

extension CompareResult: CSVTable {
    public static let csvHeader =
        ["rank", "region", "year"] + SeriesFigure.csvHeader + ["stated_growth"] + CSV.citationHeader

    public var csvRows: [[String]] {
        rows.map { r in
            [String(r.rank), r.region, String(year)] + r.figure.csvFields
                + [r.statedGrowth.map { CSV.number($0.value) } ?? ""] + r.figure.csvCitation
        }
    }
}

extension FactsResult: CSVTable {
    public static let csvHeader =
        ["region", "year", "label", "value", "unit", "kind", "text", "relation", "scope"] + CSV.citationHeader

    public var csvRows: [[String]] {
        facts.map { h in
            let f = h.fact
            return [
                h.paragraph.report.region ?? "", CSV.optional(f.year), f.label ?? "", CSV.number(f.value), f.unit,
                f.kind.rawValue, f.text, f.relation ?? "", f.scope ?? ""
            ] + CSV.citation(CitationFields(h.paragraph))
        }
    }
}

extension SearchResult: CSVTable {
    public static let csvHeader = ["rank", "score", "region", "year", "snippet"] + CSV.citationHeader

    public var csvRows: [[String]] {
        hits.enumerated().map { i, h in
            [
                String(offset + i + 1), String((h.score * 10000).rounded() / 10000), h.paragraph.report.region ?? "",
                CSV.optional(h.paragraph.year), h.snippet.text
            ]
                + CSV.citation(CitationFields(h.paragraph))
        }
    }
}

/// One row per mentioning paragraph, under the year it speaks of.
extension MentionsResult: CSVTable {
    public static let csvHeader = ["region", "year", "snippet"] + CSV.citationHeader

    public var csvRows: [[String]] {
        var rows: [[String]] = []
        for y in byYear {
            for r in y.reports {
                for m in r.paragraphs {
                    var c = CitationFields(paragraph: m.paragraph, lines: m.lines, section: m.section)
                    c.id = "\(r.doc)#\(m.paragraph)"
                    c.doc = r.doc
                    c.title = r.title
                    rows.append([r.region ?? "", CSV.optional(y.year), m.snippet.text] + CSV.citation(c))
                }
            }
        }
        return rows
    }
}

/// One row per report; the report is its own citation (file, title, address).
extension ReportsResult: CSVTable {
    public static let csvHeader = [
        "doc", "title", "region", "region_code", "level", "kind", "execution_year", "budget_year", "period", "date",
        "source", "paragraphs", "facts"
    ]

    public var csvRows: [[String]] {
        reports.map { r in
            let m = r.metadata
            return [
                r.doc, m.title, m.region ?? "", m.regionCode ?? "", m.level?.rawValue ?? "", m.kind?.rawValue ?? "",
                CSV.optional(m.executionYear), CSV.optional(m.budgetYear), m.period ?? "", m.date ?? "", m.source ?? "",
                String(r.paragraphs), String(r.facts)
            ]
        }
    }
}
