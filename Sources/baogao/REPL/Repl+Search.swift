import BaogaoIndex
import BaogaoQuery
import Foundation

/// The search being paged through: its query, how far we got, and every hit
/// shown so far by the number printed next to it (for `:open N`, `:source N`).
struct ResultPages {
    var query: String
    var total: Int
    var nextOffset: Int
    var hits: [Int: SearchHit] = [:]

    var exhausted: Bool { nextOffset >= total }

    /// "hits 1–20", for messages about `:open N` out of range.
    var shownRange: String {
        guard let last = hits.keys.max() else { return "no hits" }
        return last == 1 ? "hit 1" : "hits 1–\(last)"
    }
}

extension Repl {
    /// A plain line: a new search, first page.
    func search(_ text: String) throws(ReplFailure) {
        let result = try runSearch(text, offset: 0)
        pages = ResultPages(query: text, total: result.total, nextOffset: 0)
        show(result)
    }

    /// `:more`, or Enter on an empty line: the next page of the last search.
    /// The next page; after the last one (Enter or :more alike) says there is no more
    /// rather than nothing, which looked like a hung prompt.
    func more() throws(ReplFailure) {
        if textPages != nil { return showTextPage() }
        guard let current = pages else { throw ReplFailure("no search to continue: type a query first") }
        guard !current.exhausted else {
            emit(json ? "{\"more\":false}" : "no more paragraphs match \(current.query) (\(current.total) in all)")
            return
        }
        show(try runSearch(current.query, offset: current.nextOffset))
    }

    private func runSearch(_ text: String, offset: Int) throws(ReplFailure) -> SearchResult {
        let engine = try requireEngine()
        let page = Page(limit: options.pageSize, offset: offset)
        let outcome = try interruptible {
            Result { () throws(SearchError) in try engine.search(text, page: page, deadline: .never) }
        }
        do { return try outcome.get() } catch { throw ReplFailure(error) }
    }

    private func show(_ result: SearchResult) {
        for (i, hit) in result.hits.enumerated() { pages?.hits[result.offset + i + 1] = hit }
        pages?.nextOffset = result.offset + result.hits.count
        if json {
            emit((try? JSONLines.line(result)) ?? "{}")
            return
        }
        // A query with a number range answers with the facts it found, as `baogao search` does.
        var text =
            result.facts.map { FactsTable.render($0, color: color, width: width) } ?? SearchPrinter.render(result, color: color)
        if result.total == 0, let engine {
            do {
                if let hint = try engine.regionHint(for: result.query) { text += "\n" + hint }
            } catch { text += "\n" + error.description }
        }
        if result.facts == nil, options.interactive, let p = pages, !p.exhausted {
            text +=
                "\n"
                + Highlighter.dim(
                    "Enter or :more for the next \(min(options.pageSize, p.total - p.nextOffset)); :open N to read hit N",
                    color: color)
        }
        emit(text)
    }

    /// The hit numbered `n` in the output of the current search.
    func hit(_ n: Int, for command: String) throws(ReplFailure) -> SearchHit {
        guard let pages else { throw ReplFailure(":\(command) \(n) refers to a hit of the last search, and there is none yet") }
        guard let hit = pages.hits[n] else {
            throw ReplFailure("no hit \(n): the last search (\(pages.query)) showed \(pages.shownRange)")
        }
        return hit
    }

    /// `:open N`: the whole paragraph, between its neighbours.
    func open(_ n: Int) throws(ReplFailure) {
        let hit = try hit(n, for: "open")
        let engine = try requireEngine()
        let opened: OpenedParagraphJSON
        do { opened = try engine.open(hit, deadline: .never) } catch { throw ReplFailure(error) }
        guard json else { return emit(ParagraphViewer.text(opened, color: color)) }
        do { emit(try JSONLines.line(opened)) } catch { throw ReplFailure("cannot encode the paragraph: \(error)") }
    }

    /// `:source N`: the report file's own lines for hit N.
    func source(_ n: Int) throws(ReplFailure) {
        let hit = try hit(n, for: "source")
        let p = hit.paragraph
        let engine = try requireEngine()
        let lines: SourceLinesJSON
        do { lines = try engine.sourceLines(of: p, corpus: options.corpus, deadline: .never) } catch {
            throw ReplFailure(error, paragraph: p, corpus: options.corpus)
        }
        guard json else { return emit(SourceLines.text(lines, color: color)) }
        do { emit(try JSONLines.line(lines)) } catch { throw ReplFailure("cannot encode the source lines: \(error)") }
    }

    func stats() throws(ReplFailure) {
        let engine = try requireEngine()
        let stats: IndexStats
        do { stats = try engine.stats(deadline: .never) } catch { throw ReplFailure(error.description) }
        if json {
            emit((try? JSONLines.line(stats)) ?? "{}")
        } else {
            emit(StatsCommand.render(stats))
        }
    }
}
