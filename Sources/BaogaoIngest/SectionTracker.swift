/// Gives every paragraph its kind, its section path and the year it speaks of.
///
/// The outline is `一、` › `（一）` › `1.` › `（1）` (half-width `(一)`, `(1)`, `1．`, `1、`
/// too). A numbered paragraph is a heading only when `LineShape.isHeadingLike` says so;
/// otherwise it is a list item (budget lines, paragraphs with a lead sentence) that
/// sits under the headings above its own level — it closes deeper sections, as a
/// sibling heading would, but opens none. Dash lines (`——城乡社区支出…`) are list items.
///
/// The glossary (`重要名词解释`, `名词解释`) is a section of its own, open until the next
/// `一、` heading. Its paragraphs are all `.glossary`: a `【term】` line, whose own
/// section path ends with it, followed by the definition, which sits under the term (the
/// source prints them apart, so they stay two paragraphs); or a numbered entry
/// `1. 一般公共预算：…` holding term and definition in one paragraph. `term` names the term.
///
/// Years: a paragraph speaks of the year of its innermost heading that names one
/// (`（一）2023年预算收支情况` → 2023). Otherwise of the part of the report it stands in:
/// each `一、` heading names its year or, failing that, continues the part before it
/// (`二、贯彻落实人大决议…` still reviews the execution year), unless it speaks of the
/// draft (`草案`, `预算安排`, `预算编制`: the budget year) or of execution (`执行`: the
/// execution year). The title block and the preamble before the first `一、` speak of
/// both years, and the glossary of none: their year is nil rather than a guess (a
/// filter on one year should not claim them).
struct SectionTracker {
    private struct Open {
        let level: Int
        let text: String
        let year: Int?
    }

    private var stack: [Open] = []
    private var inGlossary = false
    private var currentTerm: String?
    private var partYear: Int?
    private let metadata: ReportMetadata

    init(metadata: ReportMetadata) {
        self.metadata = metadata
    }

    /// The block's paragraphs placed in their sections. Each raw paragraph's text is
    /// emptied once its `Paragraph` holds it, so that a long report is not held twice.
    static func paragraphs(consuming block: inout TitleBlock, metadata: ReportMetadata) -> [Paragraph] {
        var tracker = SectionTracker(metadata: metadata)
        var out: [Paragraph] = []
        out.reserveCapacity(block.paragraphs.count)
        for i in block.paragraphs.indices {
            let raw = block.paragraphs[i]
            block.paragraphs[i].text = []
            var p = Paragraph(
                number: i + 1, text: String(decoding: raw.text, as: UTF8.self), section: [],
                firstLine: raw.firstLine, lastLine: raw.lastLine,
                lineStarts: ParagraphLines.scalarStarts(raw.lineStarts, in: raw.text))
            if i < block.count {
                p.kind = .title
            } else {
                tracker.place(raw, into: &p)
            }
            out.append(p)
        }
        return out
    }

    private var path: [String] { stack.map(\.text) }

    private var year: Int? {
        if inGlossary { return nil }
        for open in stack.reversed() { if let y = open.year { return y } }
        return partYear
    }

    private mutating func place(_ raw: RawParagraph, into p: inout Paragraph) {
        let b = raw.text
        if let ctx = raw.table {
            p.kind = raw.isTableRow ? .tableRow : .body
            p.table = ctx
            p.section = path
            p.year = year
            return
        }
        let length = b.count <= 36 ? String(decoding: b, as: UTF8.self).unicodeScalars.count : 13
        if LineShape.isGlossaryHeading(b, length: length) {
            // The glossary ranks as a part (`一、`): the next `一、` heading closes it.
            stack = [Open(level: 1, text: p.text, year: nil)]
            inGlossary = true
            currentTerm = nil
            p.kind = .heading
            p.section = path
            return
        }
        if inGlossary && LineShape.isBracketTerm(b, length: length) {
            stack.removeAll { $0.level > 1 }
            stack.append(Open(level: 5, text: p.text, year: nil))
            currentTerm = String(p.text.dropFirst().dropLast())
            p.kind = .glossary
            p.term = currentTerm
            p.section = path
            return
        }
        let marker = LineShape.marker(b)
        let leavesGlossary = marker.map { $0.level == 1 && LineShape.isHeadingLike(b, marker: $0) } ?? false
        if inGlossary && !leavesGlossary {
            p.kind = .glossary
            if let m = marker {
                stack.removeAll { $0.level > 1 }
                currentTerm = nil
                p.term = Self.definedTerm(b, from: m.end)
            } else {
                p.term = currentTerm ?? Self.definedTerm(b, from: 0)
            }
            p.section = path
            return
        }
        guard let m = marker else {
            p.kind = LineShape.startsWithDash(b) ? .listItem : .body
            p.section = path
            p.year = year
            return
        }
        stack.removeAll { $0.level >= m.level }
        if LineShape.isHeadingLike(b, marker: m) {
            let own = LineShape.year(in: b)
            if m.level == 1 {
                inGlossary = false
                if let own {
                    partYear = own
                } else if Self.speaksOfDraft(p.text) {
                    partYear = metadata.budgetYear
                } else if p.text.contains("执行") {
                    partYear = metadata.executionYear
                } else {
                    partYear = partYear ?? metadata.executionYear
                }
            }
            stack.append(Open(level: m.level, text: p.text, year: own))
            p.kind = .heading
        } else {
            p.kind = .listItem
        }
        p.section = path
        p.year = year
    }

    private static func speaksOfDraft(_ s: String) -> Bool {
        s.contains("草案") || s.contains("预算安排") || s.contains("预算编制")
    }

    /// The term of `一般公共预算：指…` (numbering already skipped): the text before the
    /// first colon, when that comes early enough to be a term.
    static func definedTerm(_ b: [UInt8], from start: Int) -> String? {
        var i = start
        var n = 0
        while n < 30, let (v, next) = UTF8Cursor.scalar(in: b, at: i) {
            if v == 0xFF1A || v == 0x3A {  // ： :
                guard i > start else { return nil }
                return String(decoding: b[start..<i], as: UTF8.self)
            }
            i = next
            n += 1
        }
        return nil
    }
}
