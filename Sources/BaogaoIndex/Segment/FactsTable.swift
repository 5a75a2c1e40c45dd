import BaogaoAnalysis

/// Reads a `.facts` body (format in FactsFile.swift) into columns: its records
/// are decoded once, the first time a command reads facts, and the attributes and
/// strings into arrays (a few thousand of each).
public struct FactsTable: @unchecked Sendable {
    public let count: Int
    // Inlinable column reads: range queries call them for every fact of a segment.
    @usableFromInline let docs: [UInt32]
    @usableFromInline let values: [Double]
    @usableFromInline let attributeIDs: [UInt32]
    private let spans: [UInt32]
    private let attributes: [FactAttribute]
    private let strings: [String]
    /// `docStarts[d]..<docStarts[d + 1]` are the facts of document `d`, built as
    /// the records are read (4 bytes a document): range queries ask for the facts
    /// of every paragraph a term matches.
    @usableFromInline let docStarts: [UInt32]

    /// `docCount`: the segment's documents; every fact's must be one of them.
    init(body: UnsafeRawBufferPointer, file: String, docCount: Int) throws(IndexError) {
        var r = ByteReader(body, file: file)
        count = Int(try r.readU32())
        let attributeCount = Int(try r.readU32())
        let stringCount = Int(try r.readU32())
        // Every record takes at least five bytes: a count past that is damage,
        // not something to make room for.
        guard count <= r.remaining / 5, count == 0 || attributeCount > 0 else {
            throw .damaged(file: file, reason: "fact records past the end, or without attributes")
        }
        var columns = FactColumns(count: count, docCount: docCount)
        try columns.decode(&r, attributeCount: attributeCount, file: file)
        var attributes: [FactAttribute] = []
        attributes.reserveCapacity(min(attributeCount, r.remaining / 9))
        for _ in 0..<attributeCount { attributes.append(try FactAttribute.read(&r)) }
        var strings: [String] = []
        for _ in 0..<stringCount { strings.append(try r.readString()) }
        docs = columns.docs
        values = columns.values
        attributeIDs = columns.attributeIDs
        spans = columns.spans
        self.attributes = attributes
        self.strings = strings
        docStarts = columns.starts
        try check(file: file)
    }

    /// Every string id in range, so that accessors need no checks (attribute
    /// ids were checked as they were read).
    private func check(file: String) throws(IndexError) {
        for (n, a) in attributes.enumerated() where a.stringIDs.contains(where: { Int($0) >= max(1, strings.count) }) {
            throw .damaged(file: file, reason: "fact attribute \(n) names a missing string")
        }
    }

    @inline(__always) private func attribute(_ i: Int) -> FactAttribute { attributes[attributeID(i)] }
    private func string(_ id: UInt32) -> String? { id == 0 || Int(id) >= strings.count ? nil : strings[Int(id)] }

    @inlinable @inline(__always) public func doc(_ i: Int) -> Int { Int(docs[i]) }
    @inlinable @inline(__always) public func value(_ i: Int) -> Double { values[i] }
    @inline(__always) public func start(_ i: Int) -> Int { FactSpan.start(spans[i]) }
    @inline(__always) public func end(_ i: Int) -> Int { FactSpan.end(spans[i]) }

    /// The id of a fact's attributes (kind, unit, relation, label, …): facts with
    /// the same id agree on all of them, so a scan can decide once per id.
    @inlinable @inline(__always) public func attributeID(_ i: Int) -> Int { Int(attributeIDs[i]) }
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

/// The per-fact columns of a `FactsTable`, decoded from the records of a
/// `.facts` body in one pass. Every command that reads facts decodes all of a
/// segment's (1.4 million on the 200 MiB corpus), so the loop writes the
/// columns through their pointers.
private struct FactColumns {
    var docs: [UInt32]
    var values: [Double]
    var attributeIDs: [UInt32]
    var spans: [UInt32]
    /// Where each document's facts start (see `FactsTable.docStarts`).
    var starts: [UInt32]

    init(count: Int, docCount: Int) {
        docs = [UInt32](repeating: 0, count: count)
        values = [Double](repeating: 0, count: count)
        attributeIDs = [UInt32](repeating: 0, count: count)
        spans = [UInt32](repeating: 0, count: count)
        starts = [UInt32](repeating: UInt32(count), count: docCount + 1)
    }

    mutating func decode(
        _ input: inout ByteReader, attributeCount: Int, file: String
    ) throws(IndexError) {
        let docCount = starts.count - 1
        try docs.withUnsafeMutableBufferPointer { (docs) throws(IndexError) in
            try values.withUnsafeMutableBufferPointer { (values) throws(IndexError) in
                try attributeIDs.withUnsafeMutableBufferPointer { (ids) throws(IndexError) in
                    try spans.withUnsafeMutableBufferPointer { (spans) throws(IndexError) in
                        try starts.withUnsafeMutableBufferPointer { (starts) throws(IndexError) in
                            var doc = 0
                            var next = 0  // the first document whose start is not yet known
                            var start = 0
                            for i in 0..<docs.count {
                                let gap = try input.readVarint()
                                if i == 0 || gap > 0 { start = 0 }
                                guard gap < UInt64(docCount - doc) else {
                                    throw .damaged(
                                        file: file, reason: "fact \(i) names document \(UInt64(doc) &+ gap) of \(docCount)")
                                }
                                doc += Int(gap)
                                while next <= doc {
                                    starts[next] = UInt32(i)
                                    next += 1
                                }
                                docs[i] = UInt32(doc)
                                let id = try input.readVarint()
                                guard id < UInt64(attributeCount) else {
                                    throw input.damaged("fact \(i) names a missing attribute")
                                }
                                ids[i] = UInt32(id)
                                values[i] = try FactValue.read(try input.readVarint(), from: &input)
                                start += Int(FactValue.unzigzag(try input.readVarint()))
                                let length = try input.readVarint()
                                guard start >= 0, start <= FactSpan.maxStart, length <= UInt64(FactSpan.maxLength) else {
                                    throw input.damaged("fact \(i)'s span out of range")
                                }
                                spans[i] = UInt32(start) << FactSpan.lengthBits | UInt32(length)
                            }
                        }
                    }
                }
            }
        }
    }
}
