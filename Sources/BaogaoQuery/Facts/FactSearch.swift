import BaogaoAnalysis
import BaogaoIndex
import Dispatch

/// Lists number facts: those of the paragraphs a query matches that satisfy the
/// query's ranges. When the query has terms, facts whose label contains them all
/// come first, then facts whose sentence does; other facts are left out. Order
/// within a tier: by value, largest first, when the query has a range; else in
/// reading order.
extension Searcher {
    public func facts(_ text: String, limit: Int = 20, offset: Int = 0) throws(SearchError) -> FactsResult {
        let start = DispatchTime.now()
        let query = try parse(text)
        return try facts(query, limit: limit, offset: offset, start: start)
    }

    public func facts(_ query: Query, limit: Int = 20, offset: Int = 0,
                      start: DispatchTime = .now()) throws(SearchError) -> FactsResult {
        let refs = try allMatches(query)
        let ranges = query.root?.positiveRanges ?? []
        let terms = Set((query.root?.positiveTerms ?? []).map(\.folded).filter { !$0.isEmpty })
        var candidates: [FactCandidate] = []
        var bySegment: [Int: [Int]] = [:]
        for r in refs { bySegment[r.segment, default: []].append(r.doc) }
        let found: Result<[FactCandidate], SearchError> = analyzers.with { analyzer in
            do throws(SearchError) {
                var all: [FactCandidate] = []
                for (s, docs) in bySegment.sorted(by: { $0.key < $1.key }) {
                    all += try segmentFacts(s, docs: docs, ranges: ranges, terms: Array(terms), analyzer: analyzer)
                }
                return .success(all)
            } catch {
                return .failure(error)
            }
        }
        candidates = try found.get()
        let byValue = !ranges.isEmpty
        candidates.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if byValue, a.value != b.value { return a.value > b.value }
            return (a.segment, a.fact) < (b.segment, b.fact)
        }
        var hits: [FactHit] = []
        for c in candidates.dropFirst(max(0, offset)).prefix(max(0, limit)) {
            let segment = index.segments[c.segment]
            let paragraph: IndexedParagraph
            do { paragraph = try index.paragraph(segment: c.segment, doc: segment.facts.doc(c.fact)) } catch { throw .index(error) }
            hits.append(FactHit(fact: segment.facts.fact(c.fact, paragraphText: paragraph.text), paragraph: paragraph, tier: c.tier))
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return FactsResult(query: query.text, total: candidates.count, tookMs: took, offset: offset, limit: limit, facts: hits)
    }

    private struct FactCandidate {
        var tier: Int
        var value: Double
        var segment: Int
        var fact: Int
    }

    private func segmentFacts(_ s: Int, docs: [Int], ranges: [NumberRange], terms: [String],
                              analyzer: Analyzer) throws(SearchError) -> [FactCandidate] {
        let segment = index.segments[s]
        let facts = segment.facts
        var out: [FactCandidate] = []
        var reader = segment.textReader()
        var i = 0
        for d in docs {
            // Facts are in document order, and so are the matched documents.
            while i < facts.count, facts.doc(i) < d { i += 1 }
            var normalized: [Unicode.Scalar]?
            while i < facts.count, facts.doc(i) == d {
                defer { i += 1 }
                guard ranges.isEmpty || ranges.contains(where: { RangeMatcher.matches($0, facts, i) }) else { continue }
                var tier = 2
                if !terms.isEmpty {
                    let label = analyzer.normalize(facts.label(i) ?? "").string
                    if terms.allSatisfy({ label.contains($0) }) {
                        tier = 0
                    } else {
                        if normalized == nil {
                            do { normalized = analyzer.normalize(try reader.text(d)).scalars } catch { throw .index(error) }
                        }
                        guard let text = normalized,
                              let sentence = FactSentence.range(around: facts, i, in: text, reader: &reader, doc: d),
                              terms.allSatisfy({ Occurrences.starts(of: Array($0.unicodeScalars), in: Array(text[sentence])).count > 0 })
                        else { continue }
                        tier = 1
                    }
                }
                out.append(FactCandidate(tier: tier, value: facts.value(i), segment: s, fact: i))
            }
        }
        return out
    }
}

/// The sentence of a paragraph that holds a fact: from the last 。；！？ before
/// the fact to the next one after it.
enum FactSentence {
    static let ends: Set<Unicode.Scalar> = ["。", "；", "！", "？", ";", "!", "?"]

    static func range(around facts: FactsTable, _ i: Int, in normalized: [Unicode.Scalar],
                      reader: inout StoredTextReader, doc: Int) -> Range<Int>? {
        // Fact offsets are in the original text; normalisation keeps one scalar per
        // scalar for CJK text and punctuation, so they are close enough to find the
        // sentence boundaries, and we clamp them to the text.
        guard let text = try? reader.text(doc) else { return nil }
        let fact = facts.fact(i, paragraphText: text)
        let at = min(max(0, fact.start), normalized.count)
        var lo = at
        while lo > 0, !ends.contains(normalized[lo - 1]) { lo -= 1 }
        var hi = min(max(at, fact.end), normalized.count)
        while hi < normalized.count, !ends.contains(normalized[hi]) { hi += 1 }
        return lo..<hi
    }
}
