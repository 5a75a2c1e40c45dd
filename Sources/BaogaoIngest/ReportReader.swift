/// Reads a report file into a `Report`. The stages, each a pure function of the one
/// before and linear in the input:
///
/// 0. `ReportText` — a PDF (by its bytes, whatever its name) to its text layer and
///    page starts (`PDFText`), a web page to its main text and boilerplate (`HTMLText`);
///    text files as they are.
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
    /// Bumped whenever reading the same file gives other paragraphs, text or
    /// metadata; part of the analyzer id an index records, so such an index is
    /// rebuilt. 1: pinyin glosses dropped by the line cleaner (`PinyinGloss`).
    public static let version = 1

    /// The largest report file read by default: 64 MiB. Real reports, tables and all,
    /// are a few megabytes; indexing one takes about seven times its size in memory at
    /// its peak (438 MB for a 64 MiB file: its lines and paragraphs, then the segment
    /// builder's postings), so this bounds what one file can take. Callers that mean to read larger files pass their own limit.
    public static let defaultSizeLimit = 64 << 20

    /// Reads the file at `path`; the report's `doc` is the file's last path component.
    /// With `catalogue`, its row for the file (if any) overrides what the text says.
    /// A file larger than `sizeLimit` bytes is refused unread.
    public static func read(
        fileAt path: String, catalogue: Catalogue? = nil, sizeLimit: Int = defaultSizeLimit
    ) throws(IngestError) -> Report {
        let doc = path.split(separator: "/").last.map(String.init) ?? path
        return try parse(
            bytes: try bytes(ofFileAt: path, doc: doc, sizeLimit: sizeLimit), doc: doc, catalogue: catalogue?.entry(for: doc))
    }

    /// The bytes of the file at `path`, or the error that names `doc` and says why not.
    public static func bytes(ofFileAt path: String, doc: String, sizeLimit: Int = defaultSizeLimit) throws(IngestError) -> [UInt8]
    {
        switch FileBytes.read(path, limit: sizeLimit) {
        case .success(let bytes): return bytes
        case .failure(.tooLarge(let size, let limit)): throw .tooLarge(file: doc, bytes: size, limit: limit)
        case .failure(let failure): throw .unreadable(file: doc, reason: failure.reason)
        }
    }

    /// Parses the bytes of a report file named `doc`. A catalogue row is applied before
    /// the sections are read, since paragraph years follow the report's years.
    ///
    /// Each stage's input is let go once the next holds what it needs (the bytes once
    /// decoded into lines, the lines once the metadata is read, each raw paragraph as it
    /// becomes a `Paragraph`), so that at most two copies of the text are held at once.
    public static func parse(
        bytes: consuming [UInt8], doc: String, catalogue: Catalogue.Entry? = nil
    ) throws(IngestError) -> Report {
        let extracted = try ReportText.text(of: consume bytes, doc: doc)
        var (lines, replaced, encoding) = try cleanLines(extracted.bytes, doc: doc)
        guard !lines.isEmpty else { throw .empty(file: doc) }
        let tables = TableReader.roles(of: lines)
        let layout = Layout.detect(lines, skipping: tables)
        var block = TitleBlock(ParagraphSplitter.split(ParagraphBuilder.build(lines, layout: layout, table: tables)))
        var metadata = MetadataReader.read(block, lines: lines, doc: doc)
        lines = []
        metadata.pageStarts = extracted.pageStarts
        MetadataReader.readBoilerplate(extracted.boilerplate, into: &metadata)
        if let catalogue { Catalogue.apply(catalogue, to: &metadata) }
        let paragraphs = SectionTracker.paragraphs(consuming: &block, metadata: metadata)
        var warnings: [String] = []
        if replaced.count > 0 {
            let offsets =
                replaced.firstOffsets.map(String.init).joined(separator: ", ")
                + (replaced.count > replaced.firstOffsets.count ? ", …" : "")
            warnings.append(
                "\(doc): \(replaced.count) byte(s) that are not \(encoding.rawValue) replaced with U+FFFD (at byte \(offsets))")
        }
        return Report(doc: doc, metadata: metadata, paragraphs: paragraphs, warnings: warnings)
    }

    /// Decodes and cleans; the decoded text is freed on return, the lines hold their own copy.
    private static func cleanLines(
        _ bytes: consuming [UInt8], doc: String
    ) throws(IngestError) -> ([CleanLine], TextDecoder.Replaced, SourceEncoding) {
        let decoded = try TextDecoder.decode(consume bytes, file: doc)
        return (LineCleaner.lines(of: decoded.utf8), decoded.replaced, decoded.encoding)
    }
}
