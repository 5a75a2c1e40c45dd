import CLibXML2
import CLibZip

/// The text of a Word `.docx` report: its body's paragraphs in order, one a line,
/// with the numbering Word generates written out, and its tables row by row.
///
/// A `.docx` is a ZIP archive of XML parts. The archive is read with the system libzip
/// (BSD licence, maintained, in every distribution), each part parsed with libxml2's
/// XML parser (already linked for web pages), through `CLibZip` and `CLibXML2`.
///
/// - Only `word/document.xml` is the report: headers, footers, footnotes and comments
///   live in parts of their own and are left out.
/// - Numbering: a paragraph in a list (`w:numPr`, its own or its style's) gets the label
///   Word would draw — `numbering.xml`'s level text (`%1、`, `（%1）`, `%1.`) with each
///   level's counter in that level's format (decimal, 一二三, 甲乙丙, letters, roman) —
///   since headings and budget lines are told by it (`一、`, `（一）`, `1.`). Bullets
///   carry no number and are left out.
/// - A table row becomes a pipe-table line (`| 项目 | 预算数 |`), which `TableReader`
///   reads with the caption and unit line before it, as it reads text tables.
/// - A part is inflated to at most `partLimit` bytes, whatever the archive says its
///   size is: a zip bomb stops there with an error naming the file.
public enum DocxText {
    /// 64 MiB of XML: a 500-page report's `document.xml` is a few megabytes.
    public static let partLimit = 64 << 20

    /// Whether `bytes` are a ZIP archive (`PK 03 04`); a `.docx` is one.
    public static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    public static func extract(_ bytes: [UInt8], doc: String) throws(IngestError) -> [UInt8] {
        guard let body = try part("word/document.xml", of: bytes, doc: doc) else {
            throw .malformed(file: doc, format: "Word", reason: "a ZIP archive without word/document.xml, not a Word document")
        }
        let numbering = try part("word/numbering.xml", of: bytes, doc: doc).map { Numbering(xml: $0) } ?? Numbering()
        let styles = try part("word/styles.xml", of: bytes, doc: doc).map { StyleNumbering(xml: $0) } ?? StyleNumbering()
        guard let document = parse(body) else {
            throw .malformed(file: doc, format: "Word", reason: "word/document.xml is not well-formed XML")
        }
        defer { bg_html_free(document) }
        var writer = BodyWriter(numbering: numbering, styles: styles)
        if let root = bg_html_root(document).map(UnsafeRawPointer.init) { writer.walk(root, depth: 0) }
        var text: [UInt8] = []
        for line in writer.lines {
            text += Array(line.utf8)
            text.append(0x0A)
        }
        return text
    }

    /// The inflated part `name`, nil when the archive has none.
    static func part(_ name: String, of bytes: [UInt8], doc: String) throws(IngestError) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var reason = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBytes { raw in
            bg_zip_read(raw.baseAddress, raw.count, name, partLimit, &out, &length, &reason, reason.count)
        }
        defer { bg_zip_release(out) }
        switch Int(status) {
        case Int(BG_ZIP_OK):
            guard let out else { return [] }
            return Array(UnsafeBufferPointer(start: out, count: length))
        case Int(BG_ZIP_MISSING):
            return nil
        case Int(BG_ZIP_TOO_LARGE):
            throw .malformed(
                file: doc, format: "Word",
                reason: "\(name) inflates past \(partLimit >> 20) MB (a zip bomb?); not read")
        default:
            let said = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .malformed(file: doc, format: "Word", reason: said.isEmpty ? "not a ZIP archive" : said)
        }
    }

    static func parse(_ xml: [UInt8]) -> UnsafeMutableRawPointer? {
        xml.withUnsafeBufferPointer { p in
            p.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: p.count) { bg_xml_parse($0, Int32(clamping: p.count)) }
            } ?? nil
        }
    }
}

/// A node of a parsed XML part, and what the walkers ask of it.
enum XMLNode {
    typealias Node = UnsafeRawPointer

    static func name(_ node: Node) -> String { bg_html_name(node).map { String(cString: $0) } ?? "" }

    static func isElement(_ node: Node) -> Bool { bg_html_type(node) == Int32(BG_HTML_ELEMENT) }

    static func children(_ node: Node) -> [Node] {
        var out: [Node] = []
        var child = bg_html_first_child(node)
        while let c = child {
            if isElement(c) || bg_html_type(c) == Int32(BG_HTML_TEXT) { out.append(c) }
            child = bg_html_next(c)
        }
        return out
    }

    static func elements(_ node: Node, named name: String) -> [Node] {
        children(node).filter { isElement($0) && Self.name($0) == name }
    }

    static func first(_ node: Node, _ name: String) -> Node? { elements(node, named: name).first }

    /// The attribute `key` whatever its namespace (`w:val` is `val`).
    static func attribute(_ node: Node, _ key: String) -> String? {
        guard let value = bg_html_attribute(node, key) else { return nil }
        defer { bg_html_release(value) }
        return String(cString: value)
    }

    /// The text of a text node, or the concatenated text under an element.
    static func text(_ node: Node) -> String {
        if bg_html_type(node) == Int32(BG_HTML_TEXT) { return bg_html_content(node).map { String(cString: $0) } ?? "" }
        return children(node).map(text).joined()
    }

    /// `w:numPr`'s list and level, when it names a list.
    static func numbering(_ numPr: Node) -> (numId: String, level: Int)? {
        guard let id = first(numPr, "numId").flatMap({ attribute($0, "val") }), id != "0" else { return nil }
        let level = first(numPr, "ilvl").flatMap { attribute($0, "val") }.flatMap { Int($0) } ?? 0
        return (id, level)
    }

    static func withDocument<T>(_ xml: [UInt8], _ body: (Node) -> T?) -> T? {
        guard let document = DocxText.parse(xml) else { return nil }
        defer { bg_html_free(document) }
        guard let root = bg_html_root(document) else { return nil }
        return body(UnsafeRawPointer(root))
    }
}

/// `numbering.xml`: each list's levels, and the counters as the body is read.
struct Numbering {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// abstractNumId → levels; numId → abstractNumId.
    var abstracts: [String: [Int: Level]] = [:]
    var lists: [String: String] = [:]
    var counters: [String: [Int]] = [:]

    init() {}

    init(xml: [UInt8]) {
        let read: (abstracts: [String: [Int: Level]], lists: [String: String])? = XMLNode.withDocument(xml) { root in
            var abstracts: [String: [Int: Level]] = [:]
            var lists: [String: String] = [:]
            for a in XMLNode.elements(root, named: "abstractNum") {
                guard let id = XMLNode.attribute(a, "abstractNumId") else { continue }
                var levels: [Int: Level] = [:]
                for l in XMLNode.elements(a, named: "lvl") {
                    guard let ilvl = XMLNode.attribute(l, "ilvl").flatMap({ Int($0) }) else { continue }
                    var level = Level()
                    if let f = XMLNode.first(l, "numFmt").flatMap({ XMLNode.attribute($0, "val") }) { level.format = f }
                    if let t = XMLNode.first(l, "lvlText").flatMap({ XMLNode.attribute($0, "val") }) { level.text = t }
                    if let s = XMLNode.first(l, "start").flatMap({ XMLNode.attribute($0, "val") }).flatMap({ Int($0) }) {
                        level.start = s
                    }
                    levels[ilvl] = level
                }
                abstracts[id] = levels
            }
            for n in XMLNode.elements(root, named: "num") {
                guard let id = XMLNode.attribute(n, "numId"),
                    let abstract = XMLNode.first(n, "abstractNumId").flatMap({ XMLNode.attribute($0, "val") })
                else { continue }
                lists[id] = abstract
            }
            return (abstracts, lists)
        }
        abstracts = read?.abstracts ?? [:]
        lists = read?.lists ?? [:]
    }

    /// The label of the next item of list `numId` at `level` (`一、`, `（二）`, `3.`),
    /// counting it; "" for a bullet or a list the file does not define.
    mutating func label(numId: String, level: Int) -> String {
        guard let abstract = lists[numId], let levels = abstracts[abstract], let this = levels[level], (0..<9).contains(level)
        else { return "" }
        var count = counters[numId] ?? Array(repeating: 0, count: 9)
        for l in 0..<9 where count[l] == 0 { count[l] = (levels[l]?.start ?? 1) - 1 }
        count[level] += 1
        for deeper in (level + 1)..<9 { count[deeper] = (levels[deeper]?.start ?? 1) - 1 }
        counters[numId] = count
        if this.format == "bullet" || this.format == "none" { return "" }
        var out = this.text
        for l in 0...level {
            let value = max(count[l], levels[l]?.start ?? 1)
            out = out.replacing("%\(l + 1)", with: Self.format(value, levels[l]?.format ?? "decimal"))
        }
        return out
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital":
            return chinese(n)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return n >= 1 && n <= stems.count ? String(stems[n - 1]) : String(n)
        case "lowerLetter", "upperLetter":
            guard n >= 1 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt8(96 + (n - 1) % 26 + 1)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s.uppercased() : s
        case "lowerRoman", "upperRoman":
            let s = roman(n)
            return format == "lowerRoman" ? s.lowercased() : s
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) })
        case "decimalZero":
            return n < 10 ? "0\(n)" : String(n)
        default:
            return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (list numbers stay small).
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 1000 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        if n < 100 { return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10])) }
        let rest = n % 100
        return String(digits[n / 100]) + "百"
            + (rest == 0 ? "" : rest < 10 ? "零" + chinese(rest) : rest < 20 ? "一" + chinese(rest) : chinese(rest))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let values = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
            (9, "IX"), (5, "V"), (4, "IV"), (1, "I")
        ]
        var n = n
        var out = ""
        for (v, s) in values {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }
}

/// `styles.xml`: the list a paragraph style numbers its paragraphs with (Word's
/// numbered heading styles).
struct StyleNumbering {
    var lists: [String: (numId: String, level: Int)] = [:]

    init() {}

    init(xml: [UInt8]) {
        lists =
            XMLNode.withDocument(xml) { root in
                var lists: [String: (numId: String, level: Int)] = [:]
                for style in XMLNode.elements(root, named: "style") {
                    guard let id = XMLNode.attribute(style, "styleId"),
                        let numPr = XMLNode.first(style, "pPr").flatMap({ XMLNode.first($0, "numPr") }),
                        let list = XMLNode.numbering(numPr)
                    else { continue }
                    lists[id] = list
                }
                return lists
            } ?? [:]
    }
}

/// Walks `w:body`: paragraphs, tables, content controls, in order.
private struct BodyWriter {
    var numbering: Numbering
    let styles: StyleNumbering
    var lines: [String] = []

    /// Deeper than this, a document is not a report (tables nest a few levels).
    static let maxDepth = 64

    init(numbering: Numbering, styles: StyleNumbering) {
        self.numbering = numbering
        self.styles = styles
    }

    mutating func walk(_ node: XMLNode.Node, depth: Int) {
        guard depth < Self.maxDepth else { return }
        for child in XMLNode.children(node) where XMLNode.isElement(child) {
            switch XMLNode.name(child) {
            case "p": lines += paragraph(child)
            case "tbl": table(child, depth: depth)
            case "body", "sdt", "sdtContent", "customXml", "ins", "smartTag": walk(child, depth: depth + 1)
            default: break
            }
        }
    }

    /// A paragraph's lines (a manual line break `w:br` starts another), its list
    /// label first.
    mutating func paragraph(_ p: XMLNode.Node) -> [String] {
        var label = ""
        let properties = XMLNode.first(p, "pPr")
        let style = properties.flatMap { XMLNode.first($0, "pStyle") }.flatMap { XMLNode.attribute($0, "val") }
        if let list = properties.flatMap({ XMLNode.first($0, "numPr") }).flatMap(XMLNode.numbering)
            ?? style.flatMap({ styles.lists[$0] })
        {
            label = numbering.label(numId: list.numId, level: list.level)
        }
        var lines = [label]
        runs(p, into: &lines, depth: 0)
        return lines.map { Whitespace.trimmed($0) }.filter { !$0.isEmpty }
    }

    private func runs(_ node: XMLNode.Node, into lines: inout [String], depth: Int) {
        guard depth < Self.maxDepth else { return }
        for child in XMLNode.children(node) where XMLNode.isElement(child) {
            switch XMLNode.name(child) {
            case "t": lines[lines.count - 1] += XMLNode.text(child)
            case "tab": lines[lines.count - 1] += " "
            case "br", "cr": lines.append("")
            case "noBreakHyphen": lines[lines.count - 1] += "-"
            // Deleted text, field codes, footnote marks and drawings are not the text.
            case "delText", "instrText", "pPr", "rPr", "footnoteReference", "endnoteReference", "drawing", "pict", "del":
                break
            default: runs(child, into: &lines, depth: depth + 1)
            }
        }
    }

    /// Each row a pipe-table line; a one-cell row is its text.
    mutating func table(_ tbl: XMLNode.Node, depth: Int) {
        for row in XMLNode.elements(tbl, named: "tr") {
            var cells: [String] = []
            for cell in XMLNode.elements(row, named: "tc") {
                var inner = BodyWriter(numbering: numbering, styles: styles)
                inner.walk(cell, depth: depth + 1)
                numbering = inner.numbering
                cells.append(inner.lines.joined(separator: " ").replacing("|", with: "｜"))
            }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            lines.append(cells.count == 1 ? cells[0] : "| " + cells.joined(separator: " | ") + " |")
        }
    }
}
