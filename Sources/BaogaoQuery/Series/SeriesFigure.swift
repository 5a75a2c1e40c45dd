/// One cell of a series or a comparison: a figure as one report states it, with
/// the sentence's citation, and the other reports' readings of the same figure it
/// replaces (a preliminary execution superseded by the 决算, an earlier report's
/// figure restated by a later one), each cited.
public struct SeriesFigure: Sendable, Equatable {
    public var stage: SeriesStage
    /// The label as the report writes it.
    public var label: String
    /// In the base unit of its kind (元 for amounts, % for growth).
    public var value: Double
    public var unit: String
    /// The number as written (`67.96亿元`).
    public var text: String
    public var relation: String?
    public var scope: String?
    /// The report's title, so a cell can be cited without looking it up.
    public var title: String
    public var citation: AnswerCitation
    /// Readings of the same year and stage from other reports whose value differs,
    /// or the preliminary execution under a 决算: kept, not shown as the figure.
    public var superseded: [SeriesFigure] = []
}
