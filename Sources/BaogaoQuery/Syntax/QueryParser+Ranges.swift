import BaogaoAnalysis

// Number-range words: `>1亿`, `>=5000万元`, `增长>5%`, `=20160万元`,
// `1亿..10亿`, `1000万元..1亿元`. Values go to base units (NumberUnit).

extension QueryParserState {
    /// `[relation] comparison number [unit]`; `comparatorAt` is the first
    /// comparison character of the word.
    func comparisonRange(_ span: Range<Int>, comparatorAt c: Int) throws(QuerySyntaxError) -> NumberRange {
        let s = lexer.scalars
        guard var comparison = Comparison(s[c]) else { throw error(.badNumber(original(span)), at: c) }
        var p = c + 1
        if p < span.upperBound, s[p] == "=" {
            switch comparison {
            case .greater:
                comparison = .greaterOrEqual
                p += 1
            case .less:
                comparison = .lessOrEqual
                p += 1
            default: break
            }
        }
        let (literal, unit) = try bound(p..<span.upperBound)
        let multiplier = unit?.multiplier ?? 1
        let value = literal.value(times: multiplier)
        let (relation, label) = gluedWords(span.lowerBound..<c)
        var range = NumberRange(
            relation: relation, label: label, kind: unit?.kind, unit: unit?.base,
            original: original(span), span: span)
        switch comparison {
        case .greater:
            range.lower = value
            range.lowerInclusive = false
        case .greaterOrEqual: range.lower = value
        case .less:
            range.upper = value
            range.upperInclusive = false
        case .lessOrEqual: range.upper = value
        case .equal:
            // As precise as written: =20160万元 is 20159.5万元 to 20160.5万元.
            let half = literal.lastDigit(times: multiplier) / 2
            range.lower = value - half
            range.upper = value + half
        }
        return range
    }

    /// `[relation] number [unit] .. number [unit]`. A bound without a unit
    /// takes the other's (`1..10亿` is 1亿 to 10亿); units of both bounds must
    /// measure the same thing.
    func betweenRange(_ span: Range<Int>, numberAt start: Int, dotsAt dots: Int) throws(QuerySyntaxError) -> NumberRange {
        let (low, lowUnit) = try bound(start..<dots)
        let upperStart = dots + 2
        let (high, highUnit) = try bound(upperStart..<span.upperBound)
        if let l = lowUnit, let h = highUnit, l.kind != h.kind || l.base != h.base {
            throw error(.mixedUnits(l.written, h.written), at: upperStart)
        }
        let unit = lowUnit ?? highUnit
        let lower = low.value(times: (lowUnit ?? unit)?.multiplier ?? 1)
        let upper = high.value(times: (highUnit ?? unit)?.multiplier ?? 1)
        guard lower <= upper else { throw error(.badRange, at: span.lowerBound) }
        let (relation, label) = gluedWords(span.lowerBound..<start)
        return NumberRange(
            relation: relation, label: label, kind: unit?.kind, unit: unit?.base,
            lower: lower, lowerInclusive: true, upper: upper, upperInclusive: true,
            original: original(span), span: span)
    }

    /// A number and the unit that follows it up to the end of `r`.
    private func bound(_ r: Range<Int>) throws(QuerySyntaxError) -> (NumberLiteral, NumberUnit?) {
        let s = lexer.scalars
        guard let literal = NumberLiteral.scan(s[r]) else {
            throw error(.badNumber(original(r)), at: r.lowerBound)
        }
        // Far too many digits would overflow to infinity.
        guard literal.value(times: 1e12).isFinite else {
            throw error(.badNumber(original(r)), at: r.lowerBound)
        }
        let unitRange = r.lowerBound + literal.length..<r.upperBound
        guard !unitRange.isEmpty else { return (literal, nil) }
        let written = String(String.UnicodeScalarView(s[unitRange]))
        guard let unit = NumberUnit.all[written] else {
            throw error(.unknownUnit(original(unitRange)), at: unitRange.lowerBound)
        }
        return (literal, unit)
    }

    /// The text glued before a range, folded and split at its first relation word:
    /// `增长` is a relation, `支出` a label, `教育支出增长` both (label 教育支出,
    /// relation 增长). Before the split there was only the relation, and `支出>1亿`
    /// looked for facts stated "支出 1亿" — none.
    private func gluedWords(_ r: Range<Int>) -> (relation: String?, label: String?) {
        guard !r.isEmpty else { return (nil, nil) }
        let folded = Array(fold(original(r)).unicodeScalars)
        guard !folded.isEmpty else { return (nil, nil) }
        for start in folded.indices where RelationWordsInQueries.starts(folded[start...]) {
            let label = String(String.UnicodeScalarView(folded[..<start]))
            return (String(String.UnicodeScalarView(folded[start...])), label.isEmpty ? nil : label)
        }
        return (nil, String(String.UnicodeScalarView(folded)))
    }
}

/// The words that make text glued before a range a relation (`增长>5%`, `占>30%`):
/// the extractor's relation words and the families `RangeMatcher` widens them to.
enum RelationWordsInQueries {
    static let words: [[Unicode.Scalar]] = Set(RelationWords.all + RangeMatcher.increase + RangeMatcher.decrease)
        .map { Array($0.unicodeScalars) }

    /// Whether `s` starts with a relation word, or is one without its final 的
    /// (`为预算>100%` for 为预算的).
    static func starts(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        words.contains { w in
            s.starts(with: w) || (w.last == "的" && s.elementsEqual(w.dropLast()))
        }
    }
}
