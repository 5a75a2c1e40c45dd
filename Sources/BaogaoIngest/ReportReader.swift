import Foundation

/// Reads a report file into a `Report`.
///
/// FIRST CUT: UTF-8 only, one paragraph per non-empty line. The ingestion work
/// replaces this with decoding detection, cleaning, paragraph reconstruction,
/// headings and metadata; the public API stays.
public enum ReportReader {
    /// Reads the file at `path`; the report's `doc` is the file's last path component.
    public static func read(fileAt path: String) throws(IngestError) -> Report {
        let doc = path.split(separator: "/").last.map(String.init) ?? path
        guard let bytes = FileBytes.read(path) else {
            throw .unreadable(file: doc, reason: "no such file or not readable")
        }
        return try parse(bytes: bytes, doc: doc)
    }

    /// Parses the bytes of a report file named `doc`.
    public static func parse(bytes: [UInt8], doc: String) throws(IngestError) -> Report {
        let text = String(decoding: bytes, as: UTF8.self)
        var paragraphs: [Paragraph] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            paragraphs.append(Paragraph(number: paragraphs.count + 1, text: trimmed, section: [],
                                        firstLine: lineNumber, lastLine: lineNumber))
        }
        guard let first = paragraphs.first else { throw .empty(file: doc) }
        return Report(doc: doc, metadata: ReportMetadata(title: first.text), paragraphs: paragraphs)
    }
}
