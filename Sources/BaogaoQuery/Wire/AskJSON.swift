/// `ask --json`, the REPL's questions in `:json` mode and ASK.

extension AskResult: Encodable {
    enum Keys: String, CodingKey { case question, form, parsed, answer, alternatives, message, choices, took_ms }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(question, forKey: .question)
        try c.encode(parsed.formName, forKey: .form)
        try c.encode(ParsedQuestionJSON(parsed), forKey: .parsed)
        try c.encode(answer, forKey: .answer)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(message, forKey: .message)
        if !choices.isEmpty { try c.encode(choices, forKey: .choices) }
        try c.encodeTookMs(tookMs)
    }
}

/// The fields the parser read, so a client can show what was understood.
struct ParsedQuestionJSON: Encodable {
    var year: String?
    var region: String?
    var scope: String?
    var metric: String
    var stage: String?
    var label: String?
    var term: String?
    var range: String?
    var period: String?
    var parts: [String]?

    init(_ question: Question) {
        let within = question.within ?? Narrowing()
        switch within.year {
        case .year(let y): year = String(y)
        case .current: year = "今年"
        case .previous: year = "上年"
        case nil: year = nil
        }
        region = within.region ?? within.unknownRegion
        scope = within.scope ?? within.place
        switch within.period {
        case .months(let a, let b)?: period = "\(a)—\(b)月"
        case .yearEnd?: period = "年末"
        case .yearStart?: period = "年初"
        case nil: period = nil
        }
        metric = Question.Metric.amount.rawValue
        switch question {
        case .figure(let q):
            metric = q.metric.rawValue
            stage = q.stage?.rawValue
            label = q.label
        case .figures(let qs):
            metric = qs.first?.metric.rawValue ?? metric
            stage = qs.first?.stage?.rawValue
            label = qs.first?.label
            parts = qs.compactMap(\.label)
        case .list(let q):
            label = q.label
            range = q.threshold.written
        case .definition(let q):
            term = q.term
        }
    }
}

extension Answer: Encodable {
    enum Keys: String, CodingKey {
        case text, value, unit, readable, label, scope, year, relation, region, sentence, citation, related, items, parts, note,
            confidence, explain
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(readable, forKey: .readable)
        try c.encode(label, forKey: .label)
        try c.encode(scope, forKey: .scope)
        try c.encode(year, forKey: .year)
        try c.encode(relation, forKey: .relation)
        try c.encode(region, forKey: .region)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(citation, forKey: .citation)
        if !related.isEmpty { try c.encode(related, forKey: .related) }
        try c.encodeIfPresent(items, forKey: .items)
        try c.encodeIfPresent(parts, forKey: .parts)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(confidence, forKey: .confidence)
        try c.encodeIfPresent(explain, forKey: .explain)
    }
}

extension AnswerCitation: Encodable {
    enum Keys: String, CodingKey { case doc, paragraph, lines, pages, section, source, pageLines = "page_lines" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CitationFields(self), fields: [.doc, .paragraph, .lines, .pages, .pageLines, .section, .source])
    }
}

/// Optional keys are left out when absent, as the synthesised conformance did.
extension RelatedFigure: Encodable {
    enum Keys: String, CodingKey { case text, value, unit, relation }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(relation, forKey: .relation)
    }
}

/// Optional keys are left out when absent, as the synthesised conformance did.
extension AnswerItem: Encodable {
    enum Keys: String, CodingKey { case label, text, value, unit, scope, year, region, citation }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(label, forKey: .label)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(scope, forKey: .scope)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encodeIfPresent(region, forKey: .region)
        try c.encode(citation, forKey: .citation)
    }
}
