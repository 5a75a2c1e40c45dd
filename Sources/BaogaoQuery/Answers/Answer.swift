import BaogaoAnalysis
import BaogaoIndex

/// What `ask` returns: the parsed question, the answer (nil when nothing fits
/// well enough: a wrong confident answer is worse than none), the alternatives
/// (figures that fit nearly as well, or, with no answer, the closest candidates)
/// and a plain message when there is no answer.
public struct AskResult: Sendable {
    public var question: String
    public var parsed: Question
    public var answer: Answer?
    public var alternatives: [Answer]
    /// Why there is no answer ("no answer found: …"), nil when there is one.
    public var message: String?
    public var tookMs: Double
    /// When the question is asked back rather than answered: the regions or items
    /// to choose from (the message lists them too).
    public var choices: [String] = []
    /// Whether the answers carry `Answer.explain` (`ask(_:explain:)`).
    var explaining = false
}

/// Where a figure or definition was read: report, paragraph, source lines, section.
/// A figure's lines are those of its sentence; a definition's, its paragraph's.
public struct AnswerCitation: Sendable, Equatable {
    public var doc: String
    public var paragraph: Int
    public var lines: [Int]
    public var section: [String]
    public var region: String?
    /// The report's web address, when a catalogue gives one.
    public var source: String?
    /// For a PDF, the line each page starts on (`ReportMetadata.pageStarts`), so the
    /// citation gives page and line; empty for other reports.
    public var pageStarts: [Int]

    public init(_ p: IndexedParagraph) {
        doc = p.report.doc
        source = p.report.metadata.source
        pageStarts = p.report.metadata.pageStarts
        paragraph = p.number
        lines = [p.firstLine, p.lastLine]
        section = p.section
        region = p.report.region
    }

    /// The citation of one sentence of `p`: `range` is the sentence in Unicode
    /// scalar offsets into the paragraph's text, and `lines` the source lines it
    /// stands on (`ParagraphLines`), not the paragraph's whole span, which for
    /// hard-wrapped PDF text runs to 30 lines and more.
    public init(_ p: IndexedParagraph, sentence range: Range<Int>) {
        self.init(p)
        let span = p.lines(of: range)
        lines = [span.lowerBound, span.upperBound]
    }

    /// `002_b5c26ff8d3e05e66.txt#9`
    public var id: String { "\(doc)#\(paragraph)" }
}

/// A figure of the same sentence that bears on the question (the growth rate
/// next to an amount, the amount next to a rate).
public struct RelatedFigure: Sendable, Equatable {
    public var text: String
    public var value: Double
    public var unit: String
    public var relation: String?
}

/// One qualifying line of a list answer.
public struct AnswerItem: Sendable, Equatable {
    public var label: String
    public var text: String
    public var value: Double
    public var unit: String
    /// 全市, 市级 …, when the report says whose figure it is.
    public var scope: String?
    /// The year the figure speaks of.
    public var year: Int?
    public var region: String?
    public var citation: AnswerCitation
}

/// One answer: a figure, a definition (text = the definition) or a list (items).
public struct Answer: Sendable {
    /// The figure as written (`67.96亿元`), the definition, or a list summary.
    public var text: String
    /// In base units (元, %, 个百分点, or the count's unit); nil for definitions and lists.
    public var value: Double?
    public var unit: String?
    public var label: String?
    public var scope: String?
    public var year: Int?
    public var relation: String?
    public var region: String?
    /// The supporting sentence, cut from the paragraph as written.
    public var sentence: String?
    public var citation: AnswerCitation?
    public var related: [RelatedFigure] = []
    /// List answers: the qualifying lines; nil for other answers.
    public var items: [AnswerItem]?
    /// Two-part questions (`…收入和支出分别是多少`): each figure with its own citation.
    public var parts: [Answer]?
    /// For an alternative: what distinguishes it from the answer (`区级`, `预算`, `2024年`).
    public var note: String?
    /// For a figure read from a sentence rather than a labelled fact
    /// (`SentenceFallback`): `high` when the sentence names the item as asked,
    /// `medium` when with a word inside it; nil for labelled answers.
    public var confidence: String?
    /// With `ask(_:explain:)`: why the answer won, or on which field of the
    /// ranking an alternative lost to it (`scope: 区级 where 全区 was asked`).
    public var explain: String?
    /// The paragraph itself, for front ends that print a full citation line.
    public var paragraph: IndexedParagraph?

    /// The value in a readable unit: `67.96亿元`, `-32.3%`, `270000人次`.
    public var readable: String? {
        guard let value, let unit else { return nil }
        return Answer.readable(value: value, unit: unit)
    }

    public static func readable(value v: Double, unit: String) -> String {
        if unit == "元" {
            if abs(v) >= 1e8 { return trim(v / 1e8) + "亿元" }
            if abs(v) >= 1e4 { return trim(v / 1e4) + "万元" }
            return trim(v) + "元"
        }
        return trim(v) + unit
    }

    static func trim(_ v: Double) -> String {
        let scaled = (v * 10_000).rounded() / 10_000
        if scaled == scaled.rounded(), abs(scaled) < 1e15 { return String(Int64(scaled)) }
        var s = String(scaled)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
