import BaogaoQuery

/// How a protocol query is put to the engine: one `Engine` method per command, the
/// same the CLI and the REPL call, its value encoded as `--json` prints it. The
/// server adds no search logic of its own (ARCHITECTURE.md, "One engine, three
/// front ends"); what it adds is the protocol's: LIMIT capped, a paragraph id
/// checked before the index is asked, failures as error codes.
extension Engine {
    /// Answers `request` with `page` (LIMIT and OFFSET, defaults applied) within
    /// `deadline`. Exhaustive over `QueryRequest.Command`: no control request can get here.
    func answer(_ request: QueryRequest, page: Page, deadline: Deadline) throws(ProtocolError) -> ServiceResult {
        let q = request.argument
        switch request.command {
        case .search: return try encode { () throws(SearchError) in try search(q, page: page, deadline: deadline) }
        case .facts: return try encode { () throws(SearchError) in try facts(q, page: page, deadline: deadline) }
        case .ask: return try encode { () throws(SearchError) in try ask(q, deadline: deadline) }
        case .mentions: return try encode { () throws(SearchError) in try mentions(q, deadline: deadline) }
        case .series: return try encode { () throws(SearchError) in try series(SeriesRequest(q), deadline: deadline) }
        case .compare: return try encode { () throws(SearchError) in try compare(SeriesRequest(q), deadline: deadline) }
        case .define: return try encode { () throws(SearchError) in try define(q, deadline: deadline) }
        case .reports: return try encode { () throws(SearchError) in try reports(q, deadline: deadline) }
        case .stats: return try encode { () throws(SearchError) in try stats(deadline: deadline) }
        case .get:
            // The id is looked up in the index, never used as a path, so a client
            // cannot make the server read a file of its choosing.
            guard let id = ParagraphID(q) else {
                throw ProtocolError(.badRequest, "a paragraph id is <doc>#<number>, e.g. 2024/report.txt#3")
            }
            let found: ParagraphJSON?
            do { found = try paragraph(id, deadline: deadline) } catch { throw ProtocolError(error) }
            guard let found else { throw ProtocolError(.notFound, "no paragraph \(q) in the index") }
            return try ServiceResult(encoding: found)
        }
    }

    private func encode<R: Encodable>(_ body: () throws(SearchError) -> R) throws(ProtocolError) -> ServiceResult {
        let value: R
        do { value = try body() } catch { throw ProtocolError(error) }
        return try ServiceResult(encoding: value)
    }
}

extension ProtocolError {
    /// How an engine failure is told to the client: syntax errors with their
    /// position in the query, index damage as `index_error`.
    public init(_ error: SearchError) {
        switch error {
        case .syntax(let e): self.init(.syntaxError, e.message, position: e.position)
        case .index(let e): self.init(.indexError, e.description)
        case .unsupported(let position, let message): self.init(.unsupported, message, position: position)
        case .timeout: self.init(.timeout, error.description)
        }
    }
}
