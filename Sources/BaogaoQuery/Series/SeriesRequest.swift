/// How `series` and `compare` read one line of text, the same in the CLI, the
/// REPL and the server: the words that are report filters (`region:江津`,
/// `year:2023`, `kind:决算`, `level:县`, `doc:002`) select reports and years; the
/// other words, joined, are the item (`一般公共预算收入`).
public struct SeriesRequest: Sendable, Equatable {
    public var label: String
    public var filters: String

    static let filterKeys = ["region:", "year:", "doc:", "kind:", "level:", "section:"]

    public init(label: String, filters: String) {
        self.label = label
        self.filters = filters
    }

    public init(_ text: String) {
        var label: [Substring] = []
        var filters: [Substring] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }) {
            let lower = word.lowercased()
            if Self.filterKeys.contains(where: { lower.hasPrefix($0) }) { filters.append(word) } else { label.append(word) }
        }
        self.label = label.joined()
        self.filters = filters.joined(separator: " ")
    }
}
