import BaogaoIndex

/// The months a figure covers, read from its sentence or its report, so that a
/// question's period (上半年, 1—7月, 前三季度) is matched against what the report
/// says rather than guessed: a half-year report's 661.4亿元 is no answer to a
/// question about the whole year, and a year's figure none to one about 上半年.
enum Periods {
    /// The months a text names: 上半年 (1–6), 1—7月 (1–7), 截至10月底 (1–10), 前三季度
    /// (1–9), 一季度 (1–3), 前N个月; nil when it names none. The first such phrase counts.
    static func months(in text: String) -> (Int, Int)? {
        if let m = text.firstMatch(of: #/(\d{1,2})\s*[-—–~至到]+\s*(\d{1,2})\s*月/#), let a = Int(m.output.1),
            let b = Int(m.output.2), 1 <= a, a <= b, b <= 12
        {
            return (a, b)
        }
        if let m = text.firstMatch(of: #/(?:截至|截止到?)\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月/#), let b = Int(m.output.1),
            1 <= b, b <= 12
        {
            return (1, b)
        }
        if text.contains("上半年") || text.contains("前六个月") { return (1, 6) }
        if text.contains("前三季度") { return (1, 9) }
        if text.contains("一季度") { return (1, 3) }
        return nil
    }

    /// A span of years a text names (`2013~2017年`, `2016—2020年`, `2013年至2017年`):
    /// what a figure after it sums or averages over, not one year.
    static func yearSpan(in text: String) -> (Int, Int)? {
        guard let m = text.firstMatch(of: #/((?:19|20)\d\d)\s*年?\s*(?:~|～|—|–|-|至|到)+\s*((?:19|20)\d\d)\s*年/#),
            let a = Int(m.output.1), let b = Int(m.output.2), a < b
        else { return nil }
        return (a, b)
    }

    /// The months of a report's execution (`ReportMetadata.period`): 全年 is 1–12.
    static func months(ofReport period: String?) -> (Int, Int)? {
        guard let period else { return nil }
        if period == "全年" { return (1, 12) }
        return months(in: period)
    }

    /// Whether a fact whose sentence is `sentence` answers a question about `asked`
    /// (nil: the whole year, or a balance at its end). The sentence's own period
    /// wins over the report's: an annual report's sentence on 1—11月 is not the year.
    static func fits(_ asked: Question.Period?, sentence: String, report: IndexedReport) -> Bool {
        let covered = months(in: sentence) ?? months(ofReport: report.metadata.period)
        switch asked {
        case .months(let a, let b)?:
            return covered.map { $0 == (a, b) } ?? false
        case .yearStart?:
            return sentence.contains("年初")
        case nil, .yearEnd?:
            return covered.map { $0 == (1, 12) } ?? true
        }
    }

    /// Whether the sentence must be read to decide: a period asked for, or a report
    /// of part of a year. Annual reports answer whole-year questions unread.
    static func needsSentence(_ asked: Question.Period?, _ report: IndexedReport) -> Bool {
        if case .months? = asked { return true }
        if case .yearStart? = asked { return true }
        return months(ofReport: report.metadata.period).map { $0 != (1, 12) } ?? false
    }
}
