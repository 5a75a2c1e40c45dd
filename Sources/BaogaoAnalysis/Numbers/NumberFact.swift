/// One number read from a paragraph, with what it measures.
///
/// Conventions (the contract with the index and the query side):
///
/// - **Offsets** `start`/`end` are Unicode scalar offsets into `Paragraph.text` as
///   written (end exclusive). They cover the number and its unit (`141050 万元`,
///   `32万余户`), not qualifier words standing outside them (`约`, `超`, `以上`, `左右`).
/// - **Base units.** Money is in 元 (`22960万元` → 229600000, unit `元`); percentages in
///   `%`; percentage points in `个百分点`; counts in their own unit with any 万/亿
///   magnitude folded into the value (`27万人次` → 270000 `人次`, `62.35万平方米` →
///   623500 `平方米`, `2.18万名` → 21800 `名`).
/// - **Sign.** Amounts and counts keep the sign as written (`-3480.83万元` is negative).
///   Percentages and percentage points are *changes* when a decrease word introduces
///   them: with relation 下降 / 同比下降 / 减少 / 降低 / 低于 / 回落 / 下滑 / 减 the value is
///   negative (`同比下降 2.57%` → -2.57, relation `同比下降`). Shares (`为预算的100.2%`,
///   `占…的 72.76%`) and increases stay positive.
/// - **Approximate.** `approximate` is true when a qualifier makes the number inexact;
///   `qualifier` keeps the word (`约`, `超`, `近`, `余`, `以上`, `左右`, …).
public struct NumberFact: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Money, normalised to 元.
        case amount
        /// A percentage, in %.
        case percent
        /// A difference of percentages, in 个百分点.
        case percentagePoint
        /// A count of things in a unit (个, 户, 人次, 亩, 公里, 平方米, …).
        case count
    }

    public var kind: Kind
    /// The value in `unit`, the base unit of its kind.
    public var value: Double
    /// `元`, `%`, `个百分点`, or a count unit (`个`, `户`, `人次`, `平方米`, …).
    public var unit: String
    /// The number and its unit exactly as written (`141050 万元`, `100.25%`).
    public var text: String
    public var start: Int
    public var end: Int
    /// The item the number measures (`教育支出`, `一般公共预算收入`), or nil when the text
    /// does not name one.
    public var label: String?
    /// The word relating the number to its label (`增长`, `同比下降`, `为调整预算的`, `占`,
    /// `含`), or for an amount its stage (`预算`, `调整为`, `实际完成`, `完成`, `预计`,
    /// `安排`, `执行数`), or nil.
    public var relation: String? { didSet { relationKind = FactRelation(relation) } }
    /// What `relation` says, read once (`FactRelation`) and stored with the fact.
    public private(set) var relationKind: FactRelation
    /// The government level or part the number covers (`全区`, `区级`, `市级`, `本级`,
    /// `县（市、区）`, `高新区` for a `（含高新区 …）` part), or nil.
    public var scope: String?
    /// The year the number speaks of.
    public var year: Int?
    public var approximate: Bool
    /// The word that makes the number approximate, when there is one.
    public var qualifier: String?
    /// For table cells: the column heading of the cell.
    public var column: String?

    public init(
        kind: Kind, value: Double, unit: String, text: String, start: Int, end: Int,
        label: String? = nil, relation: String? = nil, scope: String? = nil,
        year: Int? = nil, approximate: Bool = false, qualifier: String? = nil,
        column: String? = nil, relationKind: FactRelation? = nil
    ) {
        self.kind = kind
        self.value = value
        self.unit = unit
        self.text = text
        self.start = start
        self.end = end
        self.label = label
        self.relation = relation
        self.relationKind = relationKind ?? FactRelation(relation)
        self.scope = scope
        self.year = year
        self.approximate = approximate
        self.qualifier = qualifier
        self.column = column
    }
}
