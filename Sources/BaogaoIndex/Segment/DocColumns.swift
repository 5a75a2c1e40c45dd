import BaogaoIngest

/// Per-paragraph columns of a segment, one fixed-width entry per document, so a
/// reader finds any document's length, year, report or section with one load.
/// On disk in the `.docs` file (see `DocsFile`).
struct DocColumns {
    /// Normalised length in scalars, capped at 65535: BM25's document length.
    var lengths: [UInt16] = []
    /// The year the paragraph speaks of; 0 when unknown.
    var years: [UInt16] = []
    /// Index into the segment's report table.
    var reports: [UInt32] = []
    /// Index into the segment's section table.
    var sections: [UInt32] = []
    var kinds: [UInt8] = []
    /// Sum of the uncapped lengths, for the average length.
    var totalLength: UInt64 = 0

    var count: Int { lengths.count }

    mutating func append(length: Int, year: Int?, report: UInt32, section: UInt32, kind: Paragraph.Kind) {
        lengths.append(UInt16(clamping: length))
        years.append(UInt16(clamping: year ?? 0))
        reports.append(report)
        sections.append(section)
        kinds.append(ParagraphKindCode.code(kind))
        totalLength += UInt64(length)
    }
}

/// Paragraph kinds as stored bytes. Codes are part of the format: never reuse one.
enum ParagraphKindCode {
    static let all: [Paragraph.Kind] = [.title, .heading, .body, .listItem, .glossary, .tableRow]

    static func code(_ kind: Paragraph.Kind) -> UInt8 {
        UInt8(all.firstIndex(of: kind) ?? 2)
    }

    static func kind(_ code: UInt8) -> Paragraph.Kind {
        Int(code) < all.count ? all[Int(code)] : .body
    }
}

/// Distinct section paths of a segment; paragraphs refer to them by index.
struct SectionTable {
    private(set) var paths: [[String]] = []
    private var ids: [[String]: UInt32] = [:]
    /// The path asked for last: consecutive paragraphs mostly share their
    /// section, usually the very same array, which compares equal at once,
    /// where hashing it normalises every string.
    private var last: (path: [String], id: UInt32)?

    mutating func id(for path: [String]) -> UInt32 {
        if let last, last.path == path { return last.id }
        let id = ids[path] ?? UInt32(paths.count)
        if id == paths.count {
            paths.append(path)
            ids[path] = id
        }
        last = (path, id)
        return id
    }
}

/// A report as the segment's report table holds it.
struct ReportRecord: Sendable {
    var source: SourceFile
    var metadata: ReportMetadata
    var firstDoc: UInt32
    var paragraphCount: UInt32
}
