/// The text of a report file, whatever format it came in: the one place that
/// decides which reader a file's bytes need, so that indexing, `baogao paragraphs`
/// and `:source` read every format alike.
///
/// The format is told by the bytes, not the name: a PDF saved as `.txt` is still a
/// PDF, a web page saved as `.txt` still a web page, a ZIP archive is read as the Word
/// file it should be (and named as damaged when it is not one), and a file named
/// `.pdf` that is really text is read as text.
public enum ReportText {
    /// The formats told apart.
    public enum Format: String, Sendable {
        case text, pdf, html, docx
    }

    /// What a reader gives: the text to decode (UTF-8 for every format but text,
    /// whose bytes `TextDecoder` decodes), the line each page starts on (PDF), and the
    /// page furniture that belongs to the metadata, not the paragraphs (HTML).
    public struct Extracted: Sendable {
        public var bytes: [UInt8]
        public var pageStarts: [Int] = []
        public var boilerplate: [String] = []
    }

    public static func format(of bytes: [UInt8]) -> Format {
        if PDFText.isPDF(bytes) { return .pdf }
        if HTMLText.isHTML(bytes) { return .html }
        if DocxText.isZip(bytes) { return .docx }
        return .text
    }

    public static func text(of bytes: consuming [UInt8], doc: String) throws(IngestError) -> Extracted {
        switch format(of: bytes) {
        case .text:
            return Extracted(bytes: bytes)
        case .pdf:
            let extracted = try PDFText.extract(bytes, doc: doc)
            return Extracted(bytes: extracted.utf8, pageStarts: extracted.pageStarts)
        case .html:
            let extracted = try HTMLText.extract(bytes, doc: doc)
            return Extracted(bytes: extracted.utf8, boilerplate: extracted.boilerplate)
        case .docx:
            return Extracted(bytes: try DocxText.extract(bytes, doc: doc))
        }
    }
}
