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

extension FactsResult: Encodable {
    enum Keys: String, CodingKey { case query, total, took_ms, offset, limit, facts, hint }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode((tookMs * 1000).rounded() / 1000, forKey: .took_ms)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
        try c.encode(facts, forKey: .facts)
        try c.encodeIfPresent(hint, forKey: .hint)
    }
}

extension FactHit: Encodable {
    enum Keys: String, CodingKey {
        case label, value, unit, kind, text, relation, scope, year, approximate, qualifier, column,
             doc, id, title, region, source, paragraph, lines, section
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(fact.label, forKey: .label)
        try c.encode(fact.value, forKey: .value)
        try c.encode(fact.unit, forKey: .unit)
        try c.encode(fact.kind.rawValue, forKey: .kind)
        try c.encode(fact.text, forKey: .text)
        try c.encode(fact.relation, forKey: .relation)
        try c.encode(fact.scope, forKey: .scope)
        try c.encode(fact.year, forKey: .year)
        try c.encode(fact.approximate, forKey: .approximate)
        try c.encode(fact.qualifier, forKey: .qualifier)
        try c.encode(fact.column, forKey: .column)
        try c.encode(paragraph.report.doc, forKey: .doc)
        try c.encode(paragraph.id, forKey: .id)
        try c.encode(paragraph.report.title, forKey: .title)
        try c.encode(paragraph.report.region, forKey: .region)
        try c.encode(paragraph.report.metadata.source, forKey: .source)
        try c.encode(paragraph.number, forKey: .paragraph)
        try c.encode([paragraph.firstLine, paragraph.lastLine], forKey: .lines)
        try c.encode(paragraph.section, forKey: .section)
    }
}
