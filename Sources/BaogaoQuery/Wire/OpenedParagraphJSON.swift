import BaogaoIndex

/// The REPL's `:open N` in `:json` mode: the hit, with the paragraphs before and
/// after it in its report (null at either end).
public struct OpenedParagraphJSON: Encodable, Sendable {
    public var hit: SearchHit
    public var before: IndexedParagraph?
    public var after: IndexedParagraph?

    public init(hit: SearchHit, before: IndexedParagraph?, after: IndexedParagraph?) {
        self.hit = hit
        self.before = before
        self.after = after
    }

    enum Keys: String, CodingKey { case hit, before, after }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(hit, forKey: .hit)
        try c.encodeIfPresent(before.map(Neighbour.init), forKey: .before)
        try c.encodeIfPresent(after.map(Neighbour.init), forKey: .after)
    }

    /// A neighbour needs no more citation than where it stands: it shares the hit's report.
    struct Neighbour: Encodable {
        var paragraph: IndexedParagraph

        init(_ paragraph: IndexedParagraph) { self.paragraph = paragraph }

        enum Keys: String, CodingKey { case id, paragraph, lines, text }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(CitationFields(paragraph), fields: [.id, .paragraph, .lines])
            try c.encode(paragraph.text, forKey: .text)
        }
    }
}
