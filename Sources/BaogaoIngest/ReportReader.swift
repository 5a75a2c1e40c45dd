/// Reads a report file into a `Report`. The stages, each a pure function of the one
/// before and linear in the input:
///
/// 1. `TextDecoder` — bytes to UTF-8: BOMs, UTF-16, GB18030; empty/binary/undecodable errors.
/// 2. `LineCleaner` — lines (LF, CRLF, CR) with export artefacts, page numbers and outer
///    whitespace removed; each line's display width, length and numbering marker.
/// 3. `TableReader` — pipe tables and space-separated rows, with caption, unit, columns.
/// 4. `Layout` — hard-wrapped PDF text or one paragraph per line.
/// 5. `ParagraphBuilder` — lines joined into paragraphs (with their source line spans);
///    `ParagraphSplitter` cuts any longer than a few thousand characters at sentence ends.
/// 6. `TitleBlock`, `MetadataReader` — the title block, title, region, years, date.
/// 7. `SectionTracker` — kinds, section paths, glossary terms and years.
///
/// `LineShape`, `UTF8Cursor` and `Scalars` are the vocabulary the stages share.
public enum ReportReader {
    /// Reads the file at `path`; the report's `doc` is the file's last path component.
    /// With `catalogue`, its row for the file (if any) overrides what the text says.
    public static func read(fileAt path: String, catalogue: Catalogue? = nil) throws(IngestError) -> Report {
        let doc = path.split(separator: "/").last.map(String.init) ?? path
        guard let bytes = FileBytes.read(path) else {
            throw .unreadable(file: doc, reason: FileBytes.reason(path))
        }
        return try parse(bytes: bytes, doc: doc, catalogue: catalogue?.entry(for: doc))
    }

    /// Parses the bytes of a report file named `doc`. A catalogue row is applied before
    /// the sections are read, since paragraph years follow the report's years.
    public static func parse(bytes: [UInt8], doc: String, catalogue: Catalogue.Entry? = nil) throws(IngestError) -> Report {
        let decoded = try TextDecoder.decode(bytes, file: doc)
        let lines = LineCleaner.lines(of: decoded.utf8)
        guard !lines.isEmpty else { throw .empty(file: doc) }
        let tables = TableReader.roles(of: lines)
        let layout = Layout.detect(lines, skipping: tables)
        let raw = ParagraphSplitter.split(ParagraphBuilder.build(lines, layout: layout, table: tables))
        let block = TitleBlock(raw)
        var metadata = MetadataReader.read(block, lines: lines, doc: doc)
        if let catalogue { Catalogue.apply(catalogue, to: &metadata) }
        let paragraphs = SectionTracker.paragraphs(block, metadata: metadata)
        var warnings: [String] = []
        let r = decoded.replaced
        if r.count > 0 {
            let offsets = r.firstOffsets.map(String.init).joined(separator: ", ") + (r.count > r.firstOffsets.count ? ", …" : "")
            warnings.append(
                "\(doc): \(r.count) byte(s) that are not \(decoded.encoding.rawValue) replaced with U+FFFD (at byte \(offsets))")
        }
        return Report(doc: doc, metadata: metadata, paragraphs: paragraphs, warnings: warnings)
    }
}
