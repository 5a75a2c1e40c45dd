/// The text of a report file, whatever format it came in: the one place that
/// decides which reader a file's bytes need, so that indexing, `baogao paragraphs`
/// and `:source` read every format alike.
///
/// The format is told by the bytes, not the name: a PDF saved as `.txt` is still a
/// PDF, and a file named `.pdf` that is really text is read as text.
public enum ReportText {
    /// The formats told apart.
    public enum Format: String, Sendable {
        case text, pdf
    }

    public static func format(of bytes: [UInt8]) -> Format {
        PDFText.isPDF(bytes) ? .pdf : .text
    }

    /// The bytes to decode as text, and the line each page starts on (empty for
    /// formats without pages).
    public static func text(of bytes: consuming [UInt8], doc: String) throws(IngestError) -> (utf8: [UInt8], pageStarts: [Int]) {
        switch format(of: bytes) {
        case .text:
            return (bytes, [])
        case .pdf:
            let extracted = try PDFText.extract(bytes, doc: doc)
            return (extracted.utf8, extracted.pageStarts)
        }
    }
}
