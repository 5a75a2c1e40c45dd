/// A numbering marker at the start of a line, with its rank in the report's outline.
struct Marker: Equatable {
    /// 1 `一、`  2 `（一）` `(一)`  3 `1.` `1．` `1、`  4 `（1）` `(1)`
    let level: Int
    /// Byte index just after the marker and the spaces that follow it.
    let end: Int
}

/// What a line or paragraph looks like at its edges: the tests every layout and
/// structure heuristic is written in. All of them look at a bounded prefix or suffix
/// (or scan once), so they stay linear on a 20 MB line.
enum LineShape {
    // MARK: markers

    static func marker(_ b: [UInt8]) -> Marker? {
        // Called for every line: the first six scalars are decoded into a fixed-size
        // buffer instead of an array (no allocation); 0 pads past the end.
        var p = Prefix6()
        var i = 0
        while p.count < 6, let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            p.append(v)
            i = next
        }
        guard p.count > 0 else { return nil }
        let first = p[0]
        var k = 0
        if Scalars.isChineseNumeral(first) {
            while k < p.count && k < 3 && Scalars.isChineseNumeral(p[k]) { k += 1 }
            guard k < p.count, p[k] == 0x3001 else { return nil }  // 、
            return Marker(level: 1, end: skipSpaces(b, scalars: k + 1))
        }
        if first == 0xFF08 || first == 0x28 {  // （ (
            k = 1
            let chinese = k < p.count && Scalars.isChineseNumeral(p[k])
            let digits = k < p.count && isAnyDigit(p[k])
            guard chinese || digits else { return nil }
            while k < p.count && k < 4 && (chinese ? Scalars.isChineseNumeral(p[k]) : isAnyDigit(p[k])) { k += 1 }
            guard k < p.count, p[k] == 0xFF09 || p[k] == 0x29 else { return nil }  // ） )
            return Marker(level: chinese ? 2 : 4, end: skipSpaces(b, scalars: k + 1))
        }
        if isAnyDigit(first) {
            while k < p.count && k < 2 && isAnyDigit(p[k]) { k += 1 }
            guard k < p.count, p[k] == 0x2E || p[k] == 0xFF0E || p[k] == 0x3001 else { return nil }  // . ． 、
            // `3.77亿元` and `2.57%` are numbers, not markers.
            if k + 1 < p.count && isAnyDigit(p[k + 1]) { return nil }
            return Marker(level: 3, end: skipSpaces(b, scalars: k + 1))
        }
        return nil
    }

    /// Six scalars on the stack.
    private struct Prefix6 {
        private var storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0)
        private(set) var count = 0

        mutating func append(_ v: UInt32) {
            switch count {
            case 0: storage.0 = v
            case 1: storage.1 = v
            case 2: storage.2 = v
            case 3: storage.3 = v
            case 4: storage.4 = v
            default: storage.5 = v
            }
            count += 1
        }

        subscript(i: Int) -> UInt32 {
            switch i {
            case 0: return storage.0
            case 1: return storage.1
            case 2: return storage.2
            case 3: return storage.3
            case 4: return storage.4
            case 5: return storage.5
            default: return 0
            }
        }
    }

    private static func isAnyDigit(_ v: UInt32) -> Bool { Scalars.isDigit(v) || Scalars.isFullwidthDigit(v) }

    /// The byte index after `scalars` scalars and any spaces following them.
    private static func skipSpaces(_ b: [UInt8], scalars: Int) -> Int {
        var i = 0
        var n = 0
        while n < scalars, let (_, next) = UTF8Cursor.scalar(in: b, at: i) {
            i = next
            n += 1
        }
        while let (v, next) = UTF8Cursor.scalar(in: b, at: i), Whitespace.isSpace(v) { i = next }
        return i
    }

    // MARK: endings

    /// The last scalar that is not a closing quote or bracket, and whether closers followed it.
    private static func lastMeaningful(_ b: [UInt8]) -> UInt32? {
        var end = b.count
        var steps = 0
        while let (v, s) = UTF8Cursor.last(in: b, before: end) {
            if !Scalars.isCloser(v) || steps >= 3 { return v }
            end = s
            steps += 1
        }
        return nil
    }

    /// Ends in sentence-final punctuation (`。` `！` `？`, optionally followed by `”` `）`…).
    static func endsSentence(_ b: [UInt8]) -> Bool {
        guard let v = lastMeaningful(b) else { return false }
        return Scalars.isStrongTerminal(v)
    }

    /// Ends in sentence- or clause-final punctuation (also `；` `：`).
    static func endsClause(_ b: [UInt8]) -> Bool {
        guard let v = lastMeaningful(b) else { return false }
        return Scalars.isStrongTerminal(v) || Scalars.isWeakTerminal(v)
    }

    // MARK: headings

    /// Whether a line with a marker is a heading rather than a list item or a paragraph.
    ///
    /// In these reports `1.` and `（一）` start headings (`1.一般公共预算收支执行情况`,
    /// `（一）强化财力保障，兜牢“三保”底线。`), budget lines (`1.一般公共服务支出 20160万元，
    /// 主要用于…；`) and paragraphs with a bold lead sentence (`1.坚持深挖潜力，加大组织收入
    /// 力度。始终坚持…`). A heading is short (at most 40 characters after the marker), has
    /// no amount of money or percentage, and no sentence or clause punctuation except a
    /// single `。`/`！`/`？` at its very end; a trailing `：` introduces a list, so it is no heading.
    static func isHeadingLike(_ b: [UInt8], marker m: Marker) -> Bool {
        guard m.end < b.count else { return false }
        var count = 0
        var i = m.end
        var terminals = 0
        var lastWasTerminal = false
        var trailingClosers = 0
        while let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            count += 1
            if count > 40 { return false }
            if Scalars.isWeakTerminal(v) { return false }
            if Scalars.isStrongTerminal(v) {
                terminals += 1
                lastWasTerminal = true
                trailingClosers = 0
            } else if Scalars.isCloser(v) && lastWasTerminal {
                trailingClosers += 1
            } else if !Whitespace.isSpace(v) {
                lastWasTerminal = false
            }
            i = next
        }
        if terminals > 1 || (terminals == 1 && !lastWasTerminal) { return false }
        return !hasAmount(b)
    }

    /// `名词解释`, `重要名词解释`, `附件：名词解释`…: the glossary's own heading.
    static func isGlossaryHeading(_ b: [UInt8], length: Int) -> Bool {
        length <= 12 && UTF8Cursor.find("名词解释", in: b) != nil
    }

    /// A glossary term on its own line: `【一般公共预算】`.
    static func isBracketTerm(_ b: [UInt8], length: Int) -> Bool {
        length >= 3 && length <= 30 && UTF8Cursor.hasPrefix(b, "【") && UTF8Cursor.hasSuffix(b, "】")
    }

    /// `各位代表：` and its variants: the salutation that ends the title block.
    static func isGreeting(_ b: [UInt8], length: Int) -> Bool {
        length <= 12 && b.first == 0xE5 && UTF8Cursor.hasPrefix(b, "各位代表")
    }

    /// `——2024年 2月 21日在…` (the meeting line) or `——城乡社区支出…` (a dash item).
    static func startsWithDash(_ b: [UInt8]) -> Bool {
        guard let first = b.first, first == 0xE2 || first == 0xEF || first == 0x2D else { return false }
        return UTF8Cursor.hasPrefix(b, "——") || UTF8Cursor.hasPrefix(b, "－－") || UTF8Cursor.hasPrefix(b, "--")
    }

    // MARK: numbers

    /// Whether the text holds an amount (`20160万元`, `8.57 亿元`, `5%`): budget lines
    /// do, headings do not. Stops at the first hit; linear otherwise.
    static func hasAmount(_ b: [UInt8]) -> Bool {
        var i = 0
        var previousWasNumeric = false
        while let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            if Scalars.isDigit(v) && !previousWasNumeric {
                var j = next
                while let (w, n2) = UTF8Cursor.scalar(in: b, at: j),
                    Scalars.isDigit(w) || w == 0x2E || w == 0x2C
                { j = n2 }
                while let (w, n2) = UTF8Cursor.scalar(in: b, at: j), w == 0x20 { j = n2 }
                if let (u, n3) = UTF8Cursor.scalar(in: b, at: j) {
                    if u == 0x5143 || u == 0x25 || u == 0xFF05 { return true }  // 元 % ％
                    if u == 0x4E07 || u == 0x4EBF || u == 0x5343,  // 万 亿 千
                        let (u2, n4) = UTF8Cursor.scalar(in: b, at: n3)
                    {
                        if u2 == 0x5143 { return true }
                        if u2 == 0x4EBF, let (u3, _) = UTF8Cursor.scalar(in: b, at: n4), u3 == 0x5143 { return true }
                    }
                }
                previousWasNumeric = true
                i = j
                continue
            }
            previousWasNumeric = Scalars.isDigit(v) || v == 0x2E
            i = next
        }
        return false
    }

    /// The first year written as `2023年` or `2023 年` (1990–2099), if any.
    static func year(in b: [UInt8], limit: Int = 400) -> Int? {
        let s = UTF8Cursor.prefix(b, limit: limit)
        var i = 0
        while i + 4 < s.count {
            if Scalars.isDigit(s[i]) && (i == 0 || !Scalars.isDigit(s[i - 1])),
                Scalars.isDigit(s[i + 1]), Scalars.isDigit(s[i + 2]), Scalars.isDigit(s[i + 3])
            {
                let y =
                    Int(s[i] - 0x30) * 1000 + Int(s[i + 1] - 0x30) * 100
                    + Int(s[i + 2] - 0x30) * 10 + Int(s[i + 3] - 0x30)
                var k = i + 4
                while k < s.count && s[k] == 0x20 { k += 1 }
                if k < s.count && s[k] == 0x5E74 && y >= 1990 && y <= 2099 { return y }  // 年
                i += 4
                continue
            }
            i += 1
        }
        return nil
    }
}
