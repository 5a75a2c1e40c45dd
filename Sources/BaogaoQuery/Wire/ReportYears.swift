/// `{"execution": 2023, "budget": 2024}`: both keys always, `null` when the
/// report has no such year (a 决算 has no budget year), as `reports` and
/// `paragraphs --json` always wrote them.
public struct ReportYears: Encodable, Sendable, Equatable {
    public var execution: Int?
    public var budget: Int?

    public init(execution: Int?, budget: Int?) {
        self.execution = execution
        self.budget = budget
    }

    enum Keys: String, CodingKey { case execution, budget }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeOrNull(execution, forKey: .execution)
        try c.encodeOrNull(budget, forKey: .budget)
    }
}
