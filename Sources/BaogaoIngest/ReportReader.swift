/// Reads a report file into a `Report`: decode → clean lines → find tables → detect the
/// layout → rebuild paragraphs → title block and metadata → sections, kinds and years.
///
/// Every stage is a pure function of the one before and linear in the input.
public enum ReportReader {
    /// Reads the file at `path`; the report's `doc` is the file's last path component.
    public static func read(fileAt path: String) throws(IngestError) -> Report {
        let doc = path.split(separator: "/").last.map(String.init) ?? path
        guard let bytes = FileBytes.read(path) else {
            throw .unreadable(file: doc, reason: FileBytes.reason(path))
        }
        return try parse(bytes: bytes, doc: doc)
    }

    /// Parses the bytes of a report file named `doc`.
    public static func parse(bytes: [UInt8], doc: String) throws(IngestError) -> Report {
        let decoded = try TextDecoder.decode(bytes, file: doc)
        let lines = LineCleaner.lines(of: decoded.utf8)
        guard !lines.isEmpty else { throw .empty(file: doc) }
        let tables = TableReader.roles(of: lines)
        let layout = Layout.detect(lines, skipping: tables)
        let raw = ParagraphBuilder.build(lines, layout: layout, table: tables)
        let block = TitleBlock(raw)
        let metadata = MetadataReader.read(block)
        let paragraphs = SectionTracker.paragraphs(block, metadata: metadata)
        return Report(doc: doc, metadata: metadata, paragraphs: paragraphs)
    }
}
