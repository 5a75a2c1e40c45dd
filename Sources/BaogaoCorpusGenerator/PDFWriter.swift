/// Writes a small PDF whose text layer is given text, Chinese included, so that the
/// tests and benchmarks of PDF reading need no font, no converter and no committed
/// binary: a PDF is made from text wherever one is needed.
///
/// The font is a Type0 font with the `Identity-H` encoding whose character ids are
/// the characters' own code points (two bytes, so the Basic Multilingual Plane), and
/// a `ToUnicode` map from each id used back to its character: text extractors such
/// as pdftotext read the text through that map and never need the glyphs, so no font
/// file is embedded (a viewer would draw a substitute font). A CJK character is one
/// em wide (`/DW 1000`), an ASCII one half an em, as in the fonts reports are set in:
/// with ASCII a full em, pdftotext's layout saw gaps inside numbers (`128.1 5`).
///
/// A page is a list of lines drawn top down at a fixed leading; a tab in a line moves
/// to the next column (every `columnWidth` points), which is how a table row is laid
/// out. `encrypted` adds a Standard security handler whose user password is not empty,
/// so the file opens only with a password (its content is not actually enciphered:
/// readers refuse it before they get that far). A page with no lines is a page with
/// nothing on it, as a scan without a text layer is to a text extractor.
public enum PDFWriter {
    public struct Options: Sendable {
        public var fontSize = 12
        /// Points from one line's baseline to the next; 1.5 lines, as reports print.
        public var leading = 18
        public var columnWidth = 150
        public var encrypted = false

        public init(fontSize: Int = 12, leading: Int = 18, columnWidth: Int = 150, encrypted: Bool = false) {
            self.fontSize = fontSize
            self.leading = leading
            self.columnWidth = columnWidth
            self.encrypted = encrypted
        }
    }

    /// The PDF of `pages`, each a list of lines.
    public static func pdf(pages: [[String]], options: Options = Options()) -> [UInt8] {
        var codes = Set<UInt32>()
        for page in pages {
            for line in page {
                for s in line.unicodeScalars where s != "\t" && s.value <= 0xFFFF { codes.insert(s.value) }
            }
        }
        var objects: [String] = []
        func add(_ body: String) -> Int {
            objects.append(body)
            return objects.count
        }
        let catalog = add("")
        let pagesObject = add("")
        let toUnicode = add(stream(cmap(codes.sorted())))
        let descriptor = add(
            "<< /Type /FontDescriptor /FontName /BaogaoSans /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0"
                + " /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        let cidFont = add(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BaogaoSans /CIDSystemInfo << /Registry (Adobe)"
                + " /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 1000"
                + " /W [32 126 500] >>")
        let font = add(
            "<< /Type /Font /Subtype /Type0 /BaseFont /BaogaoSans /Encoding /Identity-H"
                + " /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        var kids: [Int] = []
        for page in pages {
            let content = add(stream(contents(of: page, options: options)))
            kids.append(
                add(
                    "<< /Type /Page /Parent \(pagesObject) 0 R /MediaBox [0 0 595 842]"
                        + " /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(content) 0 R >>"))
        }
        objects[catalog - 1] = "<< /Type /Catalog /Pages \(pagesObject) 0 R >>"
        objects[pagesObject - 1] =
            "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        var encryption = ""
        if options.encrypted {
            // Revision 2, 40-bit RC4: O and U are 32 bytes each; a U that is not the
            // empty password's makes every reader ask for one.
            let filler = String(repeating: "42", count: 32)
            let handler = add("<< /Filter /Standard /V 1 /R 2 /O <\(filler)> /U <\(filler)> /P -44 >>")
            encryption = " /Encrypt \(handler) 0 R /ID [<\(filler.prefix(32))> <\(filler.prefix(32))>]"
        }
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += pad(o) + " 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(catalog) 0 R\(encryption) >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// Lays `text` out as a report is printed: each line of `text` a paragraph, broken
    /// where the next character would pass `ems` ems (a CJK character is one, an ASCII
    /// one half), `linesPerPage` lines a page; a blank line of `text` stays a blank
    /// line, and a line with tabs (a table row) is not broken. A paragraph's first line
    /// is indented two ems, as Chinese reports are set (two U+3000 at its start, which
    /// `pdf` draws as space).
    public static func pages(of text: String, ems: Int = 38, linesPerPage: Int = 40) -> [[String]] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            if rest.isEmpty || rest.contains("\t") {
                lines.append(String(rest))
                continue
            }
            var indent = 4
            while !rest.isEmpty {
                var halves = indent
                defer { indent = 0 }
                var end = rest.startIndex
                while end < rest.endIndex {
                    let width = rest[end].unicodeScalars.allSatisfy(\.isASCII) ? 1 : 2
                    if halves + width > ems * 2 { break }
                    halves += width
                    end = rest.index(after: end)
                }
                // As typesetters do: no line starts with closing punctuation, and no
                // number or Latin word is broken (pdftotext would join its halves with a space).
                while end < rest.endIndex, end > rest.index(after: rest.startIndex),
                    Self.closers.contains(rest[end])
                        || (Self.isWordCharacter(rest[end]) && Self.isWordCharacter(rest[rest.index(before: end)]))
                {
                    end = rest.index(before: end)
                }
                lines.append((indent > 0 ? "\u{3000}\u{3000}" : "") + String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return stride(from: 0, to: lines.count, by: linesPerPage).map { Array(lines[$0..<min($0 + linesPerPage, lines.count)]) }
    }

    private static let closers: Set<Character> = ["。", "，", "、", "；", "：", "）", "”", "’", "！", "？", "》", "%", "％", "】"]

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "," || c == "%")
    }

    private static func contents(of page: [String], options: Options) -> String {
        var ops = ""
        var y = 800
        for line in page {
            let indent = line.prefix { $0 == "\u{3000}" }.count * options.fontSize
            for (column, cell) in line.dropFirst(indent / options.fontSize).split(
                separator: "\t", omittingEmptySubsequences: false
            )
            .enumerated() where !cell.isEmpty {
                let hex = cell.unicodeScalars.filter { $0.value <= 0xFFFF }.map { hex4($0.value) }.joined()
                ops += "BT /F1 \(options.fontSize) Tf \(50 + indent + column * options.columnWidth) \(y) Td <\(hex)> Tj ET\n"
            }
            y -= options.leading
        }
        return ops
    }

    /// The ToUnicode CMap: each code to itself, in blocks of at most 100 as the
    /// format allows.
    private static func cmap(_ codes: [UInt32]) -> String {
        var s =
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Baogao-UCS def /CMapType 2 def\n"
            + "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        for start in stride(from: 0, to: codes.count, by: 100) {
            let block = codes[start..<min(start + 100, codes.count)]
            s += "\(block.count) beginbfchar\n"
            for c in block { s += "<\(hex4(c))> <\(hex4(c))>\n" }
            s += "endbfchar\n"
        }
        return s + "endcmap CMapName currentdict /CMap defineresource pop end end"
    }

    private static func stream(_ content: String) -> String {
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    private static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private static func pad(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 10 - s.count)) + s
    }
}
