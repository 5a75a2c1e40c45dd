import BaogaoIndex

/// The REPL's `:source N` in `:json` mode: the raw lines of the file a paragraph
/// was built from.
public struct SourceLinesJSON: Encodable, Sendable {
    public var paragraph: IndexedParagraph
    public var text: [String]

    public init(paragraph: IndexedParagraph, text: [String]) {
        self.paragraph = paragraph
        self.text = text
    }

    enum Keys: String, CodingKey { case id, doc, lines, text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CitationFields(paragraph), fields: [.id, .doc, .lines])
        try c.encode(text, forKey: .text)
    }
}
