import BaogaoIndex

/// GET's result: a paragraph with its citation, the keys of a search hit less
/// the snippet, highlights and score.
public struct ParagraphJSON: Encodable, Sendable {
    public var paragraph: IndexedParagraph

    public init(_ paragraph: IndexedParagraph) { self.paragraph = paragraph }

    /// The citation a paragraph carries on its own (GET, a search hit).
    static let citation: [CitationField] = [
        .id, .doc, .title, .region, .years, .source, .section, .paragraph, .lines, .pages, .pageLines, .year
    ]

    enum Keys: String, CodingKey {
        case id, doc, title, region, years, source, section, paragraph, lines, pages, year, text
        case pageLines = "page_lines"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CitationFields(paragraph), fields: Self.citation)
        try c.encode(paragraph.text, forKey: .text)
    }
}
