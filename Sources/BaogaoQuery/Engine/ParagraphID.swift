/// A paragraph's stable id, `<doc>#<number>` (`2024/report.txt#3`): the `id` of
/// every citation, and what the server's GET takes.
public struct ParagraphID: Sendable, Equatable {
    /// The report's corpus-relative path.
    public var doc: String
    /// The paragraph's number in its report, from 1.
    public var number: Int

    public init(doc: String, number: Int) {
        self.doc = doc
        self.number = number
    }

    /// Reads `<doc>#<number>`, splitting at the last `#` (a path may hold one); nil
    /// when there is no `#` or no number after it.
    public init?(_ text: String) {
        guard let hash = text.lastIndex(of: "#"), let number = Int(text[text.index(after: hash)...]) else { return nil }
        self.init(doc: String(text[..<hash]), number: number)
    }
}
