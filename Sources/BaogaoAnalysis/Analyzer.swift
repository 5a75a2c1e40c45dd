import BaogaoIngest
import CICU

/// Turns paragraph text into normalised text and words; the index and the query
/// side both run every text through it, so that their terms agree.
///
/// - `normalize`: NFKC + case folding, then Traditional→Simplified character
///   by character, with a map from every normalised scalar back to the
///   original (`Normalizer`).
/// - `analyze`: `normalize`, then numbers (`NumberScanner`) and ICU words
///   (`WordSegmenter`) over the normalised text.
///
/// Offsets are Unicode scalar offsets: token offsets into the normalised text,
/// `NormalizedText.originalOffsets` from there into the original.
///
/// Decisions, each explained where it is implemented:
/// - nfkc_cf in pieces split at normalisation boundaries, tabled per scalar;
///   composed pieces map to their first original scalar (`Normalizer`).
/// - Traditional→Simplified character by character, not with ICU's
///   multi-character rules, so that substrings stay substrings
///   (`TraditionalToSimplified`, `TransliterationRules`).
/// - Numbers are scanned before ICU; a sign is not part of a number; `1,564`
///   is one number whose term is `1564`; digits glued to letters (`5g`) stay
///   an ICU `.letters` word (`NumberScanner`, `AnalyzedText.term(of:)`).
/// - ICU segments the text between numbers in chunks cut at punctuation, with
///   a cache of ICU's words per chunk; same words as ICU (`WordSegmenter`,
///   `ChunkBoundaries`, `WordCache`).
/// - Quotation and title marks inside a run of CJK text join its characters
///   into grams of their own, brackets do not (`InlineMarks`).
///
/// Not thread-safe and not Sendable: an Analyzer owns ICU handles (closed when
/// it is deinitialised) and per-scalar caches. Use one per thread; creating one
/// is cheap (two 256 KiB tables, filled lazily).
public final class Analyzer {
    /// Bumped whenever analysis output changes for the same input; stored in the
    /// index so that an index built by another analyzer is rebuilt. 2: joined
    /// bigrams across inline marks (`InlineMarks`). 3: phrase terms, each
    /// segment's frequent runs of CJK characters (`PhraseMiner` in BaogaoIndex).
    public static let version = 3

    /// `baogao-analyzer/<version> ingest/<ReportReader.version> facts/<NumberExtractor.version>
    /// icu/<ICU version>`: ICU's word breaks and transliteration rules change between ICU
    /// versions, the paragraphs with the ingestion rules, and the facts an index holds
    /// with the extractor's rules, so all go into the index.
    public static var identifier: String {
        "baogao-analyzer/\(version) ingest/\(ReportReader.version) facts/\(NumberExtractor.version) icu/\(icuVersion)"
    }

    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        let n = bg_icu_version(&buffer, Int32(buffer.count))
        guard n > 0 else { return "unknown" }
        return String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private let normalizer: Normalizer
    private let segmenter = WordSegmenter(locale: "zh")

    public init() {
        normalizer = Normalizer()
    }

    /// An analyzer with ICU's contextual Traditional→Simplified rules (see
    /// `TraditionalToSimplified`); for tests and experiments, not for indexes.
    init(simplification: TraditionalToSimplified.Mode) {
        normalizer = Normalizer(simplification: simplification)
    }

    /// The text normalised for search, with its offset map to `text`.
    public func normalize(_ text: String) -> NormalizedText {
        normalizer.normalize(text)
    }

    /// Normalised text and its words, positions counting words only.
    public func analyze(_ text: String) -> AnalyzedText {
        let normalized = normalize(text)
        let words = normalized.scalars.withUnsafeBufferPointer { scalars in
            scalars.withMemoryRebound(to: UInt32.self) { segmenter.words(of: $0) }
        }
        return AnalyzedText(normalized: normalized, words: words)
    }
}
