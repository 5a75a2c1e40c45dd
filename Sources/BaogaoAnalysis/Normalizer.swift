import BaogaoIngest

/// Normalises paragraph text for search: NFKC with case folding (ICU `nfkc_cf`),
/// then Traditional→Simplified (ICU "Traditional-Simplified"), keeping for every
/// normalised scalar the offset of the original scalar it came from
/// (ARCHITECTURE.md, decision 3). One instance per thread.
///
/// Exactness: the result is identical to running ICU's nfkc_cf over the whole
/// text, then ICU's Traditional-Simplified on each character.
/// - nfkc_cf is applied in *pieces* that start at a scalar with a normalisation
///   boundary before it (`bg_nfkc_casefold_boundary_before`): nothing before
///   such a scalar can combine with it, so normalising piece by piece equals
///   normalising the whole. Every output scalar of a piece maps to the piece's
///   first original scalar: exact for one-scalar pieces (nearly all text), and a
///   composed piece (`e` + U+0301 → `é`) maps as a whole.
/// - T2S is applied character by character, as ICU converts each character
///   alone (`TraditionalToSimplified` says why not ICU's multi-character
///   rules); in `.icuContextual` mode a run of CJK text in which such a rule
///   may match goes to ICU whole, which equals ICU over the whole text.
///
/// Speed: almost every piece is one scalar whose result is in the
/// `NormalizationTable`, so normalising is one UTF-8 decode, one table load and
/// three stores per scalar, in one pass; ICU is called for scalars never seen
/// before, for pieces of several scalars (combining marks, Hangul jamo) and for
/// the rare CJK runs that need it.
final class Normalizer {
    private typealias T = NormalizationTable
    private let table: NormalizationTable
    private let simplifier: TraditionalToSimplified
    /// Scratch output, reused across calls (grown as needed). Moved out for a
    /// call and back at its end: the hot loop works on a local, free of the
    /// exclusivity checks a class property would cost on every store.
    private var scratch: NormalizerOutput? = NormalizerOutput(capacity: 1024)

    init(simplification: TraditionalToSimplified.Mode = .characterByCharacter) {
        simplifier = TraditionalToSimplified(mode: simplification)
        table = NormalizationTable(simplifier: simplifier)
    }

    func normalize(_ text: String) -> NormalizedText {
        if let result = text.utf8.withContiguousStorageIfAvailable({ normalize(utf8: $0) }) {
            return result
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { normalize(utf8: $0) }
            ?? NormalizedText(unchanged: text)
    }

    private func normalize(utf8: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        let n = utf8.count
        // Taken, not copied: one owner of the buffers at any time. (A nested call on
        // the same normalizer, which never happens, would just get fresh buffers.)
        var out = scratch.take() ?? NormalizerOutput(capacity: n + 16)
        out.reset(reserving: n + 16)
        let pairs = simplifier.rules.pairs
        var i = 0  // byte offset of the next scalar
        var k: Int32 = 0  // its original scalar offset
        var pieceByte = 0  // where the current piece starts: byte offset,
        var pieceScalar: Int32 = 0  // original scalar offset,
        var pieceOutput = 0  // and first output index,
        var pieceRun = out.run  // and the T2S run state before it
        while i < n {
            let start = i
            let c = UTF8Scalars.decode(utf8, at: &i)
            let e = table.entry(c)
            if e & T.joinsPiece == 0 {
                pieceByte = start
                pieceScalar = k
                pieceOutput = out.count
                pieceRun = out.run
                if e & T.expands == 0 {
                    out.emit(e, source: c, offset: k, table: table, pairs: pairs)  // the fast path
                } else {
                    let from = Int(T.final(e))
                    let length = Int(table.expansions[from])
                    out.reserve(length + (n - i))
                    for j in (from + 1)..<(from + 1 + length) {
                        let s = table.expansions[j]
                        out.emit(table.entry(ofNormalized: s), source: s, offset: k, table: table, pairs: pairs)
                    }
                }
                k += 1
                continue
            }
            // Slow path: this scalar may combine with the piece before it. Take it
            // and every following scalar that may, and normalise the whole piece
            // with ICU. (Merging pieces is always correct, as pieces split at
            // boundaries normalise independently; it only coarsens the map.)
            if k == 0 {
                pieceByte = 0
                pieceScalar = 0
                pieceOutput = 0
                pieceRun = out.run
            }
            var end = i
            k += 1
            while end < n {
                var next = end
                let c2 = UTF8Scalars.decode(utf8, at: &next)
                if table.entry(c2) & T.joinsPiece == 0 { break }
                end = next
                k += 1
            }
            out.truncate(to: pieceOutput, run: pieceRun)
            var units: [UInt16] = []
            var j = pieceByte
            while j < end { UTF16Scalars.append(UTF8Scalars.decode(utf8, at: &j), to: &units) }
            var normalized: [UInt16] = []
            ICUNormalization.nfkcCasefold(units, into: &normalized)
            var scalars: [UInt32] = []
            UTF16Scalars.decode(normalized[...], into: &scalars)
            out.reserve(scalars.count + (n - end))
            for s in scalars {
                out.emit(table.entry(ofNormalized: s), source: s, offset: pieceScalar, table: table, pairs: pairs)
            }
            i = end
        }
        out.endRun()
        if !simplifier.isCharacterLevel { out.redoAll() }
        let result = out.finish(originalCount: k, simplifier: simplifier)
        scratch = consume out
        return result
    }
}

/// Decoding the valid UTF-8 of a String's storage.
enum UTF8Scalars {
    /// Decodes the scalar at `i` and advances `i` past it.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let length = UTF8Decoding.length(lead: utf8[i])
        defer { i += length }
        return UTF8Decoding.scalar(utf8, at: i, length: length)
    }
}
