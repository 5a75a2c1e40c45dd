// Everything that can be wrong with a query, and where. The parser never
// crashes on any input: it returns a Query or throws one of these. Messages
// are written here and rendered (with a caret under the offending character)
// in QuerySyntaxError+Rendering.swift, in one place, as STYLE.md asks.

/// A query that cannot be parsed: what is wrong, and where.
public struct QuerySyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong. Each case names the problem; the associated values are
    /// the offending text, for the message.
    public enum Kind: Sendable, Equatable {
        /// Nothing but spaces.
        case emptyQuery
        /// A phrase whose opening quote (pointed at) is never closed.
        case unterminatedPhrase(quote: String)
        /// A closing quote (`”`, `」`) with no opening quote before it.
        case unexpectedClosingQuote(String)
        /// A term with nothing left to search for once folded (only
        /// characters that normalisation removes).
        case nothingSearchable(String)
        /// `""`, or a phrase of spaces only.
        case emptyPhrase
        /// A `(` (pointed at) that is never closed.
        case unclosedParenthesis
        /// A `)` with no `(` before it.
        case unexpectedClosingParenthesis
        /// `()`.
        case emptyParentheses
        /// An operator (`OR`, `|`, `AND`, `NOT`, `-`, `NEAR`) with nothing on
        /// one side; points at the operator.
        case missingOperand(operator: String)
        /// The query only excludes (`-隐性`): there is nothing to subtract
        /// from. Points at the first exclusion.
        case nothingToSubtractFrom
        /// An alternative of OR only excludes (`债务 OR -隐性`).
        case negativeAlternative
        /// `NEAR/x` where x is not a whole number from 0 to `maxNearDistance`.
        case badNearDistance(String)
        /// An operand of NEAR that is not a term or a phrase; points at it.
        case nearOperandNotTerm
        /// `year:` with nothing after the colon.
        case emptyFilterValue(filter: String)
        /// A year that is not four digits from 1900 to 2100, or not `a..b`.
        case badYear(String)
        /// `kind:` with a word that names no report kind.
        case unknownKind(String)
        /// `level:` with a word that names no level.
        case unknownLevel(String)
        /// A filter inside parentheses: filters restrict the whole query.
        case filterInsideParentheses(filter: String)
        /// A filter after `-`/`NOT`, or as an operand of `OR` or `NEAR`.
        case filterAsOperand(filter: String, operator: String)
        /// A comparison or range with no valid number where one belongs.
        case badNumber(String)
        /// A range whose lower bound exceeds its upper bound (`10亿..1亿`,
        /// `year:2024..2022`).
        case badRange
        /// A unit the number scanner does not know (`>5斤`).
        case unknownUnit(String)
        /// The two bounds of a range in units of different kinds.
        case mixedUnits(String, String)
        /// Parentheses nested deeper than `QueryParser.maxNesting`.
        case nestingTooDeep(limit: Int)
    }

    public var kind: Kind
    /// Unicode scalar offset into `query` of the offending character; equal
    /// to the scalar count when the problem is at the end.
    public var position: Int
    /// The query as typed.
    public var query: String

    public init(_ kind: Kind, at position: Int, in query: String) {
        self.kind = kind
        self.position = position
        self.query = query
    }

    /// One sentence saying what is wrong and how to fix it.
    public var message: String {
        switch kind {
        case .emptyQuery:
            return "empty query: type a term, a \"phrase\" or a filter such as year:2024"
        case .unterminatedPhrase(let quote):
            return "this \(quote) opens a phrase that is never closed; add the closing \(Self.partner(of: quote))"
        case .unexpectedClosingQuote(let quote):
            return "closing quote \(quote) without an opening quote before it"
        case .nothingSearchable(let text):
            return "nothing searchable in \(text) once folded"
        case .emptyPhrase:
            return "empty phrase: put some text between the quotes"
        case .unclosedParenthesis:
            return "this ( is never closed; add a )"
        case .unexpectedClosingParenthesis:
            return "this ) has no ( before it"
        case .emptyParentheses:
            return "empty parentheses: put a term between ( and )"
        case .missingOperand(let op):
            switch op {
            case "NOT", "-": return "nothing after \(op): say what to exclude, as in 债务 -隐性"
            default: return "\(op) needs something on both sides, as in 过紧日子 \(op) 紧日子"
            }
        case .nothingToSubtractFrom:
            return "the query only excludes: nothing to subtract from; add a term (债务 -隐性) or a filter (year:2024 -隐性)"
        case .negativeAlternative:
            return "an alternative of OR cannot only exclude; write 债务 -隐性 rather than 债务 OR -隐性"
        case .badNearDistance(let text):
            return
                "bad NEAR distance \(text): write NEAR/n with n a whole number of characters from 0 to \(QueryParser.maxNearDistance)"
        case .nearOperandNotTerm:
            return "NEAR joins two terms or phrases, as in 收入 NEAR/5 增长"
        case .emptyFilterValue(let filter):
            return "\(filter): needs a value right after the colon, as in \(Self.example(of: filter))"
        case .badYear(let text):
            return "bad year \(text): write year:2024 or year:2022..2024"
        case .unknownKind(let text):
            return "unknown report kind \(text): write kind:预算报告, kind:决算, kind:预算调整, kind:年中 or kind:其他"
        case .unknownLevel(let text):
            return "unknown level \(text): write level:中央, level:省, level:市, level:县 or level:乡镇"
        case .filterInsideParentheses(let filter):
            return "\(filter): restricts the whole query; write it outside the parentheses"
        case .filterAsOperand(let filter, let op):
            return "\(filter): restricts the whole query and cannot be an operand of \(op); write it beside the other terms"
        case .badNumber(let text):
            return text.isEmpty ? "a number is missing here" : "expected a number, found \(text)"
        case .badRange:
            return "the lower bound of this range is greater than the upper bound"
        case .unknownUnit(let unit):
            return "unknown unit \(unit): use 元 万元 亿元 万亿元 % 个百分点, or a count unit such as 个 家 户 人次 亩 公里 平方米"
        case .mixedUnits(let a, let b):
            return "the bounds of this range are in different units (\(a), \(b))"
        case .nestingTooDeep(let limit):
            return "nested too deeply: more than \(limit) levels of parentheses"
        }
    }

    /// The message and the query with a caret under the offending character.
    public var description: String {
        "error: \(message)\n\(rendered)"
    }

    static func partner(of quote: String) -> String {
        switch quote {
        case "“": return "”"
        case "「": return "」"
        case "『": return "』"
        default: return quote
        }
    }

    static func example(of filter: String) -> String {
        switch filter {
        case "year": return "year:2024"
        case "region": return "region:江津"
        case "doc": return "doc:002"
        case "kind": return "kind:决算"
        case "level": return "level:县"
        default: return "section:\"预算执行\""
        }
    }
}
