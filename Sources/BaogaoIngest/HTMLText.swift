import CLibXML2

/// The main text of a web page that publishes a report, as lines: what a reader of
/// the page reads, without what the site wraps around it.
///
/// Parsed by libxml2's HTML parser (system `libxml2`, MIT licence): it is the parser
/// browsers' tolerance was modelled on — unclosed `<p>`s, stray tags and missing
/// `<body>` are read as a browser reads them — and it is in every Linux distribution.
/// FoundationXML was the other choice; on Linux it is the same libxml2 behind an
/// XML-only API (`XMLDocument`'s HTML option is not implemented there), so we call
/// libxml2 directly.
///
/// What is kept and dropped:
/// - dropped: `script`, `style`, `noscript`, forms and their controls, `iframe`,
///   `svg`, `nav`, `aside`, and elements whose class or id names a site's furniture
///   (`nav`, `menu`, `breadcrumb`, `crumb`, `footer`, `share`, `sidebar`, `copyright`,
///   `toolbar`); `header` and `footer` elements outside `article` and `main`;
/// - dropped: link lists — an element with at least 3 links whose text is mostly (3/4)
///   link text (a site's menus, related-article lists), measured without the link lists
///   inside it, so that a wrapper holding a menu and the report is read into;
/// - kept: every block element (`p`, `div`, `h1`–`h6`, `li`, `br`, …) ends a line; a data
///   table (no table inside it, no cell over 200 characters) becomes a pipe table, one
///   row a line, which `TableReader` reads with its caption and unit line as it reads
///   text tables; a layout table is read as the blocks it holds;
/// - the boilerplate of government pages — `索引号`, `发布机构`, `发布日期`, `文号`,
///   `主题分类` … lines, `【字体：大 中 小】`, `打印`, `关闭` — is taken out of the text
///   and handed to the metadata (`boilerplate`), so it is never a paragraph.
///
/// The charset: the bytes go through `TextDecoder` first (UTF-8, UTF-16 or GB18030,
/// by the bytes), then to libxml2 as UTF-8 with the page's own `<meta charset>` ignored.
/// A page's meta says GB2312 or GBK (the common case) while its bytes use GBK's
/// extensions or GB18030; GB18030 reads all three, where libxml2's iconv GB2312 would
/// stop at the first character outside it.
public enum HTMLText {
    public struct Extracted: Sendable, Equatable {
        /// The page's text, one block a line, LF line ends.
        public var utf8: [UInt8]
        /// The boilerplate lines taken out (`发布日期：2024-01-15`), in page order.
        public var boilerplate: [String]
    }

    /// Whether `bytes` are a web page: within the first 1,024 bytes (after a BOM and
    /// white space) a doctype, `<html`, `<head`, `<meta` or `<body` tag.
    public static func isHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 1024)], as: UTF8.self).lowercased()
        return ["<!doctype html", "<html", "<head", "<meta", "<body"].contains { head.contains($0) }
    }

    public static func extract(_ bytes: [UInt8], doc: String) throws(IngestError) -> Extracted {
        let decoded = try TextDecoder.decode(bytes, file: doc)
        let document = decoded.utf8.withUnsafeBufferPointer { p in
            p.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: p.count) { bg_html_parse($0, Int32(clamping: p.count)) }
            } ?? nil
        }
        guard let document else {
            throw .malformed(file: doc, format: "HTML", reason: "libxml2 could not parse it")
        }
        defer { bg_html_free(document) }
        guard let root = bg_html_root(document).map(UnsafeRawPointer.init) else {
            throw .malformed(file: doc, format: "HTML", reason: "no elements")
        }
        var walker = Walker()
        walker.measure(root, depth: 0)
        walker.emit(root, depth: 0, inArticle: false)
        walker.endLine()
        var text: [UInt8] = []
        var boilerplate: [String] = []
        for line in walker.lines {
            if Boilerplate.isBoilerplate(line) {
                boilerplate.append(line)
            } else {
                text += Array(line.utf8)
                text.append(0x0A)
            }
        }
        return Extracted(utf8: text, boilerplate: boilerplate)
    }
}

/// One pass to measure each element's text and link text, one to write the lines.
private struct Walker {
    typealias Node = UnsafeRawPointer

    struct Measure {
        var text = 0
        var linkText = 0
        var links = 0

        /// Link lists inside, dropped.
        var lists = 0

        /// At least 3 links, and 3/4 of the text theirs; or link lists with no more
        /// than a heading of their own (`相关文章`).
        var isLinkList: Bool { (links >= 3 && linkText * 4 >= text * 3) || (lists > 0 && text - linkText <= 12) }
    }

    /// Nesting past this depth is read as flat text: a page cannot make the walk
    /// recurse without bound (libxml2 stops at 256 levels itself by default).
    static let maxDepth = 400

    var measures: [UnsafeRawPointer: Measure] = [:]
    var lines: [String] = []
    var current = ""

    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
        "select", "option", "button", "input", "textarea", "nav", "aside", "head", "map", "audio", "video"
    ]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr",
        "section", "article", "main", "header", "footer", "blockquote", "pre", "address", "figure",
        "figcaption", "caption", "center", "table", "tr", "tbody", "thead", "tfoot", "body", "html"
    ]
    static let furniture = ["nav", "menu", "breadcrumb", "crumb", "footer", "share", "sidebar", "copyright", "toolbar"]

    static func name(_ node: Node) -> String {
        bg_html_name(node).map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ node: Node, _ key: String) -> String {
        guard let value = bg_html_attribute(node, key) else { return "" }
        defer { bg_html_release(value) }
        return String(cString: value).lowercased()
    }

    static func isFurniture(_ node: Node) -> Bool {
        let names = attribute(node, "class") + " " + attribute(node, "id")
        return furniture.contains { names.contains($0) }
    }

    static func children(_ node: Node) -> [Node] {
        var out: [Node] = []
        var child = bg_html_first_child(node)
        while let c = child {
            out.append(c)
            child = bg_html_next(c)
        }
        return out
    }

    static func content(_ node: Node) -> String {
        guard let c = bg_html_content(node) else { return "" }
        return String(cString: c)
    }

    static func isText(_ node: Node) -> Bool {
        let t = bg_html_type(node)
        return t == Int32(BG_HTML_TEXT) || t == Int32(BG_HTML_CDATA)
    }

    static func isElement(_ node: Node) -> Bool { bg_html_type(node) == Int32(BG_HTML_ELEMENT) }

    @discardableResult
    mutating func measure(_ node: Node, depth: Int) -> Measure {
        var m = Measure()
        if Self.isText(node) {
            // Characters that show: the spaces between a list's links are not its text.
            m.text = Self.content(node).unicodeScalars.count { !Whitespace.isWhitespace($0) }
            return m
        }
        guard Self.isElement(node), depth < Self.maxDepth else { return m }
        let name = Self.name(node)
        if Self.dropped.contains(name) { return m }
        for child in Self.children(node) {
            let c = measure(child, depth: depth + 1)
            m.text += c.text
            m.linkText += c.linkText
            m.links += c.links
            m.lists += c.lists
        }
        if name == "a" {
            m.links += 1
            m.linkText = m.text
        }
        measures[node] = m
        // A link list is dropped whole, so it counts for nothing in what holds it: a
        // wrapper of 10,000 links and a short report is the report.
        return m.isLinkList && name != "a" ? Measure(lists: 1) : m
    }

    mutating func endLine() {
        let line = Whitespace.trimmed(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    mutating func emit(_ node: Node, depth: Int, inArticle: Bool) {
        if Self.isText(node) {
            append(Self.content(node))
            return
        }
        guard Self.isElement(node) else { return }
        let name = Self.name(node)
        if Self.dropped.contains(name) || Self.isFurniture(node) { return }
        if (name == "header" || name == "footer") && !inArticle { return }
        let m = measures[node] ?? Measure()
        if name != "a", m.isLinkList { return }
        if depth >= Self.maxDepth { return }
        if name == "table", isDataTable(node) {
            endLine()
            emitTable(node)
            return
        }
        let block = Self.blocks.contains(name) || name == "td" || name == "th"
        if block { endLine() }
        let article = inArticle || name == "article" || name == "main"
        for child in Self.children(node) { emit(child, depth: depth + 1, inArticle: article) }
        if block { endLine() }
    }

    /// HTML white space collapses to one space; a space between two CJK characters
    /// is a line break of the source, not a space of the text, and is dropped.
    mutating func append(_ text: String) {
        for s in text.unicodeScalars {
            if s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}" {
                if let last = current.unicodeScalars.last, last != " " { current.unicodeScalars.append(" ") }
                continue
            }
            if current.unicodeScalars.last == " ", isWide(s) {
                let scalars = current.unicodeScalars
                let before = scalars.index(before: scalars.endIndex)
                if before > scalars.startIndex, isWide(scalars[scalars.index(before: before)]) {
                    current.unicodeScalars.removeLast()
                }
            }
            current.unicodeScalars.append(s)
        }
    }

    private func isWide(_ s: Unicode.Scalar) -> Bool {
        (0x2E80...0x9FFF).contains(s.value) || (0xFF00...0xFFEF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value)
    }

    /// A table of data rather than of layout: no table inside it and no long cell.
    private func isDataTable(_ table: Node) -> Bool {
        var stack = Self.children(table)
        while let node = stack.popLast() {
            guard Self.isElement(node) else { continue }
            let name = Self.name(node)
            if name == "table" { return false }
            if name == "td" || name == "th", (measures[node]?.text ?? 0) > 200 { return false }
            stack += Self.children(node)
        }
        return true
    }

    /// Each row a pipe-table line (`| 项目 | 预算数 |`); a caption its own line before.
    private mutating func emitTable(_ table: Node) {
        var stack = Array(Self.children(table).reversed())
        while let node = stack.popLast() {
            guard Self.isElement(node) else { continue }
            let name = Self.name(node)
            if name == "caption" {
                emit(node, depth: 0, inArticle: true)
            } else if name == "tr" {
                var cells: [String] = []
                for cell in Self.children(node) where ["td", "th"].contains(Self.name(cell)) {
                    var inner = Walker()
                    inner.measures = [:]
                    inner.measure(cell, depth: 0)
                    for child in Self.children(cell) { inner.emit(child, depth: 1, inArticle: true) }
                    inner.endLine()
                    cells.append(inner.lines.joined(separator: " ").replacing("|", with: "｜"))
                }
                if cells.contains(where: { !$0.isEmpty }) {
                    lines.append(cells.count == 1 ? cells[0] : "| " + cells.joined(separator: " | ") + " |")
                }
            } else {
                stack += Self.children(node).reversed()
            }
        }
    }
}

/// The lines of a government page's frame around the report.
enum Boilerplate {
    static let labels = [
        "索引号", "发布机构", "发布日期", "发布时间", "成文日期", "公开日期", "生效日期", "发文机关", "发文字号", "文号", "主题分类",
        "体裁分类", "公开方式", "公开范围", "信息来源", "来源", "浏览次数", "访问次数", "点击数", "责任编辑", "有效性"
    ]
    static let whole: Set<String> = ["打印", "打印本页", "关闭", "关闭窗口", "返回顶部", "分享到", "【打印】", "【关闭】", "[打印]", "[关闭]"]

    static func isBoilerplate(_ line: String) -> Bool {
        let compact = String(line.unicodeScalars.filter { !Whitespace.isWhitespace($0) })
        if whole.contains(compact) { return true }
        if compact.contains("字体：") || compact.contains("字号：") || compact.hasPrefix("【字体") { return true }
        let text = compact.hasPrefix("|") ? String(compact.dropFirst()) : compact
        return labels.contains { text.hasPrefix($0 + "：") || text.hasPrefix($0 + ":") }
    }
}
