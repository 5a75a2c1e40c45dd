import BaogaoIngest

/// ICU's "Traditional-Simplified" transliterator as the `Normalizer` uses it.
///
/// Baogao applies it CHARACTER BY CHARACTER (`.characterByCharacter`, the
/// default): every character is converted as ICU converts it alone. ICU's
/// transliterator is not character-level over whole texts — it also has 976
/// rules spanning 2–5 characters (`TransliterationRules`) — but those rules
/// hurt a search engine more than they help:
/// - they break the substring guarantee of ARCHITECTURE.md, decision 1: normalisation
///   must map a substring of a text to a substring of the normalised text, or a
///   query can miss text that contains it (text 开展巡察工作 becomes 开展巡查工作,
///   so the query 察工作 would miss it);
/// - they rewrite text that is already Simplified and merge distinct terms of
///   government reports: 巡察 → 巡查, 稽察 → 稽查, 份子 → 分子, 像片 → 相片, and
///   even 剃发 → 剃髮. 巡察 occurs in the sample reports.
/// The price: the ~170 Traditional compounds whose contextual conversion
/// differs become non-standard Simplified (計畫 → 计画, not 计划; 甚麼 → 甚么),
/// so a Simplified query for 计划 misses a Traditional 計畫 (the Traditional
/// query still finds it). Budget reports here are mainland Simplified text.
///
/// Even one character at a time, ICU folds a few characters that are also
/// valid Simplified: 著 → 着, 俱 → 具 (与时俱进 → 与时具进), 於 → 于, 後 → 后,
/// 乾 → 干, 徵 → 征, 藉 → 借, 夥 → 伙, 姊 → 姐, 麽 → 么, 「」 → “”. Index and
/// queries fold alike, so search is unaffected; snippets show the original.
///
/// `.icuContextual` reproduces ICU over the whole text exactly: one character
/// at a time (tabled), and a run of CJK text at a time when a rule spanning
/// several characters may match there. It is kept, tested, for a corpus where
/// Traditional text matters more; switching is an analyzer version change.
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
            let rules = transliterator.rules()
        else { return TransliterationRules(unreadable: ()) }
        return TransliterationRules(parsing: rules)
    }()

    enum Mode {
        case characterByCharacter
        case icuContextual
    }

    /// Opened on first use: only `.icuContextual` runs go to ICU, and opening a
    /// transliterator (ICU's registry with it) was a third of a one-shot search.
    private lazy var transliterator = ICUTransliterator(identifier: Self.identifier)
    /// Which character pairs send a run to ICU: none, character by character.
    let rules: TransliterationRules

    init(mode: Mode = .characterByCharacter) {
        rules = mode == .icuContextual ? Self.icuRules : TransliterationRules()
    }

    /// False if ICU's multi-character rules are wanted but cannot be located by
    /// their first two characters: then every text goes to ICU whole.
    var isCharacterLevel: Bool { rules.understood }

    /// What one character becomes alone, as ICU converts it (`SimplifiedCharacters`).
    func simplified(_ c: UInt32) -> UInt32 { SimplifiedCharacters.simplified(c) }

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
