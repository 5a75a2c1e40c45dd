// A number range of the query (`>1亿`, `增长>5%`, `1000万元..1亿元`), searched
// against the number facts extracted from paragraphs (ARCHITECTURE.md, decision 4),
// not against the raw text. Values are in base units so that the executor
// compares plain Doubles: yuan for amounts, percent for percentages (5% is
// 5.0), percentage points, and the counted thing for counts (万人次 → 人次).

/// What a number measures; the same kinds as the extracted number facts.
public enum NumberKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Money, in yuan (元, 千元, 万元, 亿元, 万亿元; 万 and 亿 alone too).
    case amount
    /// A percentage (`%`, `％`), in percent.
    case percent
    /// A difference of percentages (`个百分点`), in percentage points.
    case percentagePoint
    /// A count of things (个, 家, 户, 人次, 亩, 公里, 平方米 …); `unit` says which.
    case count
}

/// A set of numbers: an interval in base units, optionally restricted to a
/// kind, a unit and a relation word.
public struct NumberRange: Sendable, Equatable {
    /// The word written right before the comparison (`增长` in `增长>5%`,
    /// `下降` in `下降>10%`), folded. The fact must have been stated with that
    /// word. `nil` when the range starts with the comparison or a number.
    public var relation: String?
    /// Text glued before the range that is no relation word (`支出` in
    /// `支出>1亿`, `教育支出` in `教育支出增长>5%`), folded: the fact's label must
    /// contain it. `nil` when there is none.
    public var label: String?
    /// `nil` when no unit was written (`>100`): any kind matches.
    public var kind: NumberKind?
    /// The base unit: `元`, `%`, `个百分点`, or the counted unit (`人次`,
    /// `平方米`, `户` …). `nil` when no unit was written.
    public var unit: String?
    /// Lower bound in base units; `nil` for none.
    public var lower: Double?
    public var lowerInclusive: Bool
    /// Upper bound in base units; `nil` for none.
    public var upper: Double?
    public var upperInclusive: Bool
    /// The range as typed, and where.
    public var original: String
    public var span: Range<Int>

    public init(
        relation: String? = nil, label: String? = nil, kind: NumberKind? = nil, unit: String? = nil,
        lower: Double? = nil, lowerInclusive: Bool = true,
        upper: Double? = nil, upperInclusive: Bool = true,
        original: String = "", span: Range<Int> = 0..<0
    ) {
        self.relation = relation
        self.label = label
        self.kind = kind
        self.unit = unit
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
        self.original = original
        self.span = span
    }

    /// Whether `value` (in base units) lies in the interval. Kind, unit and
    /// relation are the caller's to compare against the fact.
    public func contains(_ value: Double) -> Bool {
        if let lower {
            if lowerInclusive ? value < lower : value <= lower { return false }
        }
        if let upper {
            if upperInclusive ? value > upper : value >= upper { return false }
        }
        return true
    }

    /// Whether a fact of this kind and base unit can match: a range without a
    /// unit matches any kind; an amount, percent or percentage-point range
    /// matches its kind; a count range matches the same counted unit.
    public func accepts(kind factKind: NumberKind, unit factUnit: String?) -> Bool {
        guard let kind else { return true }
        guard kind == factKind else { return false }
        return kind != .count || unit == factUnit
    }

    /// One line for `sExpression` and debugging: `增长 percent >5`,
    /// `amount 元 [1e+08, 1e+09]`.
    public var summary: String {
        var parts: [String] = []
        if let label { parts.append("label:" + label) }
        if let relation { parts.append(relation) }
        if let kind { parts.append(kind.rawValue) }
        if let unit, kind == .count { parts.append(unit) }
        switch (lower, upper) {
        case (let l?, let u?) where l == u && lowerInclusive && upperInclusive:
            parts.append("=\(Self.format(l))")
        case (let l?, let u?):
            parts.append(
                (lowerInclusive ? "[" : "(") + Self.format(l) + ", "
                    + Self.format(u) + (upperInclusive ? "]" : ")"))
        case (let l?, nil):
            parts.append((lowerInclusive ? ">=" : ">") + Self.format(l))
        case (nil, let u?):
            parts.append((upperInclusive ? "<=" : "<") + Self.format(u))
        case (nil, nil):
            parts.append("any")
        }
        return parts.joined(separator: " ")
    }

    /// Whether `other` constrains the same facts (same relation, label, kind and
    /// unit), so that written side by side the two are one range: `>=1000万元
    /// <=2000万元` is 1000万元 to 2000万元, not two ranges a fact may satisfy either
    /// of. `>1亿元 增长>5%` are not: a paragraph needs a fact in each.
    public func combines(with other: NumberRange) -> Bool {
        relation == other.relation && label == other.label && kind == other.kind && unit == other.unit
    }

    /// The numbers in both ranges (see `combines(with:)`); may be empty.
    public func intersecting(_ other: NumberRange) -> NumberRange {
        var r = self
        if let l = other.lower, lower.map({ l > $0 || (l == $0 && !other.lowerInclusive) }) ?? true {
            r.lower = l
            r.lowerInclusive = other.lowerInclusive
        }
        if let u = other.upper, upper.map({ u < $0 || (u == $0 && !other.upperInclusive) }) ?? true {
            r.upper = u
            r.upperInclusive = other.upperInclusive
        }
        r.original = original + " " + other.original
        r.span = min(span.lowerBound, other.span.lowerBound)..<max(span.upperBound, other.span.upperBound)
        return r
    }

    /// No number lies in it (`>2亿 <1亿`).
    public var isEmpty: Bool {
        guard let lower, let upper else { return false }
        return lower > upper || (lower == upper && !(lowerInclusive && upperInclusive))
    }

    /// Integers without a fraction (`100000000`), others as Swift prints them.
    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
