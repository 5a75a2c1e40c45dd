import BaogaoAnalysis
import BaogaoIndex

/// The answer to a facts query: the matching number facts, each with the
/// paragraph it was read from.
public struct FactsResult: Sendable {
    public var query: String
    public var total: Int
    public var tookMs: Double
    public var offset: Int
    public var limit: Int
    public var facts: [FactHit]
    /// When nothing matched because text glued to a range is only the start of a
    /// relation (`同比>5%`): how to write what was probably meant.
    public var hint: String?
}

public struct FactHit: Sendable {
    public var fact: NumberFact
    public var paragraph: IndexedParagraph
    /// 0: the label holds the query's terms; 1: the sentence does; 2: elsewhere in
    /// the paragraph, or the query has no terms.
    public var tier: Int
}
