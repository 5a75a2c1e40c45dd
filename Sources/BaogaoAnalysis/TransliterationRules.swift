/// What the Traditional→Simplified normaliser needs to know about ICU's rules
/// to reproduce ICU exactly (`TraditionalToSimplified.Mode.icuContextual`):
/// which adjacent character pairs can begin a rule that spans several characters.
///
/// Finding: ICU's "Traditional-Simplified" is NOT character by character. ICU 72 has
/// 2,976 one-character rules and 976 rules of 2–5 characters, matched greedily
/// left to right; 169 of the latter give a different result than converting
/// character by character (計畫 → 计划, not 计画; 規畫 → 规划; 甚麼 → 什么), and
/// some rewrite text that is already Simplified (巡察 → 巡查, 稽察 → 稽查,
/// 份子 → 分子, 剃发 → 剃髮). To be exactly ICU and still fast, the contextual
/// mode converts character by character (tabled) and hands a run of CJK
/// characters to ICU only when one of these pairs occurs in it — about once
/// every 1,400 characters of budget-report text (地方, 巡察).
///
/// Exactness argument: every character of every multi-character rule is CJK
/// (checked here), and rules have no context, so a multi-character match never
/// crosses a non-CJK character; transliterating each maximal CJK run on its own
/// therefore equals transliterating the whole text, and a run in which no rule's
/// first two characters occur is converted exactly by one-character rules.
struct TransliterationRules: Sendable {
    /// `first << 32 | second` for the first two characters of every rule that
    /// spans several characters.
    var pairs: Set<UInt64> = []
    var firsts: Set<UInt32> = []
    var seconds: Set<UInt32> = []
    /// False if the rules use syntax this reader does not understand (filters,
    /// contexts, variables, compound ids) or a multi-character rule contains a
    /// non-CJK character: then the whole text goes to ICU, slower but exact.
    var understood = true

    /// Reads rules as `bg_transliterator_rules` prints them: one
    /// `\uXXXX\uXXXX > \uXXXX\uXXXX;` per line.
    init(parsing rules: String) {
        for line in rules.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let rule = line.trimmingSpaces
            if rule.isEmpty { continue }
            guard let source = Self.source(ofRule: rule) else {
                understood = false
                return
            }
            guard source.count >= 2 else { continue }
            guard source.allSatisfy({ Unicode.Scalar($0).map(CJKGrams.isCJK) ?? false }) else {
                understood = false
                return
            }
            pairs.insert(UInt64(source[0]) << 32 | UInt64(source[1]))
            firsts.insert(source[0])
            seconds.insert(source[1])
        }
    }

    /// No multi-character rules: transliteration character by character.
    init() {}

    /// A reader that understood nothing: everything goes to ICU.
    init(unreadable: ()) {
        understood = false
    }

    /// The source scalars of `SOURCE > TARGET;` if both sides are plain escapes.
    private static func source(ofRule rule: Substring) -> [UInt32]? {
        guard rule.hasSuffix(";") else { return nil }
        let body = rule.dropLast()
        let sides = body.split(separator: ">", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard sides.count == 2, let source = escapes(sides[0]), escapes(sides[1]) != nil,
            !source.isEmpty
        else { return nil }
        return source
    }

    /// Parses `\uXXXX\UXXXXXXXX…`; nil if anything else is there.
    private static func escapes(_ text: Substring) -> [UInt32]? {
        var result: [UInt32] = []
        var rest = text.utf8[...]
        while !rest.isEmpty {
            guard rest.first == UInt8(ascii: "\\") else { return nil }
            rest = rest.dropFirst()
            guard let kind = rest.first else { return nil }
            let digits = kind == UInt8(ascii: "u") ? 4 : kind == UInt8(ascii: "U") ? 8 : 0
            guard digits > 0, rest.count > digits else { return nil }
            let hex = rest.dropFirst().prefix(digits)
            guard let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16),
                Unicode.Scalar(value) != nil
            else { return nil }
            result.append(value)
            rest = rest.dropFirst(digits + 1)
        }
        return result
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
