/// A long text shown a screenful at a time, paged as search results are
/// (Enter or `:more`): `:help` is longer than a terminal and its first lines,
/// the REPL's own commands, scrolled away before they could be read.
struct TextPages {
    private let lines: [Substring]
    private var next = 0
    let pageSize: Int
    /// What the hint after a page calls the text ("the help").
    let name: String

    /// `text` already wrapped to the screen, so that a page is a screenful.
    init(_ text: String, pageSize: Int, name: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.pageSize = max(1, pageSize)
        self.name = name
    }

    var exhausted: Bool { next >= lines.count }

    /// The next page, or nil after the last.
    mutating func nextPage() -> String? {
        guard !exhausted else { return nil }
        let end = min(lines.count, next + pageSize)
        defer { next = end }
        return lines[next..<end].joined(separator: "\n")
    }
}
