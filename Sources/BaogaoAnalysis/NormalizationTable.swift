/// The per-scalar memory of the `Normalizer`: for every scalar seen so far, what
/// nfkc_cf and then one-character Traditional→Simplified make of it, and the
/// facts the normaliser's fast path needs. Filled lazily, one scalar at a time —
/// nfkc_cf from ICU, Traditional→Simplified from `SimplifiedCharacters` (ICU's own
/// one-character conversion, as data): flat tables for the BMP, dictionaries for
/// the astral planes.
///
/// An entry is 32 bits, so that the table of the few thousand characters a
/// Chinese text uses stays small in the CPU cache (0 = not computed yet):
///
///     bits 0..<21  final scalar, T2S(nfkc_cf(c))  | expands: where `expansions`
///                                                   holds [length, scalars…]
///     bit  21  runs        nfkc_cf(c) is CJK, or its T2S is not one scalar:
///                          part of a T2S run
///     bit  22  first       nfkc_cf(c) begins a multi-character T2S rule
///     bit  23  second      nfkc_cf(c) is the 2nd character of one
///     bit  24  viaICU      its run goes to ICU whole (a scalar nfkc_cf did not
///                          leave stable; no character of ICU 72 is converted
///                          into more than one)
///     bit  25  joinsPiece  no normalisation boundary before c (or c cannot be
///                          tabled): ICU normalises the piece c belongs to
///     bit  26  expands     nfkc_cf(c) is not one scalar
///     bit  27  preDiffers  nfkc_cf(c) ("pre", before T2S) differs from the final
///                          scalar and c is in a run: `pre(of:)` has it
///     bit  31  computed
final class NormalizationTable {
    static let runs: UInt32 = 1 << 21
    static let first: UInt32 = 1 << 22
    static let second: UInt32 = 1 << 23
    static let viaICU: UInt32 = 1 << 24
    static let joinsPiece: UInt32 = 1 << 25
    static let expands: UInt32 = 1 << 26
    static let preDiffers: UInt32 = 1 << 27
    static let computed: UInt32 = 1 << 31
    static let mask: UInt32 = 0x1F_FFFF

    private let bmp: UnsafeMutablePointer<UInt32>
    private let bmpPre: UnsafeMutablePointer<UInt32>
    private var astral: [UInt32: UInt32] = [:]
    private var astralPre: [UInt32: UInt32] = [:]
    /// nfkc_cf results that are not one scalar: a length, then the scalars.
    private(set) var expansions: [UInt32] = []
    let simplifier: TraditionalToSimplified

    init(simplifier: TraditionalToSimplified) {
        self.simplifier = simplifier
        bmp = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        bmp.initialize(repeating: 0, count: 0x10000)
        bmpPre = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        bmpPre.initialize(repeating: 0, count: 0x10000)
    }

    deinit {
        bmp.deallocate()
        bmpPre.deallocate()
    }

    @inline(__always)
    func entry(_ c: UInt32) -> UInt32 {
        if c < 0x10000 {
            let e = bmp[Int(c)]
            return e != 0 ? e : fill(c)
        }
        return astral[c] ?? fill(c)
    }

    /// nfkc_cf(c), before T2S, for a scalar whose entry has `preDiffers`.
    @inline(__always)
    func pre(of c: UInt32) -> UInt32 {
        c < 0x10000 ? bmpPre[Int(c)] : astralPre[c] ?? c
    }

    /// The entry of a scalar that nfkc_cf produced (from an expansion or a
    /// piece): such a scalar is its own nfkc_cf, so its entry describes it.
    @inline(__always)
    func entry(ofNormalized n: UInt32) -> UInt32 {
        let e = entry(n)
        if e & Self.expands == 0, e & Self.preDiffers == 0 || pre(of: n) == n { return e }
        // Not expected (nfkc_cf output is stable); keep the scalar, send it to ICU.
        return Self.computed | Self.runs | Self.viaICU | n
    }

    /// Computes and remembers the entry of `c` from ICU.
    private func fill(_ c: UInt32) -> UInt32 {
        var units: [UInt16] = []
        UTF16Scalars.append(c, to: &units)
        var normalized: [UInt16] = []
        ICUNormalization.nfkcCasefold(units, into: &normalized)
        var result: [UInt32] = []
        UTF16Scalars.decode(normalized[...], into: &result)
        var e = Self.computed
        if result.count == 1 {
            let n = result[0]
            e |= simplifiedEntry(of: n)
            if e & Self.runs != 0, Self.final(e) != n {
                e |= Self.preDiffers
                if c < 0x10000 { bmpPre[Int(c)] = n } else { astralPre[c] = n }
            }
        } else if expansions.count + result.count < Int(Self.mask) {
            e |= Self.expands | UInt32(expansions.count)
            expansions.append(UInt32(result.count))
            expansions.append(contentsOf: result)
        } else {
            e |= Self.joinsPiece | Self.expands  // cannot be tabled: ICU every time
        }
        if !ICUNormalization.hasBoundaryBefore(c) { e |= Self.joinsPiece }
        if c < 0x10000 { bmp[Int(c)] = e } else { astral[c] = e }
        return e
    }

    @inline(__always) static func final(_ e: UInt32) -> UInt32 { e & mask }

    /// The T2S half of an entry for the normalised scalar `n`.
    private func simplifiedEntry(of n: UInt32) -> UInt32 {
        var e: UInt32 = 0
        let rules = simplifier.rules
        e |= simplifier.simplified(n)
        if let scalar = Unicode.Scalar(n), CJKGrams.isCJK(scalar) { e |= Self.runs }
        if rules.firsts.contains(n) { e |= Self.first }
        if rules.seconds.contains(n) { e |= Self.second }
        return e
    }
}
