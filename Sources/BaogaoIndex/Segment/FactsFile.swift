import BaogaoAnalysis

/// The number facts of a segment (`.facts`), in columns so that a range query
/// scans values without decoding anything else.
///
///     Body = factCount u32 · stringCount u32 ·
///            docs factCount × u32 · values factCount × f64 (IEEE 754, LE) ·
///            kinds factCount × u8 · flags factCount × u8 (bit 0: approximate) ·
///            starts factCount × u32 · ends factCount × u32 · years factCount × u16 (0 = none) ·
///            labels, relations, scopes, units, qualifiers, columns: factCount × u32 each
///                                             (indexes into Strings; 0 is the empty string = none) ·
///            Strings = stringCount × string
///
/// Facts are in document order, and within a document in text order; `starts`
/// and `ends` are Unicode scalar offsets into the paragraph's original text.
/// Kinds: 0 amount, 1 percent, 2 percentage point, 3 count.
/// Example: `教育支出 22960万元` in document 39 is one fact with doc 39, value
/// 229600000.0, kind 0, start 6, end 13, label → "教育支出", unit → "元".
struct FactsWriter {
    private var docs: [UInt32] = []
    private var values: [Double] = []
    private var kinds: [UInt8] = []
    private var flags: [UInt8] = []
    private var starts: [UInt32] = []
    private var ends: [UInt32] = []
    private var years: [UInt16] = []
    private var strings = StringTable()
    private var labels: [UInt32] = [], relations: [UInt32] = [], scopes: [UInt32] = []
    private var units: [UInt32] = [], qualifiers: [UInt32] = [], columns: [UInt32] = []

    var count: Int { docs.count }
    var byteCount: Int { docs.count * 43 }

    mutating func append(_ f: NumberFact, doc: Int) {
        docs.append(UInt32(doc))
        values.append(f.value)
        kinds.append(FactKindCode.code(f.kind))
        flags.append(f.approximate ? 1 : 0)
        starts.append(UInt32(clamping: f.start))
        ends.append(UInt32(clamping: f.end))
        years.append(UInt16(clamping: f.year ?? 0))
        labels.append(strings.id(f.label))
        relations.append(strings.id(f.relation))
        scopes.append(strings.id(f.scope))
        units.append(strings.id(f.unit))
        qualifiers.append(strings.id(f.qualifier))
        columns.append(strings.id(f.column))
    }

    func finish() -> [UInt8] {
        var w = ByteWriter(capacity: byteCount + 4096)
        IndexFormat.writeHeader(.facts, into: &w)
        w.writeU32(UInt32(docs.count))
        w.writeU32(UInt32(strings.all.count))
        for v in docs { w.writeU32(v) }
        for v in values { w.writeU64(v.bitPattern) }
        w.write(kinds)
        w.write(flags)
        for v in starts { w.writeU32(v) }
        for v in ends { w.writeU32(v) }
        for v in years { w.writeU16(v) }
        for column in [labels, relations, scopes, units, qualifiers, columns] { for v in column { w.writeU32(v) } }
        for s in strings.all { w.writeString(s) }
        IndexFormat.writeFooter(.facts, into: &w)
        return w.bytes
    }
}

private struct StringTable {
    private(set) var all: [String] = [""]
    private var ids: [String: UInt32] = ["": 0]

    mutating func id(_ s: String?) -> UInt32 {
        guard let s, !s.isEmpty else { return 0 }
        if let id = ids[s] { return id }
        let id = UInt32(all.count)
        all.append(s)
        ids[s] = id
        return id
    }
}

enum FactKindCode {
    static let all: [NumberFact.Kind] = [.amount, .percent, .percentagePoint, .count]
    static func code(_ k: NumberFact.Kind) -> UInt8 { UInt8(all.firstIndex(of: k) ?? 0) }
    static func kind(_ c: UInt8) -> NumberFact.Kind { Int(c) < all.count ? all[Int(c)] : .amount }
}

/// Reads a `.facts` body: columns in place, strings into an array.
public struct FactsTable: @unchecked Sendable {
    public let count: Int
    private let docsAt: UnsafeRawPointer, valuesAt: UnsafeRawPointer, kindsAt: UnsafeRawPointer
    private let flagsAt: UnsafeRawPointer, startsAt: UnsafeRawPointer, endsAt: UnsafeRawPointer
    private let yearsAt: UnsafeRawPointer, stringColumnsAt: UnsafeRawPointer
    private let strings: [String]

    init(body: UnsafeRawBufferPointer, file: String) throws(IndexError) {
        var r = ByteReader(body, file: file)
        count = Int(try r.readU32())
        let stringCount = Int(try r.readU32())
        let fixed = count * (4 + 8 + 1 + 1 + 4 + 4 + 2 + 6 * 4)
        guard fixed <= r.remaining, let base = body.baseAddress else {
            throw .damaged(file: file, reason: "fact columns past the end")
        }
        docsAt = base + r.offset
        valuesAt = docsAt + count * 4
        kindsAt = valuesAt + count * 8
        flagsAt = kindsAt + count
        startsAt = flagsAt + count
        endsAt = startsAt + count * 4
        yearsAt = endsAt + count * 4
        stringColumnsAt = yearsAt + count * 2
        r.offset += fixed
        var strings: [String] = []
        for _ in 0..<stringCount { strings.append(try r.readString()) }
        self.strings = strings
        for i in 0..<count {
            for c in 0..<6 where Int(stringID(c, i)) >= max(1, strings.count) && stringID(c, i) != 0 {
                throw .damaged(file: file, reason: "fact \(i) names a missing string")
            }
        }
    }

    @inline(__always) private func u32(_ p: UnsafeRawPointer, _ i: Int) -> UInt32 {
        UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }
    @inline(__always) private func stringID(_ column: Int, _ i: Int) -> UInt32 {
        u32(stringColumnsAt + column * count * 4, i)
    }
    private func string(_ column: Int, _ i: Int) -> String? {
        let id = Int(stringID(column, i))
        return id == 0 || id >= strings.count ? nil : strings[id]
    }

    @inline(__always) public func doc(_ i: Int) -> Int { Int(u32(docsAt, i)) }
    /// Raw string ids, for matching without making a `String` per fact (0 = none).
    @inline(__always) public func labelID(_ i: Int) -> Int { Int(stringID(0, i)) }
    @inline(__always) public func relationID(_ i: Int) -> Int { Int(stringID(1, i)) }
    @inline(__always) public func unitID(_ i: Int) -> Int { Int(stringID(3, i)) }
    @inline(__always) public func kindCode(_ i: Int) -> Int { Int(kindsAt.load(fromByteOffset: i, as: UInt8.self)) }
    @inline(__always) public func start(_ i: Int) -> Int { Int(u32(startsAt, i)) }
    @inline(__always) public func end(_ i: Int) -> Int { Int(u32(endsAt, i)) }
    /// The number of distinct strings; ids run from 0 (none) to `stringCount - 1`.
    public var stringCount: Int { max(1, strings.count) }
    public func string(id: Int) -> String? { id <= 0 || id >= strings.count ? nil : strings[id] }
    @inline(__always) public func value(_ i: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: valuesAt.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
    }
    @inline(__always) public func kind(_ i: Int) -> NumberFact.Kind { FactKindCode.kind(kindsAt.load(fromByteOffset: i, as: UInt8.self)) }
    public func unit(_ i: Int) -> String { string(3, i) ?? "" }
    public func relation(_ i: Int) -> String? { string(1, i) }
    public func label(_ i: Int) -> String? { string(0, i) }

    /// The whole fact; its `text` is cut from the paragraph's original text.
    public func fact(_ i: Int, paragraphText: String) -> NumberFact {
        let start = Int(u32(startsAt, i)), end = Int(u32(endsAt, i))
        let scalars = Array(paragraphText.unicodeScalars)
        var text = String.UnicodeScalarView()
        if start <= end, end <= scalars.count { text.append(contentsOf: scalars[start..<end]) }
        let year = Int(UInt16(littleEndian: yearsAt.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)))
        return NumberFact(kind: kind(i), value: value(i), unit: unit(i), text: String(text), start: start, end: end,
                          label: string(0, i), relation: string(1, i), scope: string(2, i),
                          year: year == 0 ? nil : year, approximate: flagsAt.load(fromByteOffset: i, as: UInt8.self) & 1 != 0,
                          qualifier: string(4, i), column: string(5, i))
    }

    /// The facts of document `doc`: a range of fact indexes (facts are in document order).
    public func facts(ofDoc doc: Int) -> Range<Int> {
        var lo = 0, hi = count
        while lo < hi { let m = (lo + hi) / 2; if self.doc(m) < doc { lo = m + 1 } else { hi = m } }
        var end = lo
        while end < count, self.doc(end) == doc { end += 1 }
        return lo..<end
    }
}
