// The syntax tree of a search query: what the user asked for, with nothing yet
// about how to find it. The planner and executor read this tree; the parser
// (QueryParser) is the only code that builds it.

import BaogaoIngest

//
// Offsets: every `span` is a range of Unicode scalar offsets into `Query.text`,
// the query exactly as the user typed it (one offset unit at every interface:
// ARCHITECTURE.md, "what other engines' users taught us").

/// A parsed query: a boolean expression over terms, phrases and number ranges,
/// plus filters that restrict the whole query.
public struct Query: Sendable, Equatable {
    /// The expression that paragraphs must match. `nil` when the query is made
    /// of filters only (`year:2023 region:江津`): every paragraph that passes
    /// the filters matches.
    ///
    /// The root may be purely negative (`year:2024 -隐性`) only when `filters`
    /// is not empty: the filters then say what to subtract from. Without
    /// filters the parser rejects such a query (`nothingToSubtractFrom`).
    public var root: QueryNode?
    /// Constraints on the report and section; they apply to the whole query,
    /// wherever they were written.
    public var filters: Filters
    /// The query as typed, which every span points into.
    public var text: String

    public init(root: QueryNode?, filters: Filters = Filters(), text: String) {
        self.root = root
        self.filters = filters
        self.text = text
    }
}

/// One node of the boolean expression.
///
/// Invariants the parser guarantees (checked by `checkInvariants()` in tests):
/// `and` and `or` have at least two children and no child of their own kind
/// (they are flattened); `not` never wraps another `not` (double negation is
/// removed); both operands of `near` are `.term` or `.phrase`; every
/// alternative of an `or` is positive (see `isPositive`).
public indirect enum QueryNode: Sendable, Equatable {
    /// An unquoted run of text (`三保`, `AA评级`, `8.57亿元`): matches paragraphs
    /// that contain `folded` as a substring of their normalised text, whatever
    /// the word segmenter did to it.
    case term(Term)
    /// A quoted phrase (`"政府债务余额"`, `“三保”`, `「过紧日子」`): matches
    /// paragraphs that contain it as one contiguous piece of text. It differs
    /// from a term only in what it may contain: spaces, operator words,
    /// parentheses. `Term.original` is the text between the quotes.
    case phrase(Term)
    /// All children must match (juxtaposition `a b` or explicit `a AND b`).
    case and([QueryNode])
    /// At least one child must match (`a OR b`, `a | b`).
    case or([QueryNode])
    /// The child must not match (`-a`, `NOT a`). Only meaningful next to
    /// something positive (inside an `and`), or under filters at the root.
    case not(QueryNode)
    /// Both operands occur in the same paragraph with at most `distance`
    /// characters (normalised Unicode scalars, not words) between the end of
    /// one and the start of the other, in either order. `A NEAR B` has
    /// distance 10. Both operands are `.term` or `.phrase`.
    case near(QueryNode, QueryNode, distance: Int)
    /// A number fact of the paragraph lies in the range (`>1亿`, `增长>5%`,
    /// `1亿..10亿`).
    case range(NumberRange)
}

/// A piece of the query text that must be found in the document text.
public struct Term: Sendable, Equatable, Hashable {
    /// As typed (for a phrase: between the quotes, spaces kept).
    public var original: String
    /// The folded form (NFKC, case fold, Traditional→Simplified, as
    /// `Analyzer.normalize` does for document text), so `財政` finds `财政`
    /// and `ＧＤＰ` finds `gdp`. For phrases, runs of whitespace are collapsed
    /// to one space and trimmed before folding.
    public var folded: String
    /// Where it was typed: for a term, its characters; for a phrase, the
    /// phrase including its quotes; for a filter value, the whole filter
    /// (`region:江津`).
    public var span: Range<Int>

    public init(original: String, folded: String, span: Range<Int>) {
        self.original = original
        self.folded = folded
        self.span = span
    }
}

/// Filters narrow the set of paragraphs before the expression is evaluated.
/// Different kinds are combined with AND; several values of one kind are
/// alternatives (`year:2023 year:2024` means either year). An empty list
/// places no constraint.
public struct Filters: Sendable, Equatable {
    /// `year:2023`, `year:2022..2024`: the year a report or section speaks of.
    public var years: [ClosedRange<Int>]
    /// `region:江津`: text of the report's region (`江津` is meant to match 江津区).
    public var regions: [Term]
    /// `doc:002`: a file name or file-name prefix.
    public var docs: [Term]
    /// `section:预算执行`: text in the section path (headings).
    public var sections: [Term]
    /// `kind:决算`: the report's kind (`ReportMetadata.Kind(word:)` reads the word).
    public var kinds: [ReportKindFilter]
    /// `level:县`: the report's level.
    public var levels: [ReportLevelFilter]

    public init(
        years: [ClosedRange<Int>] = [], regions: [Term] = [],
        docs: [Term] = [], sections: [Term] = [],
        kinds: [ReportKindFilter] = [], levels: [ReportLevelFilter] = []
    ) {
        self.years = years
        self.regions = regions
        self.docs = docs
        self.sections = sections
        self.kinds = kinds
        self.levels = levels
    }

    /// True when no filter was given.
    public var isEmpty: Bool {
        years.isEmpty && regions.isEmpty && docs.isEmpty && sections.isEmpty && kinds.isEmpty && levels.isEmpty
    }

    /// True when some filter concerns the report rather than the paragraph.
    var concernsReports: Bool {
        !(regions.isEmpty && docs.isEmpty && kinds.isEmpty && levels.isEmpty)
    }
}

/// A `kind:` filter: the value as typed and the kind it names.
public struct ReportKindFilter: Sendable, Equatable {
    public var original: String
    public var kind: ReportMetadata.Kind
}

/// A `level:` filter: the value as typed and the level it names.
public struct ReportLevelFilter: Sendable, Equatable {
    public var original: String
    public var level: ReportMetadata.Level
}
