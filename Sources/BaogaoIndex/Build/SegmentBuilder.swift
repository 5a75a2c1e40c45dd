import BaogaoAnalysis
import BaogaoIngest

/// Builds one segment in memory: assigns a document id to every paragraph,
/// extracts its number facts, analyses its text for the `Inverter`, and keeps
/// its columns and stored text. Not thread-safe: indexing runs one builder per
/// worker thread.
///
/// The normalised text of the segment's first paragraphs is held as the sample
/// its phrase terms are chosen from (`PhraseMiner`); once it is full, or when the
/// segment ends, the phrases are chosen, the held paragraphs' phrase occurrences
/// recorded, and every later paragraph's recorded as it is inverted. Merges build
/// through here too, so a merged segment chooses again from its own paragraphs.
final class SegmentBuilder {
    private let analyzer: Analyzer
    private let phrasePolicy: PhrasePolicy
    private var inverter = Inverter()
    /// The normalised text of documents 0… while the phrases are not chosen.
    private var sample: [[Unicode.Scalar]] = []
    private var sampleCharacters = 0
    private var phrasesChosen: Bool

    private(set) var docs = DocColumns()
    private(set) var reports: [ReportRecord] = []
    private(set) var sections = SectionTable()
    private(set) var store = StoreWriter()
    private(set) var facts = FactsWriter()

    init(analyzer: Analyzer, phrases: PhrasePolicy = PhrasePolicy()) {
        self.analyzer = analyzer
        self.phrasePolicy = phrases
        phrasesChosen = phrases.isOff
    }

    var docCount: Int { docs.count }
    var isEmpty: Bool { reports.isEmpty }
    var termCount: Int { inverter.termCount }
    /// The memory the builder holds, roughly: what decides when to flush a segment.
    var memoryEstimate: Int {
        inverter.heldBytes + store.byteCount + docs.count * 16 + facts.byteCount + sampleCharacters * 4
    }

    /// Adds every paragraph of `report`, read from the corpus file described by `source`.
    /// Each paragraph is let go once added, so that a long report's text is not held
    /// beside what the builder makes of it.
    func add(_ report: consuming Report, source: SourceFile) {
        let reportIndex = UInt32(reports.count)
        reports.append(
            ReportRecord(
                source: source, metadata: report.metadata,
                firstDoc: UInt32(docs.count),
                paragraphCount: UInt32(report.paragraphs.count)))
        var paragraphs = report.paragraphs
        report.paragraphs = []
        for i in paragraphs.indices {
            let paragraph = paragraphs[i]
            paragraphs[i] = Paragraph(number: 0, text: "", section: [], firstLine: 0, lastLine: 0)
            add(paragraph, report: reportIndex, metadata: report.metadata)
        }
    }

    private func add(_ paragraph: Paragraph, report: UInt32, metadata: ReportMetadata) {
        for fact in NumberExtractor.facts(in: paragraph, report: metadata) {
            facts.append(fact, doc: docs.count)
        }
        let analyzed = analyzer.analyze(paragraph.text)
        inverter.add(analyzed, doc: Int32(docs.count))
        if !phrasesChosen {
            sample.append(analyzed.normalized.scalars)
            sampleCharacters += analyzed.normalized.scalars.count
            if sampleCharacters >= phrasePolicy.sampleCharacters { choosePhrases() }
        }
        let section = sections.id(for: paragraph.section)
        docs.append(
            length: analyzed.normalized.count, year: paragraph.year, report: report,
            section: section, kind: paragraph.kind)
        store.append(StoredParagraph(paragraph: paragraph, normalized: analyzed.normalized))
    }

    /// Inverts what is still batched; the writer calls it before reading postings.
    func finishPostings() {
        if !phrasesChosen { choosePhrases() }
        inverter.invertBatch()
    }

    /// Chooses the phrase terms from the sample and records their occurrences in it.
    private func choosePhrases() {
        phrasesChosen = true
        inverter.choosePhrases(PhraseMiner.choose(from: sample, policy: phrasePolicy))
        inverter.addPhrases(of: sample, firstDoc: 0)
        sample = []
        sampleCharacters = 0
    }

    /// The dictionary key of every term, by term id.
    func termKeys() -> [[UInt8]] {
        inverter.keys()
    }

    /// A term's documents, ascending (for `WordFlags`).
    func documents(ofTerm term: Int) -> [UInt32] {
        inverter.documents(term)
    }

    /// Writes a word's flags in place of its postings, and frees them.
    func encodeFlags(_ term: Int, _ flags: [UInt8], with encoder: inout PostingsEncoder) -> TermInfo {
        inverter.encodeFlags(term, flags, with: &encoder)
    }

    /// Encodes a term's postings with `encoder` and frees them.
    func encodePostings(
        _ term: Int, with encoder: inout PostingsEncoder,
        decoded: inout DecodedPostings
    ) -> TermInfo {
        inverter.encodePostings(term, with: &encoder, decoded: &decoded)
    }
}

/// A corpus file as the index knows it.
public struct SourceFile: Sendable, Equatable, Codable {
    /// Path relative to the corpus folder: the report's `doc` in citations.
    public var path: String
    /// Content fingerprint (see `CorpusScanner.fingerprint`), followed by `+` and the
    /// fingerprint of the report's catalogue row when it has one: a changed row makes
    /// a changed report, read again with the new row, and nothing else is.
    public var fingerprint: String
    public var bytes: Int
    /// A digest of the report's paragraphs (its text after decoding), to find the same
    /// report twice; kept in the manifest only, nil for a file not read.
    public var text: String?

    public init(path: String, fingerprint: String, bytes: Int, text: String? = nil) {
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
        self.text = text
    }
}
