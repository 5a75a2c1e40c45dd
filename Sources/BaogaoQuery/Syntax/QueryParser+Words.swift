import BaogaoIngest

// What a word of the query means: a term, a number range or a filter value.
// Words are examined on the width-folded scalars (so `＞`, `％` and full-width
// digits work) and reported with the text as typed.

extension QueryParserState {
    /// A word holding a comparison (`>`, `<`, `=`, `≥`, `≤`) is a number
    /// range, as is a word `number..number` (after an optional relation
    /// word); any other word is a term.
    func wordNode(_ span: Range<Int>) throws(QuerySyntaxError) -> QueryNode {
        let s = lexer.scalars
        if let c = span.first(where: { Comparison(s[$0]) != nil }) {
            // Two bounds typed without a space, `>=1亿元<=2亿元`: one range with both.
            let afterFirst = c + 1 < span.upperBound && s[c + 1] == "=" && s[c] != "=" ? c + 2 : c + 1
            if let second = (afterFirst..<span.upperBound).first(where: { Comparison(s[$0]) != nil }),
                (afterFirst..<second).contains(where: { NumberLiteral.asciiDigit(s[$0]) != nil })
            {
                let first = try comparisonRange(span.lowerBound..<second, comparatorAt: c)
                var other = try comparisonRange(second..<span.upperBound, comparatorAt: second)
                other.relation = first.relation
                other.label = first.label
                guard first.combines(with: other) else {
                    throw error(.mixedUnits(first.original, other.original), at: second)
                }
                var both = try combine(first, other)
                both.original = original(span)
                return .range(both)
            }
            return .range(try comparisonRange(span, comparatorAt: c))
        }
        if let dots = span.first(where: { $0 + 1 < span.upperBound && s[$0] == "." && s[$0 + 1] == "." }),
            let digit = span.first(where: { NumberLiteral.asciiDigit(s[$0]) != nil }), digit < dots
        {
            return .range(try betweenRange(span, numberAt: digit, dotsAt: dots))
        }
        return .term(try term(span))
    }

    /// Two ranges that constrain the same facts (`a.combines(with: b)`) as one;
    /// throws when no number is in both.
    func combine(_ a: NumberRange, _ b: NumberRange) throws(QuerySyntaxError) -> NumberRange {
        let both = a.intersecting(b)
        guard !both.isEmpty else { throw error(.badRange, at: a.span.lowerBound) }
        return both
    }

    func term(_ span: Range<Int>) throws(QuerySyntaxError) -> Term {
        let written = original(span)
        let folded = fold(written)
        guard !folded.unicodeScalars.allSatisfy(QueryLexer.isSpace) else {
            throw error(.nothingSearchable(written), at: span.lowerBound)
        }
        return Term(original: written, folded: folded, span: span)
    }

    /// Phrase text is taken between the quotes; runs of spaces become one
    /// space and the ends are trimmed before folding.
    func phraseTerm(content: Range<Int>, span: Range<Int>) throws(QuerySyntaxError) -> Term {
        let written = original(content)
        var collapsed = String.UnicodeScalarView()
        var pendingSpace = false
        for c in written.unicodeScalars {
            if QueryLexer.isSpace(c) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(" ") }
                pendingSpace = false
                collapsed.append(c)
            }
        }
        let folded = fold(String(collapsed))
        guard !folded.unicodeScalars.allSatisfy(QueryLexer.isSpace) else {
            throw error(.emptyPhrase, at: span.lowerBound)
        }
        return Term(original: written, folded: folded, span: span)
    }

    // MARK: Filters

    mutating func addFilter(_ name: FilterName, value: Range<Int>, token: QueryToken) throws(QuerySyntaxError) {
        guard value.contains(where: { !QueryLexer.isSpace(lexer.scalars[$0]) }) else {
            throw error(.emptyFilterValue(filter: name.rawValue), at: value.lowerBound)
        }
        switch name {
        case .year:
            filters.years.append(try years(value))
        case .region, .doc, .section:
            var t = try phraseTerm(content: value, span: token.span)
            t.original = original(value)
            switch name {
            case .region: filters.regions.append(t)
            case .doc: filters.docs.append(t)
            default: filters.sections.append(t)
            }
        case .kind:
            let word = original(value)
            guard let kind = ReportMetadata.Kind(word: word) else {
                throw error(.unknownKind(word), at: value.lowerBound)
            }
            filters.kinds.append(ReportKindFilter(original: word, kind: kind))
        case .level:
            let word = original(value)
            guard let level = ReportMetadata.Level(word: word) else {
                throw error(.unknownLevel(word), at: value.lowerBound)
            }
            filters.levels.append(ReportLevelFilter(original: word, level: level))
        }
    }

    /// `2024`, `2022..2024`, optionally with 年 after each year.
    func years(_ value: Range<Int>) throws(QuerySyntaxError) -> ClosedRange<Int> {
        let s = lexer.scalars
        let bad = error(.badYear(original(value)), at: value.lowerBound)
        func year(_ r: Range<Int>) throws(QuerySyntaxError) -> Int {
            var end = r.upperBound
            if end > r.lowerBound, s[end - 1] == "年" { end -= 1 }
            guard end - r.lowerBound == 4 else { throw bad }
            var y = 0
            for i in r.lowerBound..<end {
                guard let d = NumberLiteral.asciiDigit(s[i]) else { throw bad }
                y = y * 10 + d
            }
            guard (1900...2100).contains(y) else { throw bad }
            return y
        }
        guard let dots = value.first(where: { $0 + 1 < value.upperBound && s[$0] == "." && s[$0 + 1] == "." }) else {
            let y = try year(value)
            return y...y
        }
        let lower = try year(value.lowerBound..<dots)
        let upper = try year(dots + 2..<value.upperBound)
        guard lower <= upper else { throw error(.badRange, at: value.lowerBound) }
        return lower...upper
    }
}

/// The comparison that starts a `>1亿`-style range.
enum Comparison: Sendable {
    case greater, greaterOrEqual, less, lessOrEqual, equal

    /// The comparison a character starts (`>` may become `>=`), if any.
    init?(_ s: Unicode.Scalar) {
        switch s {
        case ">": self = .greater
        case "<": self = .less
        case "=": self = .equal
        case "≥": self = .greaterOrEqual
        case "≤": self = .lessOrEqual
        default: return nil
        }
    }
}
