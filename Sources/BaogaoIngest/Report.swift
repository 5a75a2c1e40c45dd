/// One report file read into cited paragraphs: the unit that every later stage
/// (analysis, index, query) consumes.
public struct Report: Sendable, Equatable, Codable {
    /// The file name (not a path): what citations name.
    public var doc: String
    public var metadata: ReportMetadata
    /// In reading order; `paragraphs[i].number == i + 1`.
    public var paragraphs: [Paragraph]
    /// What was read with a repair (bytes that could not be decoded, replaced), to
    /// tell the user; not stored in the index.
    public var warnings: [String]

    public init(doc: String, metadata: ReportMetadata, paragraphs: [Paragraph], warnings: [String] = []) {
        self.doc = doc
        self.metadata = metadata
        self.paragraphs = paragraphs
        self.warnings = warnings
    }
}

/// What a report says about itself, read from its text (never from the file name).
public struct ReportMetadata: Sendable, Equatable, Codable {
    /// The title as one line, e.g. `关于解放区2023年财政预算执行情况和2024年财政预算（草案）的报告`.
    public var title: String
    /// The government the report is about, e.g. `解放区`, `江津区`, `焦作市`.
    public var region: String?
    /// The year whose budget execution the report reviews (2023 for a 2024 report).
    public var executionYear: Int?
    /// The year whose draft budget the report proposes.
    public var budgetYear: Int?
    /// The meeting date when the report gives one, as ISO `yyyy-mm-dd`.
    public var date: String?

    public init(title: String, region: String? = nil, executionYear: Int? = nil,
                budgetYear: Int? = nil, date: String? = nil) {
        self.title = title
        self.region = region
        self.executionYear = executionYear
        self.budgetYear = budgetYear
        self.date = date
    }
}

/// A paragraph as written in the source, with everything a citation needs.
public struct Paragraph: Sendable, Equatable, Codable {
    /// 1-based position in the report.
    public var number: Int
    /// The text as written: export artefacts removed and hard-wrapped lines joined,
    /// nothing else changed (normalisation belongs to analysis).
    public var text: String
    /// Headings from the outermost down, e.g. `["一、2023年预算执行情况", "（一）全区预算执行情况。"]`.
    /// A heading paragraph's own path ends with the heading itself.
    public var section: [String]
    /// 1-based source line numbers of the first and last line the paragraph occupies.
    public var firstLine: Int
    public var lastLine: Int
    /// The year the paragraph speaks of: from its section headings, else the report's
    /// execution or budget part it stands in.
    public var year: Int?
    public var kind: Kind
    /// For table rows (and a table's caption and unit lines): the table's caption, unit
    /// line, column headings and the row's cells.
    public var table: TableContext?
    /// For glossary paragraphs: the term they define or belong to (`一般公共预算`),
    /// without brackets or numbering.
    public var term: String?

    public enum Kind: String, Sendable, Codable {
        /// The report's title block.
        case title
        /// A section heading (`一、`, `（一）`, `1.`, `（1）`, `重要名词解释`).
        case heading
        /// Running text.
        case body
        /// A numbered budget line such as `1.一般公共服务支出 20160万元，…`.
        case listItem
        /// A glossary paragraph: a term line (`【一般公共预算】`), the definition printed
        /// under it (whose section path ends with the term line), or a numbered entry
        /// holding both (`1. 一般公共预算：…`). `term` names the term in every case.
        case glossary
        /// One row of a table, header row included; `table` holds its cells and the
        /// table's caption, unit and columns. (Caption and unit lines are `.body`
        /// paragraphs that carry `table` too.)
        case tableRow
    }

    public init(number: Int, text: String, section: [String], firstLine: Int, lastLine: Int,
                year: Int? = nil, kind: Kind = .body, table: TableContext? = nil,
                term: String? = nil) {
        self.number = number
        self.text = text
        self.section = section
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.year = year
        self.kind = kind
        self.table = table
        self.term = term
    }
}

/// What a table row remembers of its table.
public struct TableContext: Sendable, Equatable, Codable {
    public var caption: String?
    /// The unit line, e.g. `单位：万元`.
    public var unit: String?
    /// The column headings, when the table has a header row.
    public var columns: [String]
    /// This row's cells, in order (empty for a caption or unit line).
    public var cells: [String]

    public init(caption: String? = nil, unit: String? = nil, columns: [String] = [],
                cells: [String] = []) {
        self.caption = caption
        self.unit = unit
        self.columns = columns
        self.cells = cells
    }
}
