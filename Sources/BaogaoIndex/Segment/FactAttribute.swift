import BaogaoAnalysis

/// Everything a number fact says besides its value and where it is: label,
/// relation, scope, unit, qualifier and table column (as string ids, 0 = none),
/// year, kind, flags and the relation's kind. Facts of a segment share few of these tuples (the
/// generated 20 MB corpus: one per six facts), so the facts file interns them
/// and stores one attribute id per fact.
struct FactAttribute: Hashable, Sendable {
    var label: UInt32 = 0
    var relation: UInt32 = 0
    var scope: UInt32 = 0
    var unit: UInt32 = 0
    var qualifier: UInt32 = 0
    var column: UInt32 = 0
    /// 0 = none.
    var year: UInt16 = 0
    /// `FactKindCode`.
    var kind: UInt8 = 0
    /// Bit 0: approximate (约, 近, 超过 …).
    var flags: UInt8 = 0
    /// `FactRelation`'s code: what the relation word says, read once at analysis.
    var relationKind: UInt8 = 0

    var stringIDs: [UInt32] { [label, relation, scope, unit, qualifier, column] }

    /// As stored: seven varints and three bytes, in the order of the fields.
    func write(into w: inout ByteWriter) {
        for id in stringIDs { w.writeVarint(UInt64(id)) }
        w.writeVarint(UInt64(year))
        w.write(kind)
        w.write(flags)
        w.write(relationKind)
    }

    static func read(_ r: inout ByteReader) throws(IndexError) -> FactAttribute {
        func id() throws(IndexError) -> UInt32 { UInt32(try r.readCount(max: Int(UInt32.max))) }
        return FactAttribute(
            label: try id(), relation: try id(), scope: try id(), unit: try id(),
            qualifier: try id(), column: try id(),
            year: UInt16(try r.readCount(max: Int(UInt16.max))),
            kind: try r.readByte(), flags: try r.readByte(), relationKind: try r.readByte())
    }
}

/// Gives each distinct string and each distinct attribute an id, in order of
/// first use (string 0 is the empty string, standing for none).
struct FactInterner {
    private(set) var strings: [String] = [""]
    private var stringIDs: [String: UInt32] = ["": 0]
    private(set) var attributes: [FactAttribute] = []
    private var attributeIDs: [FactAttribute: UInt32] = [:]

    mutating func id(of f: NumberFact) -> UInt32 {
        let a = FactAttribute(
            label: id(f.label), relation: id(f.relation), scope: id(f.scope), unit: id(f.unit),
            qualifier: id(f.qualifier), column: id(f.column),
            year: UInt16(clamping: f.year ?? 0), kind: FactKindCode.code(f.kind),
            flags: f.approximate ? 1 : 0, relationKind: f.relationKind.rawValue)
        if let known = attributeIDs[a] { return known }
        let new = UInt32(attributes.count)
        attributes.append(a)
        attributeIDs[a] = new
        return new
    }

    private mutating func id(_ s: String?) -> UInt32 {
        guard let s, !s.isEmpty else { return 0 }
        if let known = stringIDs[s] { return known }
        let new = UInt32(strings.count)
        strings.append(s)
        stringIDs[s] = new
        return new
    }
}

enum FactKindCode {
    static let all: [NumberFact.Kind] = [.amount, .percent, .percentagePoint, .count]
    static func code(_ k: NumberFact.Kind) -> UInt8 { UInt8(all.firstIndex(of: k) ?? 0) }
    static func kind(_ c: UInt8) -> NumberFact.Kind { Int(c) < all.count ? all[Int(c)] : .amount }
}

/// Where a fact's text is in its paragraph, in one u32: the start (Unicode
/// scalars into the original text) in the high 22 bits, the length in the low 10.
/// Paragraphs are far shorter than 4 million scalars and a number with its unit
/// far shorter than 1023; beyond either, the span is clamped.
enum FactSpan {
    static let lengthBits: UInt32 = 10
    static let maxLength = Int(1 << lengthBits) - 1
    static let maxStart = Int(UInt32.max >> lengthBits)

    static func pack(start: Int, end: Int) -> UInt32 {
        let s = min(max(0, start), maxStart)
        let length = min(max(0, end - start), maxLength)
        return UInt32(s) << lengthBits | UInt32(length)
    }

    static func start(_ span: UInt32) -> Int { Int(span >> lengthBits) }
    static func end(_ span: UInt32) -> Int { Int(span >> lengthBits) + Int(span & UInt32(maxLength)) }
}
