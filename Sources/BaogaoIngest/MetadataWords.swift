import Foundation

/// The words people use for a report's kind and level — in a catalogue's cells and in
/// the `kind:` and `level:` filters — mapped to the metadata's values, so that both
/// read the same vocabulary: the Chinese words the catalogue of corpus-real uses
/// (预算报告, 决算, 预算调整, 年中, 其他), common variants, and the English names JSON prints.
extension ReportMetadata.Kind {
    public init?(word: String) {
        let w = Whitespace.trimmed(word)
        if let k = Self(rawValue: w.lowercased()) {
            self = k
            return
        }
        guard let k = Self.words[w] else { return nil }
        self = k
    }

    /// The catalogue's word for the kind, for display beside the English name.
    public var word: String {
        switch self {
        case .annual: return "预算报告"
        case .finalAccounts: return "决算"
        case .adjustment: return "预算调整"
        case .midYear: return "年中"
        case .other: return "其他"
        }
    }

    static let words: [String: Self] = [
        "预算报告": .annual, "年度": .annual, "预算执行": .annual, "预算草案": .annual,
        "执行情况和预算草案": .annual, "预算执行情况和预算草案": .annual,
        "决算": .finalAccounts, "决算报告": .finalAccounts, "决算草案": .finalAccounts,
        "预算调整": .adjustment, "调整": .adjustment, "调整方案": .adjustment, "预算调整方案": .adjustment,
        "年中": .midYear, "上半年": .midYear, "半年": .midYear, "年中执行": .midYear,
        "其他": .other, "其它": .other
    ]

    /// Every word `init(word:)` accepts, for error messages.
    public static var acceptedWords: [String] { allCases.map(\.word) + allCases.map(\.rawValue) }
}

extension ReportMetadata.Level {
    /// 中央/省/市/县/乡镇, also with 级 (省级, 县级) and a few variants (镇, 乡, 街道, 区).
    public init?(word: String) {
        var w = Whitespace.trimmed(word)
        if w.count > 1, w.hasSuffix("级") { w.removeLast() }
        if let l = Self(rawValue: w) {
            self = l
            return
        }
        switch w {
        case "国家", "全国": self = .central
        case "省份", "自治区", "直辖市": self = .province
        case "地市", "地级", "州", "盟": self = .prefecture
        case "区", "县区", "区县", "旗": self = .county
        case "乡", "镇", "街道", "乡镇街道": self = .township
        default: return nil
        }
    }
}
