import BaogaoIndex
import BaogaoIngest

/// A field saying where something was read. Each shape names the fields it
/// carries, in its order; how each field is written is decided here once, so a
/// search hit, a fact, an answer's citation, a mention and GET cannot disagree on
/// it (they did: `years` left out an unknown year in hits and GET, wrote `null`
/// in `reports`).
public enum CitationField: String, Sendable, CaseIterable {
    case id, doc, title, region, years, source, section, paragraph, lines, year
    /// For a PDF: `[first, last]` page of the lines, and the line on its page of
    /// the first and the last (`page_lines`); `null` for a report without pages.
    case pages
    case pageLines = "page_lines"
}

/// The citation of a paragraph, as much of it as the holder knows.
public struct CitationFields: Sendable {
    public var id: String?
    public var doc: String?
    public var title: String?
    public var region: String?
    public var years: ReportYears?
    public var source: String?
    public var section: [String]
    public var paragraph: Int
    public var lines: [Int]
    public var year: Int?
    /// Where `lines` stand on the pages of a PDF; nil for other reports.
    public var pages: (first: PagePlace, last: PagePlace)?

    public init(_ p: IndexedParagraph) {
        id = p.id
        doc = p.report.doc
        title = p.report.title
        region = p.report.region
        years = ReportYears(execution: p.report.executionYear, budget: p.report.budgetYear)
        source = p.report.metadata.source
        section = p.section
        paragraph = p.number
        lines = [p.firstLine, p.lastLine]
        year = p.year
        let starts = p.report.metadata.pageStarts
        if let first = PageLines.place(ofLine: p.firstLine, pageStarts: starts),
            let last = PageLines.place(ofLine: p.lastLine, pageStarts: starts)
        {
            pages = (first, last)
        }
    }

    public init(_ c: AnswerCitation) {
        id = c.id
        doc = c.doc
        region = c.region
        source = c.source
        section = c.section
        paragraph = c.paragraph
        lines = c.lines
        if let firstLine = c.lines.first, let lastLine = c.lines.last,
            let first = PageLines.place(ofLine: firstLine, pageStarts: c.pageStarts),
            let last = PageLines.place(ofLine: lastLine, pageStarts: c.pageStarts)
        {
            pages = (first, last)
        }
    }

    /// A place inside a report already named by the enclosing object (a mention).
    public init(paragraph: Int, lines: [Int], section: [String]) {
        self.paragraph = paragraph
        self.lines = lines
        self.section = section
    }
}

extension KeyedEncodingContainer {
    /// Writes `fields` of `citation` under their own names. Unknown values are
    /// `null`, never left out; `lines` is `[first, last]`, and so are `pages` and
    /// `page_lines`.
    mutating func encode(_ citation: CitationFields, fields: [CitationField]) throws {
        for field in fields {
            guard let key = Key(stringValue: field.rawValue) else {
                preconditionFailure("the shape has no key \(field.rawValue)")
            }
            switch field {
            case .id: try encodeOrNull(citation.id, forKey: key)
            case .doc: try encodeOrNull(citation.doc, forKey: key)
            case .title: try encodeOrNull(citation.title, forKey: key)
            case .region: try encodeOrNull(citation.region, forKey: key)
            case .years: try encodeOrNull(citation.years, forKey: key)
            case .source: try encodeOrNull(citation.source, forKey: key)
            case .section: try encode(citation.section, forKey: key)
            case .paragraph: try encode(citation.paragraph, forKey: key)
            case .lines: try encode(citation.lines, forKey: key)
            case .year: try encodeOrNull(citation.year, forKey: key)
            case .pages: try encodeOrNull(citation.pages.map { [$0.first.page, $0.last.page] }, forKey: key)
            case .pageLines: try encodeOrNull(citation.pages.map { [$0.first.line, $0.last.line] }, forKey: key)
            }
        }
    }
}
