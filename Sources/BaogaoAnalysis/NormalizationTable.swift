/// The per-scalar memory of the `Normalizer`: for every scalar seen so far, what
/// nfkc_cf and then one-character Traditional→Simplified make of it, and the
/// facts the normaliser's fast path needs. Filled lazily from ICU, one scalar at
/// a time: a flat table for the BMP (512 KiB), a dictionary for the astral planes.
///
/// An entry (0 = not computed yet):
///
///     bits  0..<21  final scalar: T2S(nfkc_cf(c))       | expands: start in `expansions`
///     bits 21..<42  nfkc_cf(c), before T2S ("pre")        | expands: length (0 = removed)
///     bit  42  runs      pre is CJK, or T2S of pre is not one scalar: part of a T2S run
///     bit  43  first     pre begins a multi-character T2S rule
///     bit  44  second    pre is the 2nd character of one
///     bit  45  viaICU    T2S of pre is not one scalar: its run goes to ICU
///     bit  46  joinsPiece  c has no normalisation boundary before it (or cannot be
///                          tabled): ICU normalises the piece it belongs to
///     bit  47  expands   nfkc_cf(c) is not one scalar; `expansions` holds it (pre values)
///     bit  63  computed
final class NormalizationTable {
    static let runs: UInt64 = 1 << 42
    static let first: UInt64 = 1 << 43
    static let second: UInt64 = 1 << 44
    static let viaICU: UInt64 = 1 << 45
    static let joinsPiece: UInt64 = 1 << 46
    static let expands: UInt64 = 1 << 47
    static let computed: UInt64 = 1 << 63
    static let mask: UInt64 = 0x1F_FFFF

    @inline(__always) static func final(_ e: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: e & mask) }
    @inline(__always) static func pre(_ e: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (e >> 21) & mask) }

    private let bmp: UnsafeMutablePointer<UInt64>
    private var astral: [UInt32: UInt64] = [:]
    /// nfkc_cf results that are not one scalar, back to back.
    private(set) var expansions: [UInt32] = []
    let simplifier: TraditionalToSimplified

    init(simplifier: TraditionalToSimplified) {
        self.simplifier = simplifier
        bmp = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x10000)
        bmp.initialize(repeating: 0, count: 0x10000)
    }

    deinit {
        bmp.deallocate()
    }

    @inline(__always)
    func entry(_ c: UInt32) -> UInt64 {
        if c < 0x10000 {
            let e = bmp[Int(c)]
            return e != 0 ? e : fill(c)
        }
        return astral[c] ?? fill(c)
    }

    /// The entry of a scalar that nfkc_cf produced (from an expansion or a
    /// piece): such a scalar is its own nfkc_cf, so its entry describes it.
    @inline(__always)
    func entry(ofNormalized n: UInt32) -> UInt64 {
        let e = entry(n)
        if e & Self.expands == 0, Self.pre(e) == n { return e }
        // Not expected (nfkc_cf output is stable); keep the scalar, send it to ICU.
        return Self.computed | Self.runs | Self.viaICU | UInt64(n) << 21 | UInt64(n)
    }

    /// Computes and remembers the entry of `c` from ICU.
    private func fill(_ c: UInt32) -> UInt64 {
        var units: [UInt16] = []
        UTF16Scalars.append(c, to: &units)
        var normalized: [UInt16] = []
        ICUNormalization.nfkcCasefold(units, into: &normalized)
        var result: [UInt32] = []
        UTF16Scalars.decode(normalized[...], into: &result)
        var e = Self.computed
        if result.count == 1 {
            e |= simplifiedEntry(of: result[0])
        } else if result.count <= 0xFF, expansions.count + result.count <= Int(Self.mask) {
            e |= Self.expands | UInt64(expansions.count) | UInt64(result.count) << 21
            expansions.append(contentsOf: result)
        } else {
            e |= Self.joinsPiece | Self.expands  // too long to table: ICU every time
        }
        if !ICUNormalization.hasBoundaryBefore(c) { e |= Self.joinsPiece }
        if c < 0x10000 { bmp[Int(c)] = e } else { astral[c] = e }
        return e
    }

    /// The T2S half of an entry for the normalised scalar `n`.
    private func simplifiedEntry(of n: UInt32) -> UInt64 {
        var e = UInt64(n) << 21
        let rules = simplifier.rules
        let simplified = simplifier.transliterate(CollectionOfOne(n))
        if simplified.count == 1 {
            e |= UInt64(simplified[0])
        } else {
            e |= UInt64(n) | Self.viaICU | Self.runs
        }
        if let scalar = Unicode.Scalar(n), CJKGrams.isCJK(scalar) { e |= Self.runs }
        if rules.firsts.contains(n) { e |= Self.first }
        if rules.seconds.contains(n) { e |= Self.second }
        return e
    }
}
