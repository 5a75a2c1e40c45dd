import BaogaoIngest

// Query text → tokens. The lexer reads a width-folded copy of the query
// (full-width ASCII forms → ASCII, ideographic space → space) so that
// `（`, `＂`, `｜`, `－`, `：`, `＞`, `％` and full-width digits work like their
// ASCII forms. That fold maps one scalar to one scalar, so offsets into the
// folded copy are offsets into the original query: no offset map is needed,
// and every span and error position points into the text as typed.
//
// Case is NOT folded here: operators are upper-case words, and `or` is text.
// Full-width parentheses around a run without spaces or operators (`（一）`)
// are text, not a group: see `literalParentheses`.

/// One lexical token; `span` is in Unicode scalar offsets.
struct QueryToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A run of term characters: a term, a number range, or `word:` text.
        case word
        /// A quoted phrase; `content` is the text between the quotes.
        case phrase(content: Range<Int>)
        /// `name:value`; `value` is the value's text (between the quotes when
        /// quoted).
        case filter(FilterName, value: Range<Int>)
        case open, close
        /// `OR` or `|`.
        case or
        case and
        /// `NOT` or a `-` attached to what follows.
        case not
        case near(distance: Int)
    }
    var kind: Kind
    var span: Range<Int>
}

/// The filters the language knows; any other `word:` is ordinary text.
enum FilterName: String, Sendable, Equatable, CaseIterable {
    case year, region, doc, section, kind, level
}

struct QueryLexer {
    /// The query as typed, and its width-folded copy (same length).
    let original: [Unicode.Scalar]
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        scalars = original.map(Self.widthFold)
    }

    /// Full-width ASCII variants (U+FF01–FF5E) → ASCII; U+3000 → space.
    static func widthFold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(UInt8(truncatingIfNeeded: s.value - 0xFEE0))
        case 0x3000: return " "
        default: return s
        }
    }

    /// What separates words in a query: whitespace, and control characters too,
    /// which a query can only hold by accident (a pasted tab or escape).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        Whitespace.isWhitespace(s) || QuerySyntaxError.isControl(s)
    }

    /// Opening quotes and the quote that closes each.
    static func closingQuote(for s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "\"": return "\""
        case "“": return "”"
        case "「": return "」"
        case "『": return "』"
        default: return nil
        }
    }

    static func isClosingQuote(_ s: Unicode.Scalar) -> Bool {
        s == "”" || s == "」" || s == "』"
    }

    /// Characters that end a word.
    static func isDelimiter(_ s: Unicode.Scalar) -> Bool {
        isSpace(s) || s == "(" || s == ")" || s == "|"
            || closingQuote(for: s) != nil || isClosingQuote(s)
    }

    func tokenize(_ text: String) throws(QuerySyntaxError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if Self.isSpace(c) {
                i += 1
                continue
            }
            if literalParentheses(at: i) != nil {
                let token = try word(at: i, text)
                tokens.append(token)
                i = token.span.upperBound
                continue
            }
            switch c {
            case "(":
                tokens.append(QueryToken(kind: .open, span: i..<i + 1))
                i += 1
            case ")":
                tokens.append(QueryToken(kind: .close, span: i..<i + 1))
                i += 1
            case "|":
                tokens.append(QueryToken(kind: .or, span: i..<i + 1))
                i += 1
            case "-":
                // A minus excludes what is attached to it; a lone one (before
                // a space or the end) excludes nothing and is an error.
                if i + 1 >= n || Self.isSpace(scalars[i + 1]) {
                    throw QuerySyntaxError(.missingOperand(operator: "-"), at: i, in: text)
                }
                tokens.append(QueryToken(kind: .not, span: i..<i + 1))
                i += 1
            default:
                if Self.isClosingQuote(c) {
                    throw QuerySyntaxError(.unexpectedClosingQuote(String(original[i])), at: i, in: text)
                }
                if Self.closingQuote(for: c) != nil {
                    let content = try phrase(at: i, text)
                    tokens.append(
                        QueryToken(
                            kind: .phrase(content: content),
                            span: i..<content.upperBound + 1))
                    i = content.upperBound + 1
                } else {
                    let token = try word(at: i, text)
                    tokens.append(token)
                    i = token.span.upperBound
                }
            }
        }
        return tokens
    }

    /// The content range of the phrase whose opening quote is at `start`.
    private func phrase(at start: Int, _ text: String) throws(QuerySyntaxError) -> Range<Int> {
        guard let close = Self.closingQuote(for: scalars[start]) else {
            return start..<start
        }
        var j = start + 1
        while j < scalars.count, scalars[j] != close { j += 1 }
        guard j < scalars.count else {
            throw QuerySyntaxError(.unterminatedPhrase(quote: String(original[start])), at: start, in: text)
        }
        return start + 1..<j
    }

    private func wordEnd(from start: Int) -> Int {
        var j = start
        while j < scalars.count {
            if let end = literalParentheses(at: j) {
                j = end
                continue
            }
            if Self.isDelimiter(scalars[j]) { break }
            j += 1
        }
        return j
    }

    /// Where a literal pair of full-width parentheses starting at `start` ends:
    /// `（一）` enclosing a run with no space, quote, parenthesis or `|` is text
    /// (the headings of every report, typed or pasted with a Chinese input
    /// method), not a group. ASCII parentheses always group.
    private func literalParentheses(at start: Int) -> Int? {
        guard original[start] == "（" else { return nil }
        var j = start + 1
        while j < scalars.count, original[j] != "）" {
            let c = scalars[j]
            if Self.isDelimiter(c) || Self.closingQuote(for: c) != nil { return nil }
            j += 1
        }
        return j < scalars.count && j > start + 1 ? j + 1 : nil
    }

    /// A filter, an operator word, or a plain word starting at `start`.
    private func word(at start: Int, _ text: String) throws(QuerySyntaxError) -> QueryToken {
        if let (name, valueStart) = filterPrefix(at: start) {
            if valueStart < scalars.count, Self.closingQuote(for: scalars[valueStart]) != nil {
                let content = try phrase(at: valueStart, text)
                return QueryToken(
                    kind: .filter(name, value: content),
                    span: start..<content.upperBound + 1)
            }
            let end = wordEnd(from: valueStart)
            return QueryToken(kind: .filter(name, value: valueStart..<end), span: start..<end)
        }
        let end = wordEnd(from: start)
        let span = start..<end
        let w = String(String.UnicodeScalarView(scalars[span]))
        switch w {
        case "OR": return QueryToken(kind: .or, span: span)
        case "AND": return QueryToken(kind: .and, span: span)
        case "NOT": return QueryToken(kind: .not, span: span)
        case "NEAR": return QueryToken(kind: .near(distance: QueryParser.defaultNearDistance), span: span)
        default: break
        }
        if w.hasPrefix("NEAR/") {
            let digits = w.dropFirst(5)
            guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let d = Int(digits), d <= QueryParser.maxNearDistance
            else {
                throw QuerySyntaxError(
                    .badNearDistance(String(String.UnicodeScalarView(original[span]))),
                    at: start, in: text)
            }
            return QueryToken(kind: .near(distance: d), span: span)
        }
        return QueryToken(kind: .word, span: span)
    }

    /// `year:`, `Region:` … at `start` (ASCII case-insensitive; `：` works
    /// too), and where its value starts.
    private func filterPrefix(at start: Int) -> (FilterName, Int)? {
        for name in FilterName.allCases {
            let letters = Array(name.rawValue.unicodeScalars)
            let colon = start + letters.count
            guard colon < scalars.count, scalars[colon] == ":" else { continue }
            var matches = true
            for (k, l) in letters.enumerated() where Self.asciiLower(scalars[start + k]) != l {
                matches = false
                break
            }
            if matches { return (name, colon + 1) }
        }
        return nil
    }

    private static func asciiLower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard s.value >= 0x41, s.value <= 0x5A else { return s }
        return Unicode.Scalar(UInt8(truncatingIfNeeded: s.value + 0x20))
    }
}
