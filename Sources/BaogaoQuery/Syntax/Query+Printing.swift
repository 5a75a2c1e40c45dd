// A tree printed back as query text, with the fewest parentheses and each
// term as typed: what `:explain` can show as "understood as", and what the
// round-trip tests parse again (parse(print(q)) gives the same tree).

extension Query {
    /// Filters first, then the expression: `year:2024 region:江津 教育 (卫生 OR 医疗)`.
    public var canonicalText: String {
        var parts: [String] = filters.years.map {
            $0.lowerBound == $0.upperBound ? "year:\($0.lowerBound)" : "year:\($0.lowerBound)..\($0.upperBound)"
        }
        parts += filters.regions.map { "region:" + Self.filterValue($0.original) }
        parts += filters.docs.map { "doc:" + Self.filterValue($0.original) }
        parts += filters.sections.map { "section:" + Self.filterValue($0.original) }
        parts += filters.kinds.map { "kind:" + Self.filterValue($0.original) }
        parts += filters.levels.map { "level:" + Self.filterValue($0.original) }
        if let root { parts.append(root.queryText) }
        return parts.joined(separator: " ")
    }

    private static func filterValue(_ value: String) -> String {
        let plain = !value.isEmpty && !value.unicodeScalars.contains { QueryLexer.isDelimiter(QueryLexer.widthFold($0)) }
        return plain ? value : QueryNode.quoted(value)
    }
}

extension QueryNode {
    /// The node as query text that parses back to the same node.
    public var queryText: String {
        switch self {
        case .term(let t): return t.original
        case .phrase(let t): return Self.quoted(t.original)
        case .range(let r): return r.original
        case .not(let child):
            switch child {
            case .term, .phrase, .range: return "-" + child.queryText
            default: return "-(" + child.queryText + ")"
            }
        case .near(let a, let b, let distance):
            return "\(a.queryText) NEAR/\(distance) \(b.queryText)"
        case .and(let children):
            return children.map { child in
                if case .or = child { return "(" + child.queryText + ")" }
                return child.queryText
            }.joined(separator: " ")
        case .or(let children):
            return children.map(\.queryText).joined(separator: " OR ")
        }
    }

    /// Text in the first pair of quotes whose closing quote it does not contain.
    static func quoted(_ text: String) -> String {
        let folded = text.unicodeScalars.map(QueryLexer.widthFold)
        for (open, close) in [("\"", "\""), ("“", "”"), ("「", "」"), ("『", "』")]
        where !folded.contains(where: { String($0) == close }) {
            return open + text + close
        }
        return "\"" + text + "\""
    }
}
