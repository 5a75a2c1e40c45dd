/// One line of a report file as it stands in the file, decoded: what a
/// citation's line numbers point at.
public struct SourceLine: Sendable, Equatable {
    /// 1-based, counted as ingestion counts (`LineBreaks`: LF, CRLF or CR).
    public let number: Int
    /// The line's text, decoded from the file's encoding, without its line end
    /// and otherwise untouched (no cleaning: it is the source).
    public let text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

extension ReportReader {
    /// Lines `lines` of the report file at `path`, read as ingestion reads it
    /// (the same decoder, the same line ends), so that `:source` shows the
    /// lines a paragraph's span names whatever the file's encoding. Fewer lines
    /// than asked for when the file is shorter (it changed since it was indexed).
    public static func sourceLines(fileAt path: String, lines: ClosedRange<Int>) throws(IngestError) -> [SourceLine] {
        let doc = path.split(separator: "/").last.map(String.init) ?? path
        return try sourceLines(bytes: bytes(ofFileAt: path, doc: doc, sizeLimit: .max), doc: doc, lines: lines)
    }

    /// `sourceLines(fileAt:lines:)` for bytes at hand.
    public static func sourceLines(bytes: [UInt8], doc: String, lines: ClosedRange<Int>) throws(IngestError) -> [SourceLine] {
        let utf8 = try TextDecoder.decode(try ReportText.text(of: bytes, doc: doc).bytes, file: doc).utf8
        let ranges = LineBreaks.ranges(of: utf8)
        let first = max(1, lines.lowerBound)
        let last = min(ranges.count, lines.upperBound)
        guard first <= last else { return [] }
        return (first...last).map { n in SourceLine(number: n, text: String(decoding: utf8[ranges[n - 1]], as: UTF8.self)) }
    }
}
