/// The opening of a report as metadata reading sees it: each of the first paragraphs
/// folded so that one set of patterns fits every way reports are published — Traditional
/// script to Simplified (mirror sites convert whole pages), the pinyin some mirrors put
/// after characters (`執(zhí)行`) removed, full-width ASCII to ASCII, and all spaces
/// dropped (`2021 年`, `福 建省`, `索 引 号` from PDF and table extraction).
/// Paragraph text itself is never changed; this is a view for reading metadata only.
struct HeadText {
    /// The folded lines, each as characters, with the source line number each came from.
    var lines: [[Character]]
    var lineNumbers: [Int]

    /// How much of the opening is read: web pages put a few hundred characters of
    /// boilerplate and tables of contents before the report.
    static let characterBudget = 2_400
    static let lineBudget = 60

    /// From the cleaned source lines, not paragraphs: a title, meeting line and
    /// signature that paragraph building joined are separate lines here.
    init(_ source: [CleanLine]) {
        var lines: [[Character]] = []
        var numbers: [Int] = []
        var total = 0
        for l in source {
            if lines.count >= Self.lineBudget || total >= Self.characterBudget { break }
            let text = String(decoding: l.text, as: UTF8.self)
            // A line has no more characters than bytes: only a longer one is cut, and
            // only then are its characters counted (grapheme breaking, a cost per line).
            let room = Self.characterBudget - total
            let folded = Self.fold(l.text.count <= room ? text : String(text.prefix(room)))
            if folded.isEmpty { continue }
            total += folded.count
            lines.append(folded)
            numbers.append(l.number)
        }
        self.lines = lines
        self.lineNumbers = numbers
    }

    init(lines: [String]) {
        self.lines = lines.map(Self.fold)
        self.lineNumbers = self.lines.indices.map { $0 + 1 }
    }

    static func fold(_ s: String) -> [Character] {
        let simplified = TraditionalToSimplified.convert(PinyinGloss.stripped(s))
        // Appended, not `Array(_:)`: that counts the scalars first, a second pass.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(simplified.utf8.count)
        for c in simplified.unicodeScalars { scalars.append(c) }
        let characters = Self.bmpCharacters  // once, not a lazy-global check per character
        var out: [Character] = []
        out.reserveCapacity(scalars.count)  // not `simplified.count`: counting graphemes cost more than folding
        var i = 0
        while i < scalars.count {
            var v = scalars[i].value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if Whitespace.isSpace(v) || v == 0xFEFF {
                i += 1
                continue
            }
            out.append(v < 0x10000 ? characters[Int(v)] : Character(Unicode.Scalar(v) ?? scalars[i]))
            i += 1
        }
        return out
    }

    /// Every scalar of the Basic Multilingual Plane as a `Character`, made once (1 MiB):
    /// making one per character of every report's opening was a third of folding it.
    /// Surrogate values are no scalars and never looked up.
    private static let bmpCharacters: [Character] = (0..<0x10000).map { v in
        Unicode.Scalar(UInt32(v)).map(Character.init) ?? "\u{FFFD}"
    }
}
