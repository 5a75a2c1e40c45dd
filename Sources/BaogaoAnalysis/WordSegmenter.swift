import CICU

/// Splits normalised text into words: numbers from the `NumberScanner`, and
/// between them ICU word breaks (locale `zh`, dictionary segmentation for CJK),
/// classified by ICU's rule status — IDEO → `.cjkWord`, LETTER and KANA →
/// `.letters`, NUMBER → `.number`, NONE → not a word. Positions count words
/// only. One instance per thread (owns an ICU break iterator).
///
/// The text between numbers is further cut into *chunks* at punctuation where
/// ICU always breaks on both sides and which is never part of a word
/// (`ChunkBoundaries`), and each chunk is segmented on its own — through the
/// `WordCache`, since chunks repeat. Cutting there does not change ICU's words
/// (tested against unchunked ICU over the corpus and random text).
///
/// ICU works on UTF-16; each chunk is converted on its own and boundaries are
/// converted back to scalar offsets, so astral-plane characters (𠀀) count as
/// one, as everywhere else in Baogao.
final class WordSegmenter {
    private let breaker: ICUWordBreaker?
    private let chunking: Bool
    /// The cache and scratch buffers, moved out for a call and back at its end: the
    /// loops work on a local struct, free of the dynamic exclusivity check that a class
    /// property costs on every access (600,000 of them over 10 MiB of reports).
    private var state: State? = State()

    /// `chunking: false` segments each text between numbers in one ICU call,
    /// without the cache: the reference the tests compare the fast path with.
    init(locale: String = "zh", chunking: Bool = true) {
        breaker = ICUWordBreaker(locale: locale)
        self.chunking = chunking
    }

    /// Cache hits and misses so far (for measurements).
    var cacheStatistics: (hits: Int, misses: Int) { (state?.cache.hits ?? 0, state?.cache.misses ?? 0) }

    /// The words of `scalars` (normalised text), positions 0, 1, 2, …
    func words(of s: UnsafeBufferPointer<UInt32>) -> [Token] {
        // A nested call on the same segmenter, which never happens, would get a fresh state.
        var taken = state.take() ?? State()
        let words = taken.words(of: s, breaker: breaker, chunking: chunking)
        state = consume taken
        return words
    }

    private struct State {
        var cache = WordCache()
        // Scratch buffers reused across paragraphs.
        var units: [UInt16] = []
        var scalarOfUnit: [Int32] = []
        var numbers: [Range<Int>] = []
        var chunkWords: [WordCache.Word] = []

        mutating func words(of s: UnsafeBufferPointer<UInt32>, breaker: ICUWordBreaker?, chunking: Bool) -> [Token] {
            var words: [Token] = []
            words.reserveCapacity(s.count / 2 + 1)
            numbers.removeAll(keepingCapacity: true)
            NumberScanner.scan(s, into: &numbers)
            numbers.append(s.count..<s.count)
            var position: Int32 = 0
            var gapStart = 0
            for k in numbers.indices {
                let number = numbers[k]
                if chunking {
                    ChunkBoundaries.forEachChunk(s, gapStart..<number.lowerBound) { chunk in
                        segment(s, chunk, breaker: breaker, position: &position, into: &words)
                    }
                } else if gapStart < number.lowerBound {
                    icuWords(s, gapStart..<number.lowerBound, breaker: breaker)
                    Self.append(chunkWords, at: gapStart, position: &position, into: &words)
                }
                if !number.isEmpty {
                    words.append(
                        Token(
                            kind: .number, start: Int32(number.lowerBound),
                            end: Int32(number.upperBound), position: position))
                    position += 1
                }
                gapStart = number.upperBound
            }
            return words
        }

        /// The words of one chunk, from the cache or from ICU.
        @inline(__always)
        private mutating func segment(
            _ s: UnsafeBufferPointer<UInt32>, _ chunk: Range<Int>, breaker: ICUWordBreaker?,
            position: inout Int32, into words: inout [Token]
        ) {
            guard chunk.count <= WordCache.maxChunk else {
                icuWords(s, chunk, breaker: breaker)
                Self.append(chunkWords, at: chunk.lowerBound, position: &position, into: &words)
                return
            }
            let hash = WordCache.hash(s, chunk)
            let base = Int32(chunk.lowerBound)
            var p = position
            let found = cache.lookup(s, chunk, hash: hash) { w in
                words.append(Token(kind: w.kind, start: base + w.start, end: base + w.end, position: p))
                p += 1
            }
            if found {
                position = p
                return
            }
            icuWords(s, chunk, breaker: breaker)
            cache.insert(s, chunk, hash: hash, words: chunkWords)
            Self.append(chunkWords, at: chunk.lowerBound, position: &position, into: &words)
        }

        private static func append(
            _ found: [WordCache.Word], at base: Int, position: inout Int32, into words: inout [Token]
        ) {
            for w in found {
                words.append(
                    Token(
                        kind: w.kind, start: Int32(base) + w.start, end: Int32(base) + w.end,
                        position: position))
                position += 1
            }
        }

        /// ICU's words of `s[range]` into `chunkWords`, offsets relative to the range
        /// start.
        private mutating func icuWords(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, breaker: ICUWordBreaker?) {
            chunkWords.removeAll(keepingCapacity: true)
            guard let breaker else { return }
            units.removeAll(keepingCapacity: true)
            var hasAstral = false
            for k in range {
                let c = s[k]
                if c >= 0x10000 { hasAstral = true }
                UTF16Scalars.append(c, to: &units)
            }
            if hasAstral {
                scalarOfUnit.removeAll(keepingCapacity: true)
                for k in range {
                    scalarOfUnit.append(Int32(k - range.lowerBound))
                    if s[k] >= 0x10000 { scalarOfUnit.append(Int32(k - range.lowerBound)) }
                }
                scalarOfUnit.append(Int32(range.count))
            }
            let scalarOfUnit = self.scalarOfUnit
            var found = chunkWords
            chunkWords = []
            units.withUnsafeBufferPointer { u in
                guard let base = u.baseAddress else { return }
                var start = 0
                breaker.forEachSegment(base, count: u.count) { boundary, status in
                    let end = hasAstral ? Int(scalarOfUnit[boundary]) : boundary
                    if let kind = WordSegmenter.kind(ofStatus: status) {
                        found.append(WordCache.Word(start: Int32(start), end: Int32(end), kind: kind))
                    }
                    start = end
                }
            }
            chunkWords = found
        }
    }

    /// ICU's rule status of a segment → the kind of word, nil for non-words.
    @inline(__always)
    static func kind(ofStatus status: Int32) -> Token.Kind? {
        // Letters and kana (200..<400) are both `.letters`.
        switch Int(status) {
        case BG_WORD_NUMBER..<BG_WORD_LETTER: return .number
        case BG_WORD_LETTER..<BG_WORD_IDEO: return .letters
        case BG_WORD_IDEO..<(BG_WORD_IDEO + 100): return .cjkWord
        default: return nil
        }
    }
}
