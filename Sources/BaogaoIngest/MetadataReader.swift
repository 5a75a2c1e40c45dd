/// Reads what a report says about itself from its title block.
enum MetadataReader {
    static func read(_ block: TitleBlock) -> ReportMetadata {
        let ps = block.paragraphs
        let titleBytes: [UInt8]
        if let t = block.titleIndex {
            titleBytes = ps[t].text
        } else if let first = ps.first {
            // No title found: the first line stands in, cut to a title's length.
            titleBytes = Array(UTF8Cursor.string(UTF8Cursor.prefix(first.text, limit: 60)).utf8)
        } else {
            titleBytes = []
        }
        let title = displayTitle(titleBytes)
        var meta = ReportMetadata(title: title)
        if block.titleIndex != nil {
            // Region and years are read from a real title only, never from a stand-in.
            meta.region = region(in: titleBytes)
            (meta.executionYear, meta.budgetYear) = years(in: titleBytes)
        }
        for p in ps.prefix(max(block.count, min(ps.count, 5))) where p.text.count < 600 {
            if let d = date(in: p.text) { meta.date = d; break }
        }
        if meta.budgetYear == nil, let d = meta.date, let y = Int(d.prefix(4)) {
            meta.budgetYear = y
            meta.executionYear = meta.executionYear ?? y - 1
        }
        return meta
    }

    /// The title as one line for display: spaces that PDF extraction put between
    /// Chinese and digits (`解放区 2023年`) are dropped. Paragraph text keeps them.
    static func displayTitle(_ b: [UInt8]) -> String {
        let s = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, c) in s.enumerated() {
            if Scalars.isSpace(c.value) {
                let before = i > 0 ? s[i - 1].value : 0
                let after = i + 1 < s.count ? s[i + 1].value : 0
                if Scalars.width(before) == 2 || Scalars.width(after) == 2 || Scalars.isSpace(after) { continue }
            }
            out.append(c)
        }
        return String(out)
    }

    /// The government the report is about: the place name between `关于` and the first
    /// year, narrowed to its last administrative level (`重庆市江津区` → `江津区`,
    /// `河南省焦作市` → `焦作市`).
    static func region(in b: [UInt8]) -> String? {
        let s = UTF8Cursor.prefix(b, limit: 80)
        var start = 0
        if s.count >= 2 && s[0] == 0x5173 && s[1] == 0x4E8E { start = 2 } // 关于
        var end = start
        while end < s.count && !Scalars.isDigit(s[end]) { end += 1 }
        guard end < s.count else { return nil }
        var name = Array(s[start..<end])
        while let last = name.last, Scalars.isSpace(last) { name.removeLast() }
        while let first = name.first, Scalars.isSpace(first) { name.removeFirst() }
        // Cut after the last 省/市/州/自治区 that leaves a name of two characters or more
        // on both sides.
        let levels: Set<UInt32> = [0x7701, 0x5E02, 0x5DDE] // 省 市 州
        var cut = 0
        for i in name.indices where levels.contains(name[i]) && i >= 1 && name.count - (i + 1) >= 2 {
            cut = i + 1
        }
        name = Array(name[cut...])
        guard name.count >= 2, name.count <= 12, let suffix = name.last,
              [0x533A, 0x53BF, 0x5E02, 0x65D7, 0x5DDE, 0x7701].contains(suffix) // 区 县 市 旗 州 省
        else { return nil }
        return UTF8Cursor.string(name)
    }

    /// Execution and budget years from the title: the first and last year it names.
    /// A title naming one year is read by what it says about it.
    static func years(in b: [UInt8]) -> (Int?, Int?) {
        var found: [Int] = []
        var rest = b[...]
        while found.count < 4, let y = LineShape.year(in: Array(rest)) {
            found.append(y)
            guard let at = UTF8Cursor.find(String(y), in: Array(rest)) else { break }
            rest = rest.dropFirst(at + 4)
        }
        guard let first = found.first, let last = found.last else { return (nil, nil) }
        if found.count >= 2 { return (first, last) }
        let title = String(decoding: b, as: UTF8.self)
        if title.contains("草案") && !title.contains("执行") { return (first - 1, first) }
        if title.contains("执行") && !title.contains("草案") { return (first, first + 1) }
        return (first - 1, first)
    }

    /// `2024年 2月 21日` → `2024-02-21`.
    static func date(in b: [UInt8]) -> String? {
        let s = UTF8Cursor.prefix(b, limit: 200).filter { !Scalars.isSpace($0) }
        var i = 0
        while i + 4 < s.count {
            if Scalars.isDigit(s[i]) && (i == 0 || !Scalars.isDigit(s[i - 1])) {
                var k = i
                func number(_ maxDigits: Int) -> Int? {
                    var v = 0
                    var d = 0
                    while k < s.count && Scalars.isDigit(s[k]) && d < maxDigits {
                        v = v * 10 + Int(s[k] - 0x30); k += 1; d += 1
                    }
                    return d == 0 ? nil : v
                }
                if let y = number(4), k - i == 4, k < s.count, s[k] == 0x5E74 { // 年
                    k += 1
                    if let m = number(2), k < s.count, s[k] == 0x6708 { // 月
                        k += 1
                        if let d = number(2), k < s.count, s[k] == 0x65E5, // 日
                           (1...12).contains(m), (1...31).contains(d) {
                            return String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d)
                        }
                    }
                }
            }
            i += 1
        }
        return nil
    }
}

private extension String {
    init(format2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    init(format4 v: Int) { self = String(v) }
}
