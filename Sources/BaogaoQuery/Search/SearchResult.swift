import BaogaoIndex

/// The answer to a search: how many paragraphs matched, and a page of hits.
public struct SearchResult: Sendable {
    public var query: String
    public var total: Int
    public var tookMs: Double
    public var offset: Int
    public var limit: Int
    public var hits: [SearchHit]
    /// When the query has a number range: the matching facts (see `FactFinder`).
    public var facts: FactsResult?
}

/// One matching paragraph with its citation, score and snippet.
public struct SearchHit: Sendable {
    public var paragraph: IndexedParagraph
    public var score: Double
    /// A window of the original text around the best match.
    public var snippet: Snippet
    /// Every match in the paragraph's original text, in Unicode scalar offsets.
    public var highlights: [Range<Int>]
}

/// Where a paragraph is in the open index (not stable across commits: use
/// `IndexedParagraph.id` for that).
public struct IndexedParagraphRef: Sendable, Hashable {
    public var segment: Int
    public var doc: Int
}
