import BaogaoAnalysis

/// The number facts of a segment (`.facts`, format 15): one record of varints a
/// fact, about 9 bytes where four fixed columns took 18, then the table of
/// attributes the facts share and their strings. A reader decodes the records
/// into columns the first time a command reads facts (a search never does).
///
///     Body       = factCount u32 · attributeCount u32 · stringCount u32 ·
///                  Fact × factCount · Attributes · Strings
///     Fact       = docGap varint (document − the previous fact's, 0 for the first) ·
///                  attribute varint (index into Attributes) ·
///                  value varint (zigzag(m) << 3 | k: the value is m / 10^k, k 0…6;
///                                k = 7: the value's 8 bytes follow, IEEE 754 LE) ·
///                  startGap varint (zigzag of start − the previous fact's start in
///                                the same document, of start at a new one) ·
///                  length varint (at most FactSpan.maxLength)
///     Attributes = attributeCount × (label · relation · scope · unit · qualifier ·
///                  column (varints: indexes into Strings, 0 = none) ·
///                  year (varint, 0 = none) · kind u8 · flags u8 (bit 0: approximate) ·
///                  relation kind u8 (FactRelation's code))
///     Strings    = stringCount × string; string 0 is the empty string
///     string     = byte length (varint) · UTF-8
///
/// A value is written as m / 10^k with the smallest k for which that division
/// gives back the very same double (most figures have two decimals or none), and
/// read back by the same division, so it reads back bit for bit; -0, NaN and
/// values no such m (|m| < 2^53) gives are written whole.
///
/// Facts are in document order, and within a document in text order; a span's
/// start and length are Unicode scalars into the paragraph's original text. A
/// reader refuses, as damaged, a fact naming a document the segment does not
/// have, an attribute or string that is not there, or a span out of range.
/// Attributes are numbered in order of first use. Kinds: 0 amount, 1 percent,
/// 2 percentage point, 3 count. Relation kinds (FactRelation, since format 9):
/// 0 unmarked, 1 increase, 2 decrease, 3 increase on the budget, 4 decrease on the
/// budget, 5 completion, 6 share, 7 part, 8 budget, 9 adjusted, 10 actual,
/// 11 final accounts, 12 planned, 13 other, 14 arranged.
///
/// Example: `教育支出 22960万元` in document 39, the segment's only fact:
///
///     01 00 00 00  01 00 00 00  03 00 00 00      one fact, one attribute, three strings
///     27                                         doc 39 (a gap of 39 from 0)
///     00                                         attribute 0
///     80 E0 DA D7 0D                             value: zigzag(229600000) << 3 | 0
///     0C 07                                      start 6 (zigzag 12), length 7
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

    mutating func append(_ f: NumberFact, doc: Int) {
        docs.append(UInt32(doc))
        values.append(f.value)
        attributeIDs.append(interner.id(of: f))
        spans.append(FactSpan.pack(start: f.start, end: f.end))
    }

    func finish() -> [UInt8] {
        var w = ByteWriter(capacity: docs.count * 10 + interner.attributes.count * 16 + 4096)
        IndexFormat.writeHeader(.facts, into: &w)
        w.writeU32(UInt32(docs.count))
        w.writeU32(UInt32(interner.attributes.count))
        w.writeU32(UInt32(interner.strings.count))
        var previousDoc: UInt32 = 0
        var previousStart = 0
        for i in docs.indices {
            if i == 0 || docs[i] != previousDoc { previousStart = 0 }
            w.writeVarint(UInt64(docs[i] - previousDoc))
            w.writeVarint(UInt64(attributeIDs[i]))
            FactValue.write(values[i], into: &w)
            let start = FactSpan.start(spans[i])
            w.writeVarint(FactValue.zigzag(Int64(start - previousStart)))
            w.writeVarint(UInt64(FactSpan.end(spans[i]) - start))
            previousDoc = docs[i]
            previousStart = start
        }
        for a in interner.attributes { a.write(into: &w) }
        for s in interner.strings { w.writeString(s) }
        IndexFormat.writeFooter(.facts, into: &w)
        return w.bytes
    }
}

/// A fact's value as `m / 10^k` (`FactsFile`): the figures of reports have few
/// decimals, and their doubles took eight bytes each.
enum FactValue {
    static let whole: UInt64 = 7
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    static func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }

    static func write(_ value: Double, into w: inout ByteWriter) {
        if value.isFinite, value != 0 || value.sign == .plus {
            for k in powers.indices {
                let scaled = (value * powers[k]).rounded()
                guard abs(scaled) < 0x1p53 else { break }
                if read(Int64(scaled), k) == value {
                    w.writeVarint(zigzag(Int64(scaled)) << 3 | UInt64(k))
                    return
                }
            }
        }
        w.writeVarint(whole)
        w.writeU64(value.bitPattern)
    }

    /// The value `m / 10^k`, as written and read: the same division both times.
    @inline(__always)
    static func read(_ m: Int64, _ k: Int) -> Double { Double(m) / powers[k] }

    /// The value whose varint is `v`, reading its eight bytes from `input` when it has them.
    @inline(__always)
    static func read(_ v: UInt64, from input: inout ByteReader) throws(IndexError) -> Double {
        let k = Int(v & 7)
        if UInt64(k) == whole { return Double(bitPattern: try input.readU64()) }
        guard k < powers.count, v >> 3 < 1 << 54 else { throw input.damaged("a fact value out of range") }
        return read(unzigzag(v >> 3), k)
    }
}
