@testable import BaogaoQuery

/// The parsed question's fields side by side, read off whichever form holds
/// them, so that the parser's tests read as one table (question → fields) and a
/// field a form does not have reads as nil.
extension Question {
    enum Form { case value, list, definition }

    var form: Form {
        switch self {
        case .figure, .figures: return .value
        case .list: return .list
        case .definition: return .definition
        }
    }

    private var figure: FigureQuestion? {
        switch self {
        case .figure(let q): return q
        case .figures(let qs): return qs.first
        default: return nil
        }
    }

    private var listQuestion: ListQuestion? {
        if case .list(let q) = self { return q }
        return nil
    }

    var year: YearRef? { within?.year }
    var period: Period? { within?.period }
    var region: String? { within?.region }
    var unknownRegion: String? { within?.unknownRegion }
    var regionsInside: [String] { within?.regionsInside ?? [] }
    var scope: String? { within?.scope }
    var label: String? { figure?.label ?? listQuestion?.label }
    var metric: Metric { figure?.metric ?? .amount }
    var stage: Stage? { figure?.stage }
    var countUnit: String? { figure?.counted?.unit }
    var countedThing: String? { figure?.counted?.thing }
    var parts: [String] {
        if case .figures(let qs) = self { return qs.compactMap(\.label) }
        return []
    }
    var term: String? {
        if case .definition(let d) = self { return d.term }
        return nil
    }
    var range: String? { listQuestion?.threshold.written }
    var threshold: NumberRange? { listQuestion?.threshold.range }
    var whole: String? { listQuestion?.whole }
    var itemKind: String? { listQuestion?.itemKind }
    var budget: String? { listQuestion?.budget }
}
