import BaogaoIndex
import BaogaoQuery

/// The engine behind the protocol: every command is answered by the same
/// `Searcher` calls the CLI makes, and results are encoded as its `--json` prints them.
public struct EngineQueryService: QueryService {
    public init() {}

    public func search(_ query: String, page: Page, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.search(query, limit: page.limit, offset: page.offset) }
    }

    public func facts(_ query: String, page: Page, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.facts(query, limit: page.limit, offset: page.offset) }
    }

    /// A paragraph by its stable id `<doc>#<n>`, looked up in the index: the
    /// id is never used as a path, so a client cannot make the server read a
    /// file of its choosing.
    public func get(_ paragraphID: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        guard let hash = paragraphID.lastIndex(of: "#"),
            let number = Int(paragraphID[paragraphID.index(after: hash)...])
        else {
            throw ProtocolError(.badRequest, "a paragraph id is <doc>#<number>, e.g. 2024/report.txt#3")
        }
        let doc = String(paragraphID[..<hash])
        guard let place = context.index.locate(doc: doc, paragraph: number) else {
            throw ProtocolError(.notFound, "no paragraph \(paragraphID) in the index")
        }
        let paragraph: IndexedParagraph
        do { paragraph = try context.index.paragraph(segment: place.segment, doc: place.doc) } catch {
            throw ProtocolError(.indexError, error.description)
        }
        return try ServiceResult(encoding: ParagraphJSON(paragraph))
    }

    public func stats(context: QueryContext) throws(ProtocolError) -> ServiceResult {
        do {
            return try ServiceResult(encoding: try context.index.stats())
        } catch let error as IndexError {
            throw ProtocolError(.indexError, error.description)
        } catch let error as ProtocolError {
            throw error
        } catch {
            throw ProtocolError(.internal, "\(error)")
        }
    }

    public func ask(_ question: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.ask(question) }
    }

    public func define(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.define(term) }
    }

    /// The indexed reports passing `filters` (empty: all), with their metadata.
    public func reports(_ filters: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.reports(filters) }
    }

    /// Every paragraph matching `term`, grouped by the year it speaks of, then by report.
    public func mentions(_ term: String, context: QueryContext) throws(ProtocolError) -> ServiceResult {
        try run { () throws(SearchError) in try context.searcher.mentions(term) }
    }

    /// Runs an engine call and encodes its result as the CLI's --json does.
    private func run<R: Encodable>(_ body: () throws(SearchError) -> R) throws(ProtocolError) -> ServiceResult {
        let value: R
        do { value = try body() } catch { throw ProtocolError(error) }
        return try ServiceResult(encoding: value)
    }
}
