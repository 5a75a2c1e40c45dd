/// Chinese numerals written before a unit, turned into digits so that thresholds
/// and figures in questions read as the query language's numbers: 十亿元 → 10亿元,
/// 一百亿 → 100亿, 五千万元 → 5000万元, 一千五百万 → 1500万, 百分之十 → 10%,
/// 三十家 → 30家.
///
/// Only a run of numerals directly followed by a unit is converted: 一般, 三保,
/// 十四五 and 一季度 are words, not numbers, and stay as written.
enum ChineseNumerals {
    static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9
    ]
    static let smallUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
    /// Units after which a number is a figure: money, and the counts questions use.
    static let units: Set<Character> = [
        "元", "亿", "万", "%", "个", "项", "家", "人", "列", "所", "户", "名", "次", "座", "件", "条", "台", "辆", "套", "岁"
    ]

    static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || smallUnits[c] != nil }

    /// `text` with every numeral run before a unit in digits.
    static func arabic(in text: String) -> String {
        var chars = Array(text)
        // 百分之十 → 十% first: a percentage is written before its number.
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            if chars[i...].starts(with: "百分之"), i + 3 < chars.count, isNumeral(chars[i + 3]) {
                var j = i + 3
                while j < chars.count, isNumeral(chars[j]) || chars[j] == "点" { j += 1 }
                if let v = value(of: Array(chars[(i + 3)..<j])) {
                    out.append(contentsOf: v)
                    out.append("%")
                    i = j
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        chars = out
        out = []
        i = 0
        while i < chars.count {
            guard isNumeral(chars[i]) else {
                out.append(chars[i])
                i += 1
                continue
            }
            var j = i
            while j < chars.count, isNumeral(chars[j]) { j += 1 }
            // 五千万 / 十亿: 万 and 亿 are both multipliers and units; the run before
            // them is the number, the 万/亿 stays as its unit (5000万, 10亿).
            if j < chars.count, units.contains(chars[j]), let v = value(of: Array(chars[i..<j])) {
                out.append(contentsOf: v)
            } else {
                out.append(contentsOf: chars[i..<j])
            }
            i = j
        }
        return String(out)
    }

    /// 五千 → 5000, 十 → 10, 一百二十 → 120, 三 → 3; nil for a run that is not a number.
    static func value(of run: [Character]) -> String? {
        guard !run.isEmpty else { return nil }
        var total = 0
        var current = 0
        for c in run {
            if let d = digits[c] {
                current = current * 10 + d
            } else if let u = smallUnits[c] {
                total += (current == 0 ? 1 : current) * u
                current = 0
            } else {
                return nil
            }
        }
        return String(total + current)
    }
}
