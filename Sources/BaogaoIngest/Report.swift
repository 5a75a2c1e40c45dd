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

/// What a report says about itself: read from its title, opening lines, file name or
/// body, each field with where it came from (`sources`).
public struct ReportMetadata: Sendable, Equatable, Codable {
    /// The title as one line, e.g. `关于解放区2023年财政预算执行情况和2024年财政预算（草案）的报告`.
    public var title: String
    /// The government the report is about, by its official name as the text gives it,
    /// e.g. `解放区`, `江津区`, `焦作市`, `长安镇`.
    public var region: String?
    /// The region's gazetteer code (`Gazetteer.shared`); for a township or new area
    /// outside the gazetteer, the code of the division it was named under. Nil when the
    /// name is ambiguous (朝阳区: Beijing's or Changchun's) or unknown.
    public var regionCode: String?
    /// 中央 / 省 / 市 / 县 / 乡镇.
    public var level: Level?
    /// What the report is, which decides what its years mean.
    public var kind: Kind?
    /// The year whose budget execution the report reviews: the previous year of an
    /// annual report, the year of a final-accounts (决算) or mid-year report; nil for an
    /// adjustment.
    public var executionYear: Int?
    /// The year whose draft budget the report proposes, or whose budget an adjustment
    /// changes; nil for final-accounts and mid-year reports.
    public var budgetYear: Int?
    /// The span of execution reported: `全年`, `上半年`, `1—9月`; nil when the report
    /// reviews no execution (an adjustment).
    public var period: String?
    /// The meeting date when the report gives one, else the publication date, as ISO `yyyy-mm-dd`.
    public var date: String?
    /// Where the report was published (a web address), when a catalogue says so: shown
    /// in citations so a reader can go to the original.
    public var source: String?
    /// Where each field was read.
    public var sources: Sources
    /// For a paged original (a PDF): the source line each page starts on, page 1
    /// first (`PageLines` turns a line into page and line on it); empty for text.
    public var pageStarts: [Int] = []

    public enum Level: String, Sendable, Codable, CaseIterable {
        case central = "中央"
        case province = "省"
        case prefecture = "市"
        case county = "县"
        case township = "乡镇"
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 预算执行情况和预算草案的报告: last year's execution, next year's draft.
        case annual
        /// 决算: one year's final accounts (also when a mid-year part follows).
        case finalAccounts = "final-accounts"
        /// 预算调整: changes to the current year's budget.
        case adjustment
        /// 上半年 / 1—N月 execution of the current year.
        case midYear = "mid-year"
        /// Reference material, publication notes, monthly releases.
        case other
    }

    public enum Source: String, Sendable, Codable, CaseIterable {
        case catalogue, title
        case openingLines = "opening-lines"
        case fileName = "file-name"
        case body, unknown
    }

    public struct Sources: Sendable, Equatable, Codable {
        public var region: Source = .unknown
        public var level: Source = .unknown
        public var kind: Source = .unknown
        public var years: Source = .unknown
        public var period: Source = .unknown
        public var date: Source = .unknown

        public init(
            region: Source = .unknown, level: Source = .unknown, kind: Source = .unknown,
            years: Source = .unknown, period: Source = .unknown, date: Source = .unknown
        ) {
            self.region = region
            self.level = level
            self.kind = kind
            self.years = years
            self.period = period
            self.date = date
        }

        /// In a fixed order, for storage: region, level, kind, years, period, date.
        public var all: [Source] {
            get { [region, level, kind, years, period, date] }
            set {
                guard newValue.count == 6 else { return }
                (region, level, kind, years, period, date) =
                    (newValue[0], newValue[1], newValue[2], newValue[3], newValue[4], newValue[5])
            }
        }
    }

    public init(
        title: String, region: String? = nil, executionYear: Int? = nil,
        budgetYear: Int? = nil, date: String? = nil, regionCode: String? = nil,
        level: Level? = nil, kind: Kind? = nil, period: String? = nil,
        source: String? = nil, sources: Sources = Sources(), pageStarts: [Int] = []
    ) {
        self.pageStarts = pageStarts
        self.title = title
        self.region = region
        self.executionYear = executionYear
        self.budgetYear = budgetYear
        self.date = date
        self.regionCode = regionCode
        self.level = level
        self.kind = kind
        self.period = period
        self.source = source
        self.sources = sources
    }

    /// The region's divisions from the province down (贵州省 › 黔东南苗族侗族自治州 › 黄平县),
    /// ending with the region itself when it is a township outside the gazetteer.
    public var regionChain: [String] {
        var names: [String] = []
        if let code = regionCode, let d = Gazetteer.shared.division(code: code) {
            names = Gazetteer.shared.chain(of: d).map(\.name)
        }
        if let r = region, names.last != r { names.append(r) }
        return names
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
    /// Where each source line after the first starts in `text`, in text order (empty
    /// for a paragraph of one line): `lines(of:)` turns a range of the text into the
    /// lines it stands on, so that an answer cites its sentence's lines.
    public var lineStarts: [LineStart]
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

    public init(
        number: Int, text: String, section: [String], firstLine: Int, lastLine: Int,
        year: Int? = nil, kind: Kind = .body, table: TableContext? = nil,
        term: String? = nil, lineStarts: [LineStart] = []
    ) {
        self.number = number
        self.text = text
        self.section = section
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.lineStarts = lineStarts
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

    /// The unit the unit line names (`单位：亿元` → `亿元`), which a bare number in
    /// the table is in.
    public var unitWord: String? {
        guard let line = unit else { return nil }
        let afterColon = line.split(whereSeparator: { $0 == ":" || $0 == "：" }).last.map(String.init) ?? line
        let word = afterColon.filter { !$0.isWhitespace && !"()（）".contains($0) }
        return word.isEmpty ? nil : word
    }

    public init(
        caption: String? = nil, unit: String? = nil, columns: [String] = [],
        cells: [String] = []
    ) {
        self.caption = caption
        self.unit = unit
        self.columns = columns
        self.cells = cells
    }
}
