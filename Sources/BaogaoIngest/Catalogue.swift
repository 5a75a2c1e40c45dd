import Foundation

/// The spreadsheet that people who collect many reports keep beside them: `catalog.tsv`
/// (tab-separated) or `catalog.csv` (comma-separated, quotes as spreadsheets write them)
/// in the corpus folder, a header line naming the columns, one row per report file.
///
/// Columns (any order, any subset besides `file`; others are ignored): `file` (the path
/// relative to the corpus folder, or the file name alone when that is unique),
/// `region`, `level`, `kind`, `execution_year`, `budget_year`, `date`, `title`, `source`
/// (the web address). What a row says overrides what is read from the report's text,
/// each field with the source `catalogue`: the people who keep a catalogue have read the
/// report, and a catalogue is how a user corrects the reader. An empty cell says nothing,
/// except that a kind without such a year (决算 and 年中 have no budget year, 预算调整 no
/// execution year) clears that year.
///
/// A row that cannot be used — no file, a year that is no year, an unknown kind or level,
/// a file named twice — is left out with a warning naming the catalogue's line; indexing
/// never fails over a catalogue.
public struct Catalogue: Sendable, Equatable {
    public static let fileNames = ["catalog.tsv", "catalog.csv"]

    /// One usable row.
    public struct Entry: Sendable, Equatable {
        public var file: String
        /// The catalogue line it came from (1-based, the header is line 1).
        public var line: Int
        public var region: String?
        public var regionCode: String?
        public var level: ReportMetadata.Level?
        public var kind: ReportMetadata.Kind?
        public var executionYear: Int?
        public var budgetYear: Int?
        public var date: String?
        public var title: String?
        public var source: String?
        /// The row's cells that matter, in a fixed order: what a report's fingerprint
        /// folds in, so that an edited row re-reads its report and nothing else.
        public var signature: String
    }

    /// `catalog.tsv` or `catalog.csv`.
    public let fileName: String
    /// By the `file` cell as written.
    public private(set) var entries: [String: Entry] = [:]
    /// What was left out, and why: `catalog.tsv line 7 (012.txt): budget_year "20x4" is no year`.
    public private(set) var warnings: [String] = []

    /// The catalogue of the corpus folder, nil when it has none. An unreadable file is
    /// an empty catalogue with a warning.
    public static func load(corpus: String) -> Catalogue? {
        for name in fileNames {
            let path = corpus + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let bytes: [UInt8]
            switch FileBytes.read(path, limit: .max) {
            case .success(let read): bytes = read
            case .failure(let failure):
                var c = Catalogue(text: "", fileName: name)
                c.warnings = ["\(name): cannot read the catalogue (\(failure.reason)); reports are read without it"]
                return c
            }
            do {
                // Spreadsheets export UTF-8 with a BOM, UTF-16 or GB18030: decode as reports are.
                let decoded = try TextDecoder.decode(bytes, file: name)
                return Catalogue(text: String(decoding: decoded.utf8, as: UTF8.self), fileName: name)
            } catch {
                var c = Catalogue(text: "", fileName: name)
                c.warnings = ["\(error.description); reports are read without the catalogue"]
                return c
            }
        }
        return nil
    }

    public init(text: String, fileName: String) {
        self.fileName = fileName
        let comma = fileName.lowercased().hasSuffix(".csv")
        var rows = Self.rows(text, comma: comma)
        guard !rows.isEmpty else {
            if !text.isEmpty { warnings.append("\(fileName): no header line") }
            return
        }
        let header = rows.removeFirst().cells.map { Whitespace.trimmed($0).lowercased() }
        guard let fileColumn = header.firstIndex(of: "file") else {
            warnings.append("\(fileName): the header has no `file` column; the catalogue is not used")
            return
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        for row in rows {
            let cells = row.cells.map { Whitespace.trimmed($0) }
            if cells.allSatisfy(\.isEmpty) { continue }
            func cell(_ name: String) -> String? {
                guard let i = column(name), i < cells.count, !cells[i].isEmpty else { return nil }
                return cells[i]
            }
            let file = fileColumn < cells.count ? cells[fileColumn] : ""
            let at = "\(fileName) line \(row.line)"
            guard !file.isEmpty else {
                warnings.append("\(at): no file named; row left out")
                continue
            }
            let here = "\(at) (\(file))"
            if let earlier = entries[file] {
                warnings.append("\(here): the file is already catalogued on line \(earlier.line); this row is left out")
                continue
            }
            var e = Entry(file: file, line: row.line, signature: "")
            var bad: [String] = []
            func year(_ name: String) -> Int? {
                guard let s = cell(name) else { return nil }
                let digits = s.hasSuffix("年") ? String(s.dropLast()) : s
                guard digits.count == 4, let y = Int(digits), (1949...2100).contains(y) else {
                    bad.append("\(name) \"\(s)\" is no year")
                    return nil
                }
                return y
            }
            e.executionYear = year("execution_year")
            e.budgetYear = year("budget_year")
            if let s = cell("kind") {
                e.kind = ReportMetadata.Kind(word: s)
                if e.kind == nil {
                    bad.append("kind \"\(s)\" is none of \(ReportMetadata.Kind.allCases.map(\.word).joined(separator: "/"))")
                }
            }
            if let s = cell("level") {
                e.level = ReportMetadata.Level(word: s)
                if e.level == nil { bad.append("level \"\(s)\" is none of 中央/省/市/县/乡镇") }
            }
            if let s = cell("date") {
                e.date = Self.isoDate(s)
                if e.date == nil { bad.append("date \"\(s)\" is no date (yyyy-mm-dd)") }
            }
            e.title = cell("title")
            e.source = cell("source")
            if let s = cell("region") {
                let hit = Self.resolve(region: s)
                e.region = hit.name
                e.regionCode = hit.code
                if e.level == nil { e.level = hit.level }
                if hit.code == nil {
                    // Kept as written: it still names the report, but has no chain for `region:` filters.
                    warnings.append("\(here): region \"\(s)\" is not in the gazetteer; kept as written")
                }
            }
            // A row with a bad cell is left out whole: half a row would mix what the
            // catalogue says with what the text says without the user knowing which.
            guard bad.isEmpty else {
                warnings.append("\(here): \(bad.joined(separator: "; ")); row left out")
                continue
            }
            e.signature = [
                e.region ?? "", e.regionCode ?? "", e.level?.rawValue ?? "", e.kind?.rawValue ?? "",
                e.executionYear.map(String.init) ?? "", e.budgetYear.map(String.init) ?? "",
                e.date ?? "", e.title ?? "", e.source ?? ""
            ].joined(separator: "\t")
            entries[file] = e
        }
    }

    /// The row for the corpus file at `path` (relative to the corpus folder): its own
    /// row, else the row naming its file name when no other file has that name.
    public func entry(for path: String, fileNameIsUnique: Bool = true) -> Entry? {
        if let e = entries[path] { return e }
        guard fileNameIsUnique, let name = path.split(separator: "/").last.map(String.init), name != path else { return nil }
        return entries[name]
    }

    /// Warnings for rows that name no file of the corpus.
    public func unmatched(paths: [String]) -> [String] {
        let all = Set(paths)
        let names = Set(paths.compactMap { $0.split(separator: "/").last.map(String.init) })
        return entries.values.sorted { $0.line < $1.line }
            .filter { !all.contains($0.file) && !names.contains($0.file) }
            .map { "\(fileName) line \($0.line) (\($0.file)): no such report file in the corpus" }
    }

    /// `meta` with what `e` says put over what was read.
    public static func apply(_ e: Entry, to meta: inout ReportMetadata) {
        if let r = e.region {
            meta.region = r
            meta.regionCode = e.regionCode
            meta.sources.region = .catalogue
        }
        if let l = e.level {
            meta.level = l
            meta.sources.level = .catalogue
        }
        if let k = e.kind {
            meta.kind = k
            meta.sources.kind = .catalogue
        }
        var yearsSet = false
        if let y = e.executionYear {
            meta.executionYear = y
            yearsSet = true
        }
        if let y = e.budgetYear {
            meta.budgetYear = y
            yearsSet = true
        }
        switch e.kind {
        case .finalAccounts?, .midYear?:
            if e.budgetYear == nil, meta.budgetYear != nil {
                meta.budgetYear = nil
                yearsSet = true
            }
        case .adjustment?:
            if e.executionYear == nil, meta.executionYear != nil {
                meta.executionYear = nil
                yearsSet = true
            }
        default:
            break
        }
        if yearsSet { meta.sources.years = .catalogue }
        if let d = e.date {
            meta.date = d
            meta.sources.date = .catalogue
        }
        if let t = e.title { meta.title = t }
        if let s = e.source { meta.source = s }
    }

    /// A region cell through the gazetteer, as a title names it (`十堰市竹山县` is 竹山县 with
    /// its chain, `东莞市长安镇` the township 长安镇 under 东莞市); a name the gazetteer does not
    /// know is kept as written.
    static func resolve(region s: String) -> (name: String, code: String?, level: ReportMetadata.Level?) {
        if let hit = MetadataReader.region(inTitle: HeadText.fold(s)) {
            return (hit.name, hit.code, hit.level)
        }
        return (s, nil, nil)
    }

    /// `2024-02-21`, `2024/2/21`, `2024.2.21`, `2024年2月21日` as ISO `yyyy-mm-dd`.
    static func isoDate(_ s: String) -> String? {
        let parts = s.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    struct Row {
        var line: Int
        var cells: [String]
    }

    /// Lines into cells. TSV: split at tabs. CSV: commas, with `"…"` cells that may hold
    /// commas, doubled quotes and line breaks (a cell's line break becomes a space).
    static func rows(_ text: String, comma: Bool) -> [Row] {
        var rows: [Row] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if !comma {
            for (i, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var l = Substring(line)
                if l.hasSuffix("\r") { l = l.dropLast() }
                if l.isEmpty { continue }
                rows.append(Row(line: i + 1, cells: l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
            }
            return rows
        }
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        let chars = Array(body.unicodeScalars)
        var i = 0
        func endRow() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
            cells = []
            cell = ""
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        cell.unicodeScalars.append(c)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else if c == "\n" {
                    line += 1
                    cell.append(" ")
                } else if c != "\r" {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else if c == "\n" {
                endRow()
                line += 1
                rowLine = line
            } else if c != "\r" {
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }
}
