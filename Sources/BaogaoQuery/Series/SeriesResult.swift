/// `series`: one item (一般公共预算收入) year by year for each region the
/// filters select, every stage the reports give, every cell cited.
public struct SeriesResult: Sendable {
    /// The item as asked.
    public var label: String
    /// The report filters as given.
    public var filters: String
    public var regions: [RegionSeries]
    public var tookMs: Double
}

/// One region's years, oldest first.
public struct RegionSeries: Sendable, Equatable {
    public var region: String
    public var years: [SeriesYear]
}

/// One year of a region's series.
public struct SeriesYear: Sendable, Equatable {
    public var year: Int
    /// One figure per stage the reports give, in stage order.
    public var figures: [SeriesFigure]
    /// The growth on the previous year the report of `headline` states beside it
    /// (a percent fact of the same item), nil when it states none.
    public var statedGrowth: SeriesFigure?
    /// The change on the previous year computed from the figures, in %:
    /// `headline` against the previous year's actual figure (or its headline
    /// when it has none). Nil for a first year, a gap, or a zero base.
    public var computedGrowth: Double?

    /// The year's figure that stands for it: the final accounts, else the
    /// execution, else the adjusted budget, else the budget.
    public var headline: SeriesFigure? { figures.max { $0.stage < $1.stage } }

    /// The actual figure (决算 or 执行), nil when the year has none yet.
    public var actual: SeriesFigure? { figures.last { $0.stage.isActual } }

    public func figure(_ stage: SeriesStage) -> SeriesFigure? { figures.first { $0.stage == stage } }
}

/// `compare`: one item in one year for every region that states it, largest first.
public struct CompareResult: Sendable {
    public var label: String
    public var year: Int
    public var filters: String
    public var rows: [CompareRow]
    public var tookMs: Double
}

/// One region's figure for the year: its headline (see `SeriesYear.headline`),
/// with the stage saying which it is, so a budget is never read as an outcome.
public struct CompareRow: Sendable, Equatable {
    public var rank: Int
    public var region: String
    public var figure: SeriesFigure
    public var statedGrowth: SeriesFigure?
}
