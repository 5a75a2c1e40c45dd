/// The report's opening lines: document number, title, meeting line, signature.
///
/// The title block is everything before the salutation (`各位代表：`), the first
/// heading or the first long paragraph or sentence, looked for among the first ten paragraphs.
/// Within it, a title wrapped over two or three lines (`关于解放区 2023年财政预算执行情况`
/// / `和 2024年财政预算（草案）的报告`) is joined into one paragraph, and so are the lines
/// of a document number printed above it (`焦作市十四届人大` / `四次会议文件十八`).
struct TitleBlock {
    /// Paragraphs after merging; `count` of them at the front form the title block.
    var paragraphs: [RawParagraph]
    var count: Int
    /// Index of the title paragraph, when one was found.
    var titleIndex: Int?

    init(_ input: [RawParagraph]) {
        var ps = input
        let window = min(ps.count, 10)
        var end = 0
        while end < window {
            let p = ps[end]
            let length = p.text.count / 3  // a CJK estimate is enough for "long"
            if p.table != nil || LineShape.isGreeting(p.text, length: length) || length > 80
                || LineShape.endsSentence(p.text)
            {
                break
            }
            if let m = LineShape.marker(p.text), LineShape.isHeadingLike(p.text, marker: m) { break }
            end += 1
        }
        var title: Int?
        for i in 0..<end where UTF8Cursor.hasPrefix(ps[i].text, "关于") || Self.containsReport(ps[i].text) {
            title = i
            break
        }
        if var t = title {
            // Join the wrapped title: when it does not say 报告 itself, one of the next two
            // lines (not the meeting line) must, and the lines up to it are joined.
            if !Self.containsReport(ps[t].text) {
                var k = t + 1
                while k < end, k <= t + 2, !LineShape.startsWithDash(ps[k].text), !Self.containsReport(ps[k].text) {
                    k += 1
                }
                if k < end, k <= t + 2, Self.containsReport(ps[k].text), !LineShape.startsWithDash(ps[k].text) {
                    for _ in (t + 1)...k {
                        let next = ps[t + 1]
                        ps[t].join(next)
                        ps.remove(at: t + 1)
                        end -= 1
                    }
                }
            }
            // Join a document number printed over several lines above the title.
            if t > 1 {
                for _ in 1..<t {
                    let next = ps[1]
                    ps[0].join(next)
                    ps.remove(at: 1)
                    end -= 1
                }
                t = 1
            }
            title = t
        }
        if title == nil {
            // Without a title there is no block to speak of: at most a first short line.
            end = min(end, 1)
        }
        self.paragraphs = ps
        self.count = end
        self.titleIndex = title
    }

    private static func containsReport(_ b: [UInt8]) -> Bool {
        b.count < 600 && UTF8Cursor.find("报告", in: b) != nil
    }
}
