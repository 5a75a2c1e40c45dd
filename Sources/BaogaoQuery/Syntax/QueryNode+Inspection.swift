// Read-only questions about a syntax tree that the executor, the highlighter
// and the tests all ask: which terms must match, is a node positive, and a
// compact canonical rendering for `:explain` and test tables.

extension QueryNode {
    /// True when the node can select paragraphs on its own: it contains
    /// something that must match. A `not` is never positive; an `and` is
    /// positive when one of its children is; an `or` when all of them are.
    public var isPositive: Bool {
        switch self {
        case .term, .phrase, .range, .near: return true
        case .not: return false
        case .and(let children): return children.contains { $0.isPositive }
        case .or(let children): return children.allSatisfy { $0.isPositive }
        }
    }

    /// Terms and phrases that a matching paragraph contains (every one not
    /// under a `not`), in query order: what to highlight in a snippet.
    public var positiveTerms: [Term] {
        positiveTermNodes.compactMap {
            switch $0 {
            case .term(let t), .phrase(let t): return t
            default: return nil
            }
        }
    }

    /// The `.term` and `.phrase` nodes of `positiveTerms`, which say how each
    /// matches (a bare term across inline marks, a phrase exactly).
    public var positiveTermNodes: [QueryNode] {
        var terms: [QueryNode] = []
        var ranges: [NumberRange] = []
        collectPositive(terms: &terms, ranges: &ranges)
        return terms
    }

    /// Number ranges not under a `not`, in query order.
    public var positiveRanges: [NumberRange] {
        var terms: [QueryNode] = []
        var ranges: [NumberRange] = []
        collectPositive(terms: &terms, ranges: &ranges)
        return ranges
    }

    private func collectPositive(terms: inout [QueryNode], ranges: inout [NumberRange]) {
        // Recursive; depth is bounded by the parser's nesting limit.
        switch self {
        case .term, .phrase: terms.append(self)
        case .range(let r): ranges.append(r)
        case .not: break
        case .and(let children), .or(let children):
            for child in children { child.collectPositive(terms: &terms, ranges: &ranges) }
        case .near(let a, let b, _):
            a.collectPositive(terms: &terms, ranges: &ranges)
            b.collectPositive(terms: &terms, ranges: &ranges)
        }
    }

    /// A compact, canonical, one-line rendering of the tree, using folded
    /// forms: `(and 三保 "政府债务余额" (not 隐性))`, `(near/5 收入 增长)`,
    /// `(range 增长 percent >5)`. Stable: tests compare against it.
    public var sExpression: String {
        switch self {
        case .term(let t): return t.folded
        case .phrase(let t): return "\"\(t.folded)\""
        case .and(let children): return "(and " + children.map(\.sExpression).joined(separator: " ") + ")"
        case .or(let children): return "(or " + children.map(\.sExpression).joined(separator: " ") + ")"
        case .not(let child): return "(not \(child.sExpression))"
        case .near(let a, let b, let distance): return "(near/\(distance) \(a.sExpression) \(b.sExpression))"
        case .range(let r): return "(range \(r.summary))"
        }
    }
}
