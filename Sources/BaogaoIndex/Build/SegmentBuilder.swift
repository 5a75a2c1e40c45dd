import BaogaoAnalysis
import BaogaoIngest

/// Inverts reports into one segment in memory: assigns a document id to every
/// paragraph, analyses its text, and appends to each term's postings. Not
/// thread-safe: indexing runs one builder per worker thread.
final class SegmentBuilder {
    private let analyzer: Analyzer
    private var grams = GramTable()
    private var words = WordTable()

    // Terms, by id.
    private(set) var termKinds: [TermKind] = []
    private(set) var termGramKeys: [UInt64] = []     // 0 for words
    private(set) var termWordIndex: [Int32] = []     // -1 for grams
    private(set) var postings = TermPostings()

    private(set) var docs = DocColumns()
    private(set) var reports: [ReportRecord] = []
    private(set) var sections = SectionTable()
    private(set) var store = StoreWriter()
    private(set) var facts = FactsWriter()

    // Per-paragraph scratch, kept to reuse its capacity.
    private var occurrences: [UInt64] = []
    private var touched: [Int32] = []
    private var wordScratch: [UInt32] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    var docCount: Int { docs.count }
    var isEmpty: Bool { reports.isEmpty }
    /// The memory the builder holds, roughly: what decides when to flush a segment.
    var memoryEstimate: Int { postings.heldBytes + termKinds.count * 96 + store.byteCount + docs.count * 16 + facts.byteCount }

    /// Adds every paragraph of `report`, read from the corpus file described by `source`.
    func add(_ report: Report, source: SourceFile) {
        let reportIndex = UInt32(reports.count)
        reports.append(ReportRecord(source: source, metadata: report.metadata,
                                    firstDoc: UInt32(docs.count),
                                    paragraphCount: UInt32(report.paragraphs.count)))
        for paragraph in report.paragraphs {
            add(paragraph, report: reportIndex, metadata: report.metadata)
        }
    }

    private func add(_ paragraph: Paragraph, report: UInt32, metadata: ReportMetadata) {
        for fact in NumberExtractor.facts(in: paragraph, report: metadata) {
            facts.append(fact, doc: docs.count)
        }
        let analyzed = analyzer.analyze(paragraph.text)
        invert(analyzed, doc: Int32(docs.count))
        let section = sections.id(for: paragraph.section)
        docs.append(length: analyzed.normalized.count, year: paragraph.year, report: report,
                    section: section, kind: paragraph.kind)
        store.append(StoredParagraph(paragraph: paragraph, normalized: analyzed.normalized))
    }

    /// Collects `(term id << 32 | position)` for every gram and word, then writes
    /// each touched term's posting in two passes: headers (doc gap, frequency)
    /// first, then position gaps. Grams and words arrive in position order, so
    /// every term's positions come out ascending without a sort.
    private func invert(_ analyzed: AnalyzedText, doc: Int32) {
        // Work on locals: mutating stored properties of a class in the loop would
        // cost a dynamic exclusivity check per access.
        var table = GramTable(capacity: 0), wordTable = WordTable(), terms = TermPostings()
        swap(&table, &grams); swap(&wordTable, &words); swap(&terms, &postings)
        defer { swap(&table, &grams); swap(&wordTable, &words); swap(&terms, &postings) }
        occurrences.removeAll(keepingCapacity: true)

        let scalars = analyzed.normalized.scalars
        var previousIsCJK = false
        for i in 0..<scalars.count {
            let c = scalars[i]
            guard CJKGrams.isCJK(c) else { previousIsCJK = false; continue }
            let unigram = table.id(for: TermKey.gram(c, nil)) { register(.unigram, gram: TermKey.gram(c, nil), &terms) }
            occurrences.append(UInt64(UInt32(bitPattern: unigram)) << 32 | UInt64(i))
            if previousIsCJK {
                let key = TermKey.gram(scalars[i - 1], c)
                let bigram = table.id(for: key) { register(.bigram, gram: key, &terms) }
                occurrences.append(UInt64(UInt32(bitPattern: bigram)) << 32 | UInt64(i - 1))
            }
            previousIsCJK = true
        }
        for token in analyzed.words {
            wordScratch.removeAll(keepingCapacity: true)
            for k in Int(token.start)..<Int(token.end) {
                let v = scalars[k].value
                // Numbers are one term with or without thousands separators.
                if token.kind == .number && v == 0x2C { continue }
                wordScratch.append(v)
            }
            let wordIndex = Int32(wordTable.count)  // the index a new word gets
            let id = wordScratch.withUnsafeBufferPointer { w in
                wordTable.id(for: w) { register(.word, gram: 0, &terms, word: wordIndex) }
            }
            occurrences.append(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(token.position))
        }
        writePostings(doc: doc, &terms)
    }

    private func register(_ kind: TermKind, gram: UInt64, _ terms: inout TermPostings, word: Int32 = -1) -> Int32 {
        let id = Int32(termKinds.count)
        termKinds.append(kind)
        termGramKeys.append(gram)
        termWordIndex.append(word)
        terms.add(hasPositions: kind.hasPositions)
        return id
    }

    private func writePostings(doc: Int32, _ terms: inout TermPostings) {
        touched.removeAll(keepingCapacity: true)
        for o in occurrences {
            let t = Int(o >> 32)
            if terms.seenIn[t] != doc {
                terms.seenIn[t] = doc
                terms.freqInDoc[t] = 0
                touched.append(Int32(t))
            }
            terms.freqInDoc[t] += 1
        }
        for t32 in touched {
            let t = Int(t32)
            terms.appendVarint(t, UInt32(doc - terms.lastDoc[t] - 1))
            terms.appendVarint(t, terms.freqInDoc[t] - 1)
            terms.lastDoc[t] = doc
            terms.docFreq[t] += 1
            terms.previousPosition[t] = -1
        }
        for o in occurrences {
            let t = Int(o >> 32)
            guard terms.hasPositions[t] else { continue }
            let position = Int32(truncatingIfNeeded: o & 0xFFFF_FFFF)
            terms.appendVarint(t, UInt32(position - terms.previousPosition[t] - 1))
            terms.previousPosition[t] = position
        }
    }

    /// The dictionary key of a term id.
    func key(of term: Int) -> [UInt8] {
        if termKinds[term] == .word { return TermKey.make(.word, words.text(ofWord: Int(termWordIndex[term]))) }
        return TermKey.bytes(ofGram: termGramKeys[term])
    }

    /// Hands a term's postings to the writer and frees them.
    func takePostings(_ term: Int) -> (bytes: [UInt8], hasPositions: Bool) {
        let out = (postings.bytes[term], postings.hasPositions[term])
        postings.release(term)
        return out
    }
}

/// A corpus file as the index knows it.
public struct SourceFile: Sendable, Equatable, Codable {
    /// Path relative to the corpus folder: the report's `doc` in citations.
    public var path: String
    /// Content fingerprint (see `CorpusScanner.fingerprint`).
    public var fingerprint: String
    public var bytes: Int

    public init(path: String, fingerprint: String, bytes: Int) {
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
    }
}
