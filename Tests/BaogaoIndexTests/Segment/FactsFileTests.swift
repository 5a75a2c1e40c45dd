import BaogaoAnalysis
import XCTest

@testable import BaogaoIndex

/// The facts file: a record of varints a fact and a table of shared attributes (FactsFile.swift).
final class FactsFileTests: XCTestCase {
    private static let paragraph = "2023年全区教育支出 22960万元，约增长5.1%，占比12.3个百分点，新建学校3所。"

    private static func scalars(_ s: String, _ needle: String) -> (Int, Int) {
        let all = Array(s.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        for i in 0...(all.count - n.count) where Array(all[i..<(i + n.count)]) == n { return (i, i + n.count) }
        return (0, 0)
    }

    /// Facts with every field set, and some with none.
    static func facts() -> [(NumberFact, Int)] {
        let p = paragraph
        func fact(
            _ kind: NumberFact.Kind, _ value: Double, _ unit: String, _ text: String, label: String? = nil,
            relation: String? = nil, scope: String? = nil, year: Int? = nil, approximate: Bool = false,
            qualifier: String? = nil, column: String? = nil
        ) -> NumberFact {
            let (s, e) = scalars(p, text)
            return NumberFact(
                kind: kind, value: value, unit: unit, text: text, start: s, end: e, label: label,
                relation: relation, scope: scope, year: year, approximate: approximate,
                qualifier: qualifier, column: column)
        }
        return [
            (
                fact(
                    .amount, 229_600_000, "元", "22960万元", label: "教育支出", scope: "全区", year: 2023,
                    qualifier: "预算", column: "执行数"), 3
            ),
            (
                fact(
                    .percent, 5.1, "%", "5.1%", label: "教育支出", relation: "增长", scope: "全区", year: 2023,
                    approximate: true), 3
            ),
            (fact(.percentagePoint, 12.3, "个百分点", "12.3个百分点", relation: "占"), 3),
            (fact(.count, 3, "所", "3所", label: "新建学校"), 5),
            // The same attributes as the first, another value and paragraph: one shared attribute id.
            (
                fact(
                    .amount, 1_000_000, "元", "22960万元", label: "教育支出", scope: "全区", year: 2023,
                    qualifier: "预算", column: "执行数"), 5
            ),
            (fact(.amount, 0, "", ""), 9)
        ]
    }

    func testEveryFieldRoundTrips() throws {
        var writer = FactsWriter()
        for (f, doc) in Self.facts() { writer.append(f, doc: doc) }
        let table = try Self.table(of: writer.finish())
        XCTAssertEqual(table.count, 6)
        for (i, (f, doc)) in Self.facts().enumerated() {
            XCTAssertEqual(table.fact(i, paragraphText: Self.paragraph), f, "fact \(i)")
            XCTAssertEqual(table.doc(i), doc)
            XCTAssertEqual(table.value(i), f.value)
            XCTAssertEqual(table.kind(i), f.kind)
            XCTAssertEqual(table.unit(i), f.unit)
            XCTAssertEqual(table.label(i), f.label)
            XCTAssertEqual(table.relation(i), f.relation)
            XCTAssertEqual(table.relationKind(i), f.relationKind, "stored, not read again from the word")
            XCTAssertEqual(table.string(id: table.labelID(i)), f.label)
            XCTAssertEqual(table.kind(attribute: table.attributeID(i)), f.kind)
        }
        XCTAssertEqual(table.attributeID(0), table.attributeID(4), "facts saying the same share one attribute")
        XCTAssertEqual(table.attributeCount, 5)
        XCTAssertEqual(table.facts(ofDoc: 3), 0..<3)
        XCTAssertEqual(table.facts(ofDoc: 5), 3..<5)
        XCTAssertEqual(table.facts(ofDoc: 4), 3..<3)
        XCTAssertEqual(table.labelID(5), 0, "no label")
    }

    /// The relation's kind is read from the file, not worked out again from the word:
    /// a kind the word would not give comes back as written.
    func testTheRelationKindIsStoredNotRecomputed() throws {
        var writer = FactsWriter()
        writer.append(
            NumberFact(
                kind: .amount, value: 1, unit: "元", text: "1万元", start: 0, end: 3, label: "收入", relation: "增长",
                relationKind: .arranged), doc: 0)
        let table = try Self.table(of: writer.finish())
        XCTAssertEqual(FactRelation("增长"), .increase)
        XCTAssertEqual(table.relationKind(0), .arranged)
        XCTAssertEqual(table.fact(0, paragraphText: "1万元").relationKind, .arranged)
    }

    func testTheFormatsWorkedExampleIsWhatTheWriterWrites() throws {
        var writer = FactsWriter()
        writer.append(
            NumberFact(
                kind: .amount, value: 229_600_000, unit: "元", text: "22960万元", start: 6, end: 13,
                label: "教育支出"), doc: 39)
        let body = Array(writer.finish().dropFirst(IndexFormat.headerSize).dropLast(IndexFormat.footerSize))
        let hex = body.map { String(format: "%02X", $0) }.joined(separator: " ")
        XCTAssertEqual(
            hex,
            "01 00 00 00 01 00 00 00 03 00 00 00 27 00 80 E0 DA D7 0D 0C 07 "
                + "01 00 00 02 00 00 00 00 00 00 "
                + "00 0C E6 95 99 E8 82 B2 E6 94 AF E5 87 BA 03 E5 85 83")
    }

    /// Values read back bit for bit: decimals as m / 10^k, the rest whole.
    func testEveryValueReadsBackBitForBit() throws {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 1, -1, 5.1, 12.3, 229_600_000, 0.1, 0.000_001, 1e-7, 123_456.789_012, 1e300, -1e300,
            .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0x1p53, 0x1p53 + 2,
            9_007_199_254_740_991, 67.96, 3.14159, -0.5
        ]
        for _ in 0..<2000 {
            values.append(
                Double(Int.random(in: -10_000_000...10_000_000, using: &rng))
                    / [1, 10, 100, 1000, 7][Int.random(in: 0..<5, using: &rng)])
            values.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng)))
        }
        var writer = FactsWriter()
        for (i, v) in values.enumerated() {
            writer.append(NumberFact(kind: .amount, value: v, unit: "元", text: "", start: 0, end: 0), doc: i)
        }
        let file = writer.finish()
        let table = try Self.table(of: file, docCount: values.count)
        for (i, v) in values.enumerated() {
            XCTAssertEqual(table.value(i).bitPattern, v.bitPattern, "\(v)")
        }
        // Figures with a few decimals take a record of 9 bytes at most, where the
        // four columns took 18.
        var decimals = FactsWriter()
        for i in 0..<2000 {
            let v = Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) / 100
            decimals.append(NumberFact(kind: .amount, value: v, unit: "元", text: "", start: 0, end: 0), doc: i)
        }
        XCTAssertLessThan(decimals.finish().count, 2000 * 9)
    }

    func testAttributeIdsPast65536ReadBackWhole() throws {
        var writer = FactsWriter()
        let n = (1 << 16) + 3
        for i in 0..<n {
            writer.append(
                NumberFact(
                    kind: .count, value: Double(i), unit: "个", text: "", start: 0, end: 0,
                    label: "项目\(i)"), doc: i)
        }
        // Ids past 65,535 read back: they are varints, not cut to two bytes.
        let file = writer.finish()
        let table = try Self.table(of: file)
        for i in [0, 1, 65_535, 65_536, n - 1] {
            XCTAssertEqual(table.attributeID(i), i)
            XCTAssertEqual(table.label(i), "项目\(i)")
            XCTAssertEqual(table.doc(i), i)
            XCTAssertEqual(table.value(i), Double(i))
        }
    }

    func testSpansPastTheirFieldsAreClampedNotWrapped() {
        XCTAssertEqual(FactSpan.start(FactSpan.pack(start: 70_000, end: 70_009)), 70_000)
        XCTAssertEqual(FactSpan.end(FactSpan.pack(start: 70_000, end: 70_009)), 70_009)
        XCTAssertEqual(FactSpan.end(FactSpan.pack(start: 5, end: 5000)), 5 + FactSpan.maxLength)
        XCTAssertEqual(FactSpan.start(FactSpan.pack(start: Int(Int32.max), end: Int(Int32.max))), FactSpan.maxStart)
        XCTAssertEqual(FactSpan.end(FactSpan.pack(start: 9, end: 3)), 9, "an end before the start is an empty span")
    }

    func testAParagraphsFactsAreFoundForEveryDocument() throws {
        var writer = FactsWriter()
        for (f, doc) in Self.facts() { writer.append(f, doc: doc) }
        let table = try Self.table(of: writer.finish(), docCount: 12)
        let expected: [Int: Range<Int>] = [3: 0..<3, 5: 3..<5, 9: 5..<6]
        for d in 0..<12 {
            XCTAssertEqual(table.facts(ofDoc: d).count, expected[d]?.count ?? 0, "document \(d)")
            if let range = expected[d] { XCTAssertEqual(table.facts(ofDoc: d), range) }
        }
        XCTAssertTrue(table.facts(ofDoc: 12).isEmpty, "past the segment's documents: none")
        XCTAssertTrue(table.facts(ofDoc: -1).isEmpty)
    }

    func testFactsPastTheDocumentsAreDamage() throws {
        var writer = FactsWriter()
        for (f, doc) in Self.facts() { writer.append(f, doc: doc) }
        XCTAssertThrowsError(try Self.table(of: writer.finish(), docCount: 9)) {
            XCTAssertEqual($0 as? IndexError, .damaged(file: "t.facts", reason: "fact 5 names document 9 of 9"))
        }
    }

    func testAnEmptyFactsFileReads() throws {
        let table = try Self.table(of: FactsWriter().finish())
        XCTAssertEqual(table.count, 0)
        XCTAssertEqual(table.facts(ofDoc: 0), 0..<0)
    }

    func testIdsOutOfRangeAndTruncationAreDamageNotACrash() throws {
        // One fact in document 0 naming attribute 5 of 1; then the attribute and
        // the one string.
        let attribute: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        func body(record: [UInt8], attribute: [UInt8], strings: UInt8 = 1) -> [UInt8] {
            var w = ByteWriter()
            IndexFormat.writeHeader(.facts, into: &w)
            w.writeU32(1)
            w.writeU32(1)
            w.writeU32(UInt32(strings))
            w.write(record + attribute + [0])
            IndexFormat.writeFooter(.facts, into: &w)
            return w.bytes
        }
        XCTAssertNoThrow(try Self.table(of: body(record: [0, 0, 0x08, 0, 1], attribute: attribute)))
        for (name, file) in [
            ("attribute", body(record: [0, 5, 0x08, 0, 1], attribute: attribute)),
            ("string", body(record: [0, 0, 0x08, 0, 1], attribute: [0x7F] + attribute.dropFirst())),
            ("start before the paragraph", body(record: [0, 0, 0x08, 0x03, 1], attribute: attribute)),
            ("length", body(record: [0, 0, 0x08, 0, 0xFF, 0x7F], attribute: attribute)),
            (
                "value scale",
                body(record: [0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 1], attribute: attribute)
            )
        ] {
            XCTAssertThrowsError(try Self.table(of: file), name) {
                guard case .damaged(let f, _) = $0 as? IndexError else { return XCTFail("\(name): \($0)") }
                XCTAssertEqual(f, "t.facts")
            }
        }
        // A fact count far past the end.
        var writer = FactsWriter()
        for (f, doc) in Self.facts() { writer.append(f, doc: doc) }
        var badCount = writer.finish()
        badCount[IndexFormat.headerSize + 3] = 0x40
        XCTAssertThrowsError(try Self.table(of: badCount)) {
            XCTAssertEqual(
                $0 as? IndexError, .damaged(file: "t.facts", reason: "fact records past the end, or without attributes"))
        }
        // Every byte cut off the end, and every byte flipped: damage or a table, never a crash.
        let whole = writer.finish()
        for cut in stride(from: IndexFormat.headerSize, to: whole.count - IndexFormat.footerSize, by: 1) {
            var bytes = whole
            bytes[cut] ^= 0xA5
            _ = try? Self.table(of: bytes, docCount: 12)
        }
    }

    /// A table over the body of a whole `.facts` file. The copy it reads is never freed
    /// (the table points into it, as into a mapped file).
    private static func table(of file: [UInt8], docCount: Int = 1 << 17) throws -> FactsTable {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: file.count, alignment: 8)
        buffer.copyMemory(from: UnsafeRawBufferPointer(start: file, count: file.count))
        let body = try IndexFormat.checkFrame(
            UnsafeRawBufferPointer(buffer), kind: .facts, file: "t.facts",
            verifyChecksum: false)
        return try FactsTable(body: body, file: "t.facts", docCount: docCount)
    }
}
