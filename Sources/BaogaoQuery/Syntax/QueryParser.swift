import BaogaoAnalysis

// Tokens → syntax tree, by recursive descent over the grammar in
// docs/QUERY_LANGUAGE.md:
//
//   query   = or ;
//   or      = and , { ("OR" | "|") , and } ;
//   and     = near , { [ "AND" ] , near } ;
//   near    = unary , { ("NEAR" | "NEAR/" digits) , unary } ;
//   unary   = { "NOT" | "-" } , primary ;
//   primary = term | phrase | range | filter | "(" , or , ")" ;
//
// so NOT binds tightest, then NEAR, then AND (juxtaposition), then OR.
// Recursion happens only through parentheses, and their depth is limited, so
// no input can overflow the stack; negation chains are a loop.

/// Parses query text into a `Query`. Pure: the same text gives the same tree.
public enum QueryParser {
    /// Deepest nesting of parentheses accepted.
    public static let maxNesting = 100
    /// `NEAR` without `/n`.
    public static let defaultNearDistance = 10
    /// Largest n accepted in `NEAR/n`.
    public static let maxNearDistance = 1000

    /// Parses `text`, folding terms with `analyzer` exactly as document text
    /// is folded.
    public static func parse(_ text: String, analyzer: Analyzer) throws(QuerySyntaxError) -> Query {
        try parse(text, fold: { analyzer.normalize($0).string })
    }

    /// Parses `text`, folding each term and phrase with `fold`.
    public static func parse(_ text: String, fold: @escaping (String) -> String) throws(QuerySyntaxError) -> Query {
        let lexer = QueryLexer(text)
        let tokens = try lexer.tokenize(text)
        var state = QueryParserState(text: text, lexer: lexer, tokens: tokens, fold: fold)
        return try state.parseQuery()
    }
}

/// The parser's cursor and what it has collected so far.
struct QueryParserState {
    let text: String
    let lexer: QueryLexer
    let tokens: [QueryToken]
    let fold: (String) -> String
    var index = 0
    /// Positions of the `(` currently open, innermost last.
    var openParens: [Int] = []
    var filters = Filters()
    /// The first `-`/`NOT` applied, to point at when the query only excludes.
    var firstNegation: Int?

    init(text: String, lexer: QueryLexer, tokens: [QueryToken], fold: @escaping (String) -> String) {
        self.text = text
        self.lexer = lexer
        self.tokens = tokens
        self.fold = fold
    }

    var current: QueryToken? { index < tokens.count ? tokens[index] : nil }

    func error(_ kind: QuerySyntaxError.Kind, at position: Int) -> QuerySyntaxError {
        QuerySyntaxError(kind, at: position, in: text)
    }

    /// The query text of a span, as typed.
    func original(_ span: Range<Int>) -> String {
        String(String.UnicodeScalarView(lexer.original[span]))
    }

    mutating func parseQuery() throws(QuerySyntaxError) -> Query {
        guard !tokens.isEmpty else {
            throw error(.emptyQuery, at: 0)
        }
        let root = try parseOr()
        if let extra = current {
            // parseOr stops only at the end or at a `)` no `(` opened.
            throw error(.unexpectedClosingParenthesis, at: extra.span.lowerBound)
        }
        if let root, !root.isPositive, filters.isEmpty {
            throw error(.nothingToSubtractFrom, at: firstNegation ?? 0)
        }
        return Query(root: root, filters: filters, text: text)
    }

    /// `and { OR and }`. Returns nil when the only branch held filters only.
    mutating func parseOr() throws(QuerySyntaxError) -> QueryNode? {
        var branches: [(node: QueryNode?, start: QueryToken)] = []
        var ops: [QueryToken] = []
        repeat {
            try requireOperand(after: ops.last)
            guard let start = current else { break }
            branches.append((try parseAnd(), start))
            guard let op = current, op.kind == .or else { break }
            ops.append(op)
            index += 1
        } while true
        if branches.count == 1 { return branches[0].node }
        var children: [QueryNode] = []
        for (i, (node, start)) in branches.enumerated() {
            guard let node else {
                // Name the operator as typed (OR or |) next to the filter.
                let op = original(ops[max(0, i - 1)].span)
                throw error(
                    .filterAsOperand(filter: filterName(start), operator: op),
                    at: start.span.lowerBound)
            }
            guard node.isPositive else {
                throw error(.negativeAlternative, at: start.span.lowerBound)
            }
            if case .or(let inner) = node { children += inner } else { children.append(node) }
        }
        return .or(children)
    }

    /// `near { [AND] near }`. Filters met here are collected, not returned.
    mutating func parseAnd() throws(QuerySyntaxError) -> QueryNode? {
        var children: [QueryNode] = []
        loop: while true {
            if let node = try parseNear() {
                if case .and(let inner) = node { children += inner } else { children.append(node) }
            }
            guard let t = current else { break }
            switch t.kind {
            case .or, .close: break loop
            case .and:
                index += 1
                try requireOperand(after: t)
            default: continue
            }
        }
        children = try combiningRanges(children)
        switch children.count {
        case 0: return nil
        case 1: return children[0]
        default: return .and(children)
        }
    }

    /// Bounds on the same facts side by side are one range (`>=1000万元 <=2000万元`):
    /// each range is folded into the first earlier one it combines with.
    private func combiningRanges(_ children: [QueryNode]) throws(QuerySyntaxError) -> [QueryNode] {
        var out: [QueryNode] = []
        for child in children {
            if case .range(let r) = child,
                let i = out.firstIndex(where: { if case .range(let e) = $0 { e.combines(with: r) } else { false } }),
                case .range(let earlier) = out[i]
            {
                out[i] = .range(try combine(earlier, r))
            } else {
                out.append(child)
            }
        }
        return out
    }

    /// `unary { NEAR unary }`; both operands must be terms or phrases.
    mutating func parseNear() throws(QuerySyntaxError) -> QueryNode? {
        let leftStart = current
        var left = try parseUnary()
        while let op = current, case .near(let distance) = op.kind {
            index += 1
            try requireOperand(after: op)
            let rightStart = current
            let right = try parseUnary()
            if case .near = left {
                throw error(.nearOperandNotTerm, at: op.span.lowerBound)
            }
            let l = try nearOperand(left, start: leftStart)
            let r = try nearOperand(right, start: rightStart)
            left = .near(l, r, distance: distance)
        }
        return left
    }

    private func nearOperand(_ node: QueryNode?, start: QueryToken?) throws(QuerySyntaxError) -> QueryNode {
        let position = start?.span.lowerBound ?? 0
        guard let node else {
            throw error(.filterAsOperand(filter: start.map(filterName) ?? "", operator: "NEAR"), at: position)
        }
        switch node {
        case .term, .phrase: return node
        default: throw error(.nearOperandNotTerm, at: position)
        }
    }

    /// `{ NOT | - } primary`, as a loop; double negation cancels.
    mutating func parseUnary() throws(QuerySyntaxError) -> QueryNode? {
        var negations: [QueryToken] = []
        while let t = current, t.kind == .not {
            negations.append(t)
            index += 1
            try requireOperand(after: t)
        }
        let start = current
        let operand = try parsePrimary()
        guard let first = negations.first else { return operand }
        guard let operand else {
            throw error(
                .filterAsOperand(filter: start.map(filterName) ?? "", operator: original(first.span)),
                at: start?.span.lowerBound ?? first.span.lowerBound)
        }
        if firstNegation == nil { firstNegation = first.span.lowerBound }
        var node = operand
        for _ in negations {
            if case .not(let inner) = node { node = inner } else { node = .not(node) }
        }
        return node
    }

    mutating func parsePrimary() throws(QuerySyntaxError) -> QueryNode? {
        guard let t = current else { return nil }
        index += 1
        switch t.kind {
        case .word:
            return try wordNode(t.span)
        case .phrase(let content):
            return .phrase(try phraseTerm(content: content, span: t.span))
        case .filter(let name, let value):
            guard openParens.isEmpty else {
                throw error(.filterInsideParentheses(filter: name.rawValue), at: t.span.lowerBound)
            }
            try addFilter(name, value: value, token: t)
            return nil
        case .open:
            guard openParens.count < QueryParser.maxNesting else {
                throw error(.nestingTooDeep(limit: QueryParser.maxNesting), at: t.span.lowerBound)
            }
            if let next = current, next.kind == .close {
                throw error(.emptyParentheses, at: t.span.lowerBound)
            }
            openParens.append(t.span.lowerBound)
            let inner = try parseOr()
            guard current?.kind == .close else {
                throw error(.unclosedParenthesis, at: t.span.lowerBound)
            }
            index += 1
            openParens.removeLast()
            return inner
        case .close, .or, .and, .not, .near:
            // requireOperand rejects these before parsePrimary is reached.
            index -= 1
            throw error(.missingOperand(operator: original(t.span)), at: t.span.lowerBound)
        }
    }

    /// Throws unless the current token can start an operand. `op` is the
    /// operator that needs it, if any, to point at.
    func requireOperand(after op: QueryToken?) throws(QuerySyntaxError) {
        if let t = current {
            switch t.kind {
            case .word, .phrase, .filter, .open, .not: return
            case .close:
                if let op { throw error(.missingOperand(operator: original(op.span)), at: op.span.lowerBound) }
                if let open = openParens.last { throw error(.emptyParentheses, at: open) }
                throw error(.unexpectedClosingParenthesis, at: t.span.lowerBound)
            case .or, .and, .near:
                let culprit = op ?? t
                throw error(.missingOperand(operator: original(culprit.span)), at: culprit.span.lowerBound)
            }
        }
        if let op { throw error(.missingOperand(operator: original(op.span)), at: op.span.lowerBound) }
        if let open = openParens.last { throw error(.unclosedParenthesis, at: open) }
        throw error(.emptyQuery, at: lexer.original.count)
    }

    func filterName(_ token: QueryToken) -> String {
        if case .filter(let name, _) = token.kind { return name.rawValue }
        return original(token.span)
    }
}
