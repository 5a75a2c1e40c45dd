import BaogaoIndex
import BaogaoIngest
import Foundation

/// The one interface the front ends call: the CLI's commands, the REPL and the
/// server each answer a command with one of these methods and print (or frame)
/// the value it returns, whose JSON is in `Wire/`. None of them reaches past it
/// into `Searcher` and its features, so a command means the same in all three
/// (ARCHITECTURE.md, "One engine, three front ends").
///
/// An engine is a committed index snapshot and nothing else: a value, cheap to
/// copy, shared by any number of threads. Each call takes the `Deadline` it must
/// finish by (`.never` on the command line and in the REPL, the request's budget
/// in the server) and runs on a `Searcher` of the snapshot made for that call, so
/// the snapshot's caches are shared and no call's budget leaks into another's.
public struct Engine: Sendable {
    public let snapshot: IndexSnapshot

    public init(snapshot: IndexSnapshot) {
        self.snapshot = snapshot
    }

    public init(index: IndexReader, fanOutMinimumDocs: Int = Searcher.defaultFanOutMinimumDocs) {
        self.init(snapshot: IndexSnapshot(index: index, fanOutMinimumDocs: fanOutMinimumDocs))
    }

    /// Opens the committed index at `path` (verifying it).
    public static func open(path: String) throws(IndexError) -> Engine {
        Engine(index: try IndexReader.open(path: path))
    }

    public var index: IndexReader { snapshot.index }

    /// The snapshot's searcher for one call.
    private func searcher(_ deadline: Deadline) -> Searcher {
        Searcher(snapshot: snapshot, deadline: deadline)
    }

    /// A page of the paragraphs matching `text` (docs/QUERY_LANGUAGE.md); with a
    /// number range, the facts in range too.
    public func search(_ text: String, page: Page, deadline: Deadline) throws(SearchError) -> SearchResult {
        try searcher(deadline).search(text, limit: page.limit, offset: page.offset)
    }

    /// Why a search that found nothing may have: a `region:` filter naming no
    /// region of the index, with the closest ones; nil when there is no such filter.
    public func regionHint(for text: String) throws(SearchError) -> String? {
        try searcher(.never).regionHint(for: text)
    }

    /// A page of the number facts `text` selects; a blank `text` lists every
    /// fact of the index (the query language itself has no empty query).
    public func facts(_ text: String, page: Page, deadline: Deadline) throws(SearchError) -> FactsResult {
        let s = FactFinder(searcher(deadline))
        guard !Whitespace.isBlank(text) else {
            return try s.facts(Query(root: nil, text: ""), limit: page.limit, offset: page.offset)
        }
        return try s.facts(text, limit: page.limit, offset: page.offset)
    }

    /// The answer to a question, with its citation and alternatives; `explain`
    /// says why it won and where each alternative lost.
    public func ask(_ question: String, explain: Bool = false, deadline: Deadline) throws(SearchError) -> AskResult {
        try Answerer(searcher(deadline)).ask(question, explain: explain)
    }

    /// Every report's glossary definition of `term`.
    public func define(_ term: String, deadline: Deadline) throws(SearchError) -> DefineResult {
        try Glossary(searcher(deadline)).define(term)
    }

    /// Every paragraph matching `term` (a word, a phrase or any query), grouped by
    /// the year it speaks of, then by report.
    public func mentions(_ term: String, deadline: Deadline) throws(SearchError) -> MentionsResult {
        try MentionFinder(searcher(deadline)).mentions(term)
    }

    /// An item year by year, in every stage the reports give, for each region
    /// the filters select (`SeriesRequest`: the item, then report filters).
    public func series(_ request: SeriesRequest, deadline: Deadline) throws(SearchError) -> SeriesResult {
        try SeriesBuilder(searcher(deadline)).series(request)
    }

    /// An item in the one year `year:` names for every region the filters
    /// select, largest first.
    public func compare(_ request: SeriesRequest, deadline: Deadline) throws(SearchError) -> CompareResult {
        try SeriesBuilder(searcher(deadline)).compare(request)
    }

    /// The indexed reports passing the report filters of `filters` (blank: all).
    public func reports(_ filters: String, deadline: Deadline) throws(SearchError) -> ReportsResult {
        try searcher(deadline).reports(filters)
    }

    /// The paragraph `id` names, looked up in the index, never read from a path
    /// of the caller's choosing; nil when the index has no such paragraph.
    public func paragraph(_ id: ParagraphID, deadline: Deadline) throws(SearchError) -> ParagraphJSON? {
        try deadline.check()
        do {
            guard let place = try index.locate(doc: id.doc, paragraph: id.number) else { return nil }
            return ParagraphJSON(try index.paragraph(segment: place.segment, doc: place.doc))
        } catch { throw .index(error) }
    }

    /// A hit's whole paragraph between the paragraphs before and after it in its
    /// report (nil at either end, or where one cannot be read: the hit is what was
    /// asked for, its neighbours only context).
    public func open(_ hit: SearchHit, deadline: Deadline) throws(SearchError) -> OpenedParagraphJSON {
        try deadline.check()
        let p = hit.paragraph
        func fetch(_ number: Int) -> IndexedParagraph? {
            guard let at = try? index.locate(doc: p.report.doc, paragraph: number) else { return nil }
            return try? index.paragraph(segment: at.segment, doc: at.doc)
        }
        return OpenedParagraphJSON(hit: hit, before: fetch(p.number - 1), after: fetch(p.number + 1))
    }

    /// The report file's own lines a paragraph was built from, found under
    /// `corpus` (the index keeps corpus-relative paths) and read through
    /// ingestion — the decoder and line ends that numbered them — so a GB18030
    /// or CR-ended file shows the right ones.
    public func sourceLines(
        of paragraph: IndexedParagraph, corpus: String, deadline: Deadline
    ) throws(SourceLinesError) -> SourceLinesJSON {
        if deadline.hasPassed { throw .timeout }
        let path = (corpus as NSString).appendingPathComponent(paragraph.report.doc)
        let lines: [SourceLine]
        do {
            lines = try ReportReader.sourceLines(
                fileAt: path, lines: paragraph.firstLine...max(paragraph.firstLine, paragraph.lastLine))
        } catch { throw .unreadable(path: path, error) }
        guard lines.count == paragraph.lastLine - paragraph.firstLine + 1 else { throw .changed(path: path) }
        return SourceLinesJSON(paragraph: paragraph, text: lines.map(\.text))
    }

    /// What the index holds: reports, paragraphs, terms, postings, sizes.
    public func stats(deadline: Deadline) throws(SearchError) -> IndexStats {
        try deadline.check()
        do { return try index.stats() } catch { throw .index(error) }
    }
}
