import BaogaoIngest

/// The JSON form, keys in the documented order:
/// `{"doc", "title", "region", "region_code", "region_chain", "level", "kind",
/// "years": {"execution", "budget"}, "period", "date", "source", "sources": {"region", "level",
/// "kind", "years", "period", "date"}, "paragraphs":
/// [{"n", "section", "lines": [first, last], "pages": [first, last], "page_lines":
/// [first, last], "year", "kind", "text"}]}` (`pages` and `page_lines`, where a PDF's
/// lines stand on its pages, are `null` for other reports); table rows add
/// `"table"`, glossary paragraphs `"term"`. Absent values are `null`, so every object
/// has the same keys.
///
/// JSONEncoder on Linux does not keep keys in the order they are encoded, so each value
/// is encoded by `JSONLines` (escaping, no `\/`, UTF-8 rather than `\u` escapes) and the
/// objects are assembled here in the documented order, one paragraph per line.
public enum ReportParagraphsJSON {
    public static func render(_ report: Report) throws -> String {
        func json<T: Encodable>(_ value: T) throws -> String { try JSONLines.line(value) }
        func json(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let m = report.metadata
        var out = "{\"doc\":\(try json(report.doc)),\"title\":\(try json(m.title))"
        out += ",\"region\":\(try json(m.region)),\"region_code\":\(try json(m.regionCode))"
        out += ",\"region_chain\":\(try json(m.regionChain)),\"level\":\(try json(m.level?.rawValue))"
        out += ",\"kind\":\(try json(m.kind?.rawValue))"
        out += ",\"years\":{\"execution\":\(json(m.executionYear)),\"budget\":\(json(m.budgetYear))}"
        out += ",\"period\":\(try json(m.period)),\"date\":\(try json(m.date)),\"source\":\(try json(m.source))"
        let s = m.sources
        out += ",\"sources\":{\"region\":\(try json(s.region.rawValue)),\"level\":\(try json(s.level.rawValue))"
        out += ",\"kind\":\(try json(s.kind.rawValue)),\"years\":\(try json(s.years.rawValue))"
        out += ",\"period\":\(try json(s.period.rawValue)),\"date\":\(try json(s.date.rawValue))}"
        out += ",\"paragraphs\":["
        for (i, p) in report.paragraphs.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "{\"n\":\(p.number),\"section\":\(try json(p.section))"
            out += ",\"lines\":[\(p.firstLine),\(p.lastLine)]"
            if let first = PageLines.place(ofLine: p.firstLine, pageStarts: m.pageStarts),
                let last = PageLines.place(ofLine: p.lastLine, pageStarts: m.pageStarts)
            {
                out += ",\"pages\":[\(first.page),\(last.page)],\"page_lines\":[\(first.line),\(last.line)]"
            } else {
                out += ",\"pages\":null,\"page_lines\":null"
            }
            out += ",\"year\":\(json(p.year))"
            out += ",\"kind\":\(try json(p.kind.rawValue)),\"text\":\(try json(p.text))"
            if let t = p.table {
                out += ",\"table\":{\"caption\":\(try json(t.caption)),\"unit\":\(try json(t.unit))"
                out += ",\"columns\":\(try json(t.columns)),\"cells\":\(try json(t.cells))}"
            }
            if let t = p.term { out += ",\"term\":\(try json(t))" }
            out += "}"
        }
        out += "\n]}\n"
        return out
    }
}
