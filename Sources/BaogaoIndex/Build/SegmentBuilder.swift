import BaogaoAnalysis
import BaogaoIngest

/// Inverts reports into one segment in memory: assigns a document id to every
/// paragraph, analyses its text, and appends to each term's postings. Not
/// thread-safe: indexing runs one builder per worker thread.
final class SegmentBuilder {
    private let analyzer: Analyzer
    private var grams = GramTable()
    private var words: [String: Int32] = [:]

    // Terms, by id.
    private(set) var termKinds: [TermKind] = []
    private(set) var termGramKeys: [UInt64] = []     // 0 for words
    private(set) var termWords: [String] = []        // "" for grams
    private(set) var postings: [PostingBuffer] = []

    private(set) var docs = DocColumns()
    private(set) var reports: [ReportRecord] = []
    private(set) var sections = SectionTable()
    private(set) var store = StoreWriter()

    /// Bytes held in postings buffers: what decides when to flush a segment.
    private(set) var postingBytes = 0
    private var occurrences: [UInt64] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    var docCount: Int { docs.count }
    var isEmpty: Bool { reports.isEmpty }
    /// A rough count of the memory the builder holds.
    var memoryEstimate: Int { postingBytes + postings.count * 64 + store.byteCount + docs.count * 16 }

    /// Adds every paragraph of `report`, read from the corpus file described by `source`.
    func add(_ report: Report, source: SourceFile) {
        let reportIndex = UInt32(reports.count)
        reports.append(ReportRecord(source: source, metadata: report.metadata,
                                    firstDoc: UInt32(docs.count),
                                    paragraphCount: UInt32(report.paragraphs.count)))
        for paragraph in report.paragraphs {
            add(paragraph, report: reportIndex)
        }
    }

    private func add(_ paragraph: Paragraph, report: UInt32) {
        let analyzed = analyzer.analyze(paragraph.text)
        let doc = Int32(docs.count)
        invert(analyzed, doc: doc)
        let section = sections.id(for: paragraph.section)
        docs.append(length: analyzed.normalized.count, year: paragraph.year, report: report,
                    section: section, kind: paragraph.kind)
        store.append(StoredParagraph(paragraph: paragraph, normalized: analyzed.normalized))
    }

    /// Collects `(term id << 32 | position)` for every gram and word, sorts them so
    /// that each term's positions are together and ascending, and appends one
    /// posting per term.
    private func invert(_ analyzed: AnalyzedText, doc: Int32) {
        var table = GramTable(capacity: 0)
        swap(&table, &grams)  // work on a local to avoid exclusivity checks in the loop
        defer { swap(&table, &grams) }
        occurrences.removeAll(keepingCapacity: true)

        var newGrams: [UInt64] = []
        var nextId = Int32(termKinds.count)
        CJKGrams.forEach(in: analyzed.normalized.scalars) { a, b, position in
            let key = TermKey.gram(a, b)
            let id = table.id(for: key) {
                newGrams.append(key)
                defer { nextId += 1 }
                return nextId
            }
            occurrences.append(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(position))
        }
        for key in newGrams {
            registerTerm(kind: key >> 62 == 2 ? .bigram : .unigram, gramKey: key, word: "")
        }
        for token in analyzed.words {
            let term = analyzed.term(of: token)
            let id: Int32
            if let known = words[term] {
                id = known
            } else {
                id = Int32(termKinds.count)
                words[term] = id
                registerTerm(kind: .word, gramKey: 0, word: term)
            }
            occurrences.append(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(token.position))
        }
        occurrences.sort()
        appendPostings(doc: doc)
    }

    private func registerTerm(kind: TermKind, gramKey: UInt64, word: String) {
        termKinds.append(kind)
        termGramKeys.append(gramKey)
        termWords.append(word)
        postings.append(PostingBuffer())
    }

    private func appendPostings(doc: Int32) {
        let occ = occurrences
        var i = 0
        while i < occ.count {
            let term = Int(occ[i] >> 32)
            var j = i + 1
            while j < occ.count, Int(occ[j] >> 32) == term { j += 1 }
            let buffer = postings[term]
            let before = buffer.bytes.count
            buffer.appendVarint(UInt32(doc - buffer.lastDoc - 1))
            buffer.appendVarint(UInt32(j - i - 1))
            if termKinds[term].hasPositions {
                var previous: Int64 = -1
                for k in i..<j {
                    let position = Int64(occ[k] & 0xFFFF_FFFF)
                    buffer.appendVarint(UInt32(position - previous - 1))
                    previous = position
                }
            }
            buffer.lastDoc = doc
            buffer.docFreq += 1
            postingBytes += buffer.bytes.count - before
            i = j
        }
    }

    /// The dictionary key of a term id.
    func key(of term: Int) -> [UInt8] {
        termKinds[term] == .word ? TermKey.make(.word, termWords[term]) : TermKey.bytes(ofGram: termGramKeys[term])
    }
}

/// A corpus file as the index knows it.
public struct SourceFile: Sendable, Equatable, Codable {
    /// Path relative to the corpus folder: the report's `doc` in citations.
    public var path: String
    /// Content fingerprint (see `Fingerprint`).
    public var fingerprint: String
    public var bytes: Int

    public init(path: String, fingerprint: String, bytes: Int) {
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
    }
}
