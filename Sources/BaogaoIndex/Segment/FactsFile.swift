import BaogaoAnalysis

/// The number facts of a segment (`.facts`): four fixed-width columns of 18
/// bytes a fact (20 past 65,536 attributes), so that a range query scans values
/// in place, then the table of attributes the facts share and their strings.
///
///     Body       = factCount u32 · attributeCount u32 · stringCount u32 ·
///                  docs factCount × u32 · values factCount × f64 (IEEE 754, LE) ·
///                  attributes factCount × (u16 when attributeCount ≤ 65536, else u32)
///                                        (index into Attributes) ·
///                  spans factCount × u32 (start << 10 | length, see FactSpan) ·
///                  Attributes · Strings
///     Attributes = attributeCount × (label · relation · scope · unit · qualifier ·
///                  column (varints: indexes into Strings, 0 = none) ·
///                  year (varint, 0 = none) · kind u8 · flags u8 (bit 0: approximate) ·
///                  relation kind u8 (FactRelation's code))
///     Strings    = stringCount × string; string 0 is the empty string
///     string     = byte length (varint) · UTF-8
///
/// Facts are in document order, and within a document in text order; a span's
/// start and length are Unicode scalars into the paragraph's original text. A
/// reader refuses, as damaged, facts out of document order or naming a document
/// the segment does not have (it indexes each document's facts by that order).
/// Attributes are numbered in order of first use. Kinds: 0 amount, 1 percent,
/// 2 percentage point, 3 count. Relation kinds (FactRelation, since format 9):
/// 0 unmarked, 1 increase, 2 decrease, 3 increase on the budget, 4 decrease on the
/// budget, 5 completion, 6 share, 7 part, 8 budget, 9 adjusted, 10 actual,
/// 11 final accounts, 12 planned, 13 other, 14 arranged.
///
/// Example: `教育支出 22960万元` in document 39, the segment's only fact:
///
///     01 00 00 00  01 00 00 00  03 00 00 00      one fact, one attribute, three strings
///     27 00 00 00                                doc 39
///     00 00 00 00 D6 5E AB 41                    value 229600000.0
///     00 00                                      attribute 0 (u16: one attribute)
///     07 18 00 00                                span: start 6, length 7 (6 << 10 | 7)
///     01 00 00 02 00 00  00 00 00 00             attribute 0: label 1, no relation or
///                                                scope, unit 2, no qualifier or column;
///                                                no year, kind 0 (amount), flags 0,
///                                                relation kind 0 (unmarked)
///     00  0C E6 95 99 E8 82 B2 E6 94 AF E5 87 BA  03 E5 85 83
///                                                strings: "", 教育支出, 元
struct FactsWriter {
    private var docs: [UInt32] = []
    private var values: [Double] = []
    private var attributeIDs: [UInt32] = []
    private var spans: [UInt32] = []
    private var interner = FactInterner()

    var count: Int { docs.count }
    var byteCount: Int { docs.count * 20 + interner.attributes.count * 48 }

    /// Attribute ids take two bytes while they fit (a segment of the generated
    /// 200 MB corpus has ~19,000 attributes), four past that.
    static func attributeIDWidth(attributeCount: Int) -> Int { attributeCount <= 1 << 16 ? 2 : 4 }

    mutating func append(_ f: NumberFact, doc: Int) {
        docs.append(UInt32(doc))
        values.append(f.value)
        attributeIDs.append(interner.id(of: f))
        spans.append(FactSpan.pack(start: f.start, end: f.end))
    }

    func finish() -> [UInt8] {
        var w = ByteWriter(capacity: byteCount + 4096)
        IndexFormat.writeHeader(.facts, into: &w)
        w.writeU32(UInt32(docs.count))
        w.writeU32(UInt32(interner.attributes.count))
        w.writeU32(UInt32(interner.strings.count))
        for v in docs { w.writeU32(v) }
        for v in values { w.writeU64(v.bitPattern) }
        if Self.attributeIDWidth(attributeCount: interner.attributes.count) == 2 {
            for v in attributeIDs { w.writeU16(UInt16(v)) }
        } else {
            for v in attributeIDs { w.writeU32(v) }
        }
        for v in spans { w.writeU32(v) }
        for a in interner.attributes { a.write(into: &w) }
        for s in interner.strings { w.writeString(s) }
        IndexFormat.writeFooter(.facts, into: &w)
        return w.bytes
    }
}
