import BaogaoAnalysis

/// Reads a `.facts` body (format in FactsFile.swift): the four per-fact columns
/// in place, the attributes and strings into arrays (a few thousand of each).
public struct FactsTable: @unchecked Sendable {
    public let count: Int
    // Inlinable column reads: range queries call them for every fact of a segment.
    @usableFromInline let docsAt: UnsafeRawPointer, valuesAt: UnsafeRawPointer
    @usableFromInline let attributeIDsAt: UnsafeRawPointer
    private let spansAt: UnsafeRawPointer
    /// Attribute ids are u32, not u16 (see `FactsWriter.attributeIDWidth`).
    @usableFromInline let wideAttributeIDs: Bool
    private let attributes: [FactAttribute]
    private let strings: [String]
    /// `docStarts[d]..<docStarts[d + 1]` are the facts of document `d`, built at
    /// open in one pass over the doc column (4 bytes a document; about 1 ms for
    /// 1.4 million facts): range queries ask for the facts of every paragraph a
    /// term matches.
    @usableFromInline let docStarts: [UInt32]

    /// `docCount`: the segment's documents; every fact's must be one of them.
    init(body: UnsafeRawBufferPointer, file: String, docCount: Int) throws(IndexError) {
        var r = ByteReader(body, file: file)
        count = Int(try r.readU32())
        let attributeCount = Int(try r.readU32())
        let stringCount = Int(try r.readU32())
        let idWidth = FactsWriter.attributeIDWidth(attributeCount: attributeCount)
        wideAttributeIDs = idWidth == 4
        let fixed = count * (4 + 8 + idWidth + 4)
        guard fixed <= r.remaining, let base = body.baseAddress else {
            throw .damaged(file: file, reason: "fact columns past the end")
        }
        docsAt = base + r.offset
        valuesAt = docsAt + count * 4
        attributeIDsAt = valuesAt + count * 8
        spansAt = attributeIDsAt + count * idWidth
        r.offset += fixed
        var attributes: [FactAttribute] = []
        attributes.reserveCapacity(min(attributeCount, r.remaining / 9))
        for _ in 0..<attributeCount { attributes.append(try FactAttribute.read(&r)) }
        var strings: [String] = []
        for _ in 0..<stringCount { strings.append(try r.readString()) }
        self.attributes = attributes
        self.strings = strings
        docStarts = try Self.docStarts(docsAt, count: count, docCount: docCount, file: file)
        try check(file: file)
    }

    /// Where each document's facts start, checking that facts are in document
    /// order and name documents of the segment.
    private static func docStarts(
        _ docsAt: UnsafeRawPointer, count: Int, docCount: Int,
        file: String
    ) throws(IndexError) -> [UInt32] {
        var starts = [UInt32](repeating: UInt32(count), count: docCount + 1)
        var next = 0  // the first document whose start is not yet known
        for i in 0..<count {
            let d = Int(UInt32(littleEndian: docsAt.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
            guard d < docCount else { throw .damaged(file: file, reason: "fact \(i) names document \(d) of \(docCount)") }
            guard d + 1 >= next else { throw .damaged(file: file, reason: "fact \(i) is out of document order") }
            while next <= d {
                starts[next] = UInt32(i)
                next += 1
            }
        }
        return starts
    }

    /// Every id in range, so that accessors need no checks.
    private func check(file: String) throws(IndexError) {
        for (n, a) in attributes.enumerated() where a.stringIDs.contains(where: { Int($0) >= max(1, strings.count) }) {
            throw .damaged(file: file, reason: "fact attribute \(n) names a missing string")
        }
        for i in 0..<count where attributeID(i) >= attributes.count {
            throw .damaged(file: file, reason: "fact \(i) names a missing attribute")
        }
    }

    @inlinable @inline(__always) func u32(_ p: UnsafeRawPointer, _ i: Int) -> UInt32 {
        UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
    }
    @inline(__always) private func attribute(_ i: Int) -> FactAttribute { attributes[attributeID(i)] }
    private func string(_ id: UInt32) -> String? { id == 0 || Int(id) >= strings.count ? nil : strings[Int(id)] }

    @inlinable @inline(__always) public func doc(_ i: Int) -> Int { Int(u32(docsAt, i)) }
    @inlinable @inline(__always) public func value(_ i: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: valuesAt.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
    }
    @inline(__always) public func start(_ i: Int) -> Int { FactSpan.start(u32(spansAt, i)) }
    @inline(__always) public func end(_ i: Int) -> Int { FactSpan.end(u32(spansAt, i)) }

    /// The id of a fact's attributes (kind, unit, relation, label, …): facts with
    /// the same id agree on all of them, so a scan can decide once per id.
    @inlinable @inline(__always) public func attributeID(_ i: Int) -> Int {
        wideAttributeIDs
            ? Int(u32(attributeIDsAt, i))
            : Int(UInt16(littleEndian: attributeIDsAt.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)))
    }
    /// Attribute ids run from 0 to `attributeCount - 1`.
    public var attributeCount: Int { attributes.count }

    /// Raw string ids, for matching without making a `String` per fact (0 = none).
    @inline(__always) public func labelID(_ i: Int) -> Int { Int(attribute(i).label) }
    @inline(__always) public func relationID(_ i: Int) -> Int { Int(attribute(i).relation) }
    @inline(__always) public func unitID(_ i: Int) -> Int { Int(attribute(i).unit) }
    @inline(__always) public func kindCode(_ i: Int) -> Int { Int(attribute(i).kind) }
    /// The number of distinct strings; ids run from 0 (none) to `stringCount - 1`.
    public var stringCount: Int { max(1, strings.count) }
    public func string(id: Int) -> String? { id <= 0 || id >= strings.count ? nil : strings[id] }
    @inline(__always) public func kind(_ i: Int) -> NumberFact.Kind { FactKindCode.kind(attribute(i).kind) }
    public func unit(_ i: Int) -> String { string(attribute(i).unit) ?? "" }
    public func relation(_ i: Int) -> String? { string(attribute(i).relation) }
    /// What the relation says, as the extractor decided it (`FactRelation`).
    public func relationKind(_ i: Int) -> FactRelation { FactRelation(code: attribute(i).relationKind) }
    public func relationKind(attribute a: Int) -> FactRelation { FactRelation(code: attributes[a].relationKind) }
    public func label(_ i: Int) -> String? { string(attribute(i).label) }

    /// The same, by attribute id (see `attributeID`).
    public func kind(attribute a: Int) -> NumberFact.Kind { FactKindCode.kind(attributes[a].kind) }
    /// 0 ..< `kindCount`.
    public func kindCode(attribute a: Int) -> Int { min(Int(attributes[a].kind), Self.kindCount - 1) }
    public func unit(attribute a: Int) -> String { string(attributes[a].unit) ?? "" }
    public func unitID(attribute a: Int) -> Int { Int(attributes[a].unit) }
    public func relationID(attribute a: Int) -> Int { Int(attributes[a].relation) }
    public static let kindCount = FactKindCode.all.count

    /// The whole fact; its `text` is cut from the paragraph's original text.
    public func fact(_ i: Int, paragraphText: String) -> NumberFact {
        let a = attribute(i)
        let start = start(i)
        let end = end(i)
        let scalars = Array(paragraphText.unicodeScalars)
        var text = String.UnicodeScalarView()
        if start <= end, end <= scalars.count { text.append(contentsOf: scalars[start..<end]) }
        return NumberFact(
            kind: FactKindCode.kind(a.kind), value: value(i), unit: string(a.unit) ?? "",
            text: String(text), start: start, end: end,
            label: string(a.label), relation: string(a.relation), scope: string(a.scope),
            year: a.year == 0 ? nil : Int(a.year), approximate: a.flags & 1 != 0,
            qualifier: string(a.qualifier), column: string(a.column),
            relationKind: FactRelation(code: a.relationKind))
    }

    /// The facts of document `doc`: a range of fact indexes (facts are in document
    /// order), empty where the document has none.
    @inlinable @inline(__always) public func facts(ofDoc doc: Int) -> Range<Int> {
        guard doc >= 0, doc + 1 < docStarts.count else { return count..<count }
        return Int(docStarts[doc])..<Int(docStarts[doc + 1])
    }
}
