/// ICU's "Traditional-Simplified" transliterator as the `Normalizer` uses it:
/// one character at a time (results tabled by the normaliser), and a run of
/// CJK text at a time when a rule spanning several characters may match there
/// (see `TransliterationRules` for why that is exactly what ICU does over the
/// whole text).
///
/// Every ICU 72 rule maps n characters to n characters, so transliteration
/// leaves the offset map untouched; should a future ICU change a run's length,
/// the `Normalizer` maps the run's output scalars to its original scalars in
/// order (the excess to its last one).
final class TraditionalToSimplified {
    static let identifier = "Traditional-Simplified"

    /// The rules are the same for every instance: read them once per process.
    static let icuRules: TransliterationRules = {
        guard let transliterator = ICUTransliterator(identifier: identifier),
              let rules = transliterator.rules() else { return TransliterationRules(unreadable: ()) }
        return TransliterationRules(parsing: rules)
    }()

    private let transliterator: ICUTransliterator?
    let rules: TransliterationRules

    init() {
        transliterator = ICUTransliterator(identifier: Self.identifier)
        rules = Self.icuRules
    }

    /// Whether rules that span several characters can be located by their
    /// first two characters; if not, every text goes to ICU whole.
    var isCharacterLevel: Bool { transliterator != nil && rules.understood }

    /// ICU on one run of scalars; on an ICU error the run is kept as it was.
    func transliterate<C: Collection>(_ scalars: C) -> [UInt32] where C.Element == UInt32 {
        var result: [UInt32] = []
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        for c in scalars { UTF16Scalars.append(c, to: &units) }
        guard let transliterator, transliterator.transliterate(&units) else {
            result.append(contentsOf: scalars)
            return result
        }
        UTF16Scalars.decode(units[...], into: &result)
        return result
    }
}
