/// One synthetic report: what it is about, its paragraphs and the file text.
public struct GeneratedReport: Sendable, Equatable {
    /// 0-based position in the corpus; the file is `r00042.txt` for 42.
    public var number: Int
    /// The seed file whose sections it follows.
    public var template: String
    /// The place it is about, e.g. `宁川区`.
    public var region: String
    /// The year of the budget it proposes; it reviews the year before.
    public var year: Int
    /// In the PDF-extracted layout rather than one paragraph per line.
    public var isHardWrapped: Bool
    public var paragraphs: [String]
    /// The file's contents.
    public var text: String

    public var fileName: String {
        let digits = String(number)
        return "r" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".txt"
    }
}
