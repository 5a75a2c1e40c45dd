import XCTest

@testable import BaogaoQuery

/// The CSV writer: RFC 4180 quoting, CRLF records, the byte-order mark only
/// when asked for; and each result's rows carry the citation columns.
final class CSVTests: XCTestCase {
    /// Reads RFC 4180 text back into records, to check what a spreadsheet sees.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r", chars.first == "\n" {
                chars.removeFirst()
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }

    func testFieldsAreQuotedOnlyWhenTheyMustBe() {
        XCTAssertEqual(CSV.field("江津区"), "江津区")
        XCTAssertEqual(CSV.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSV.field("说\"三保\""), "\"说\"\"三保\"\"\"")
        XCTAssertEqual(CSV.field("两\n行"), "\"两\n行\"")
        let doc = CSV.document(header: ["x", "y"], rows: [["1,5", "第\"二\"行\r\n"]])
        XCTAssertEqual(doc, "x,y\r\n\"1,5\",\"第\"\"二\"\"行\r\n\"\r\n")
        XCTAssertEqual(Self.parse(doc), [["x", "y"], ["1,5", "第\"二\"行\r\n"]])
    }

    func testExcelGetsTheByteOrderMark() {
        XCTAssertEqual(Array(CSV.document(header: ["地区"], rows: [], excel: true).utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertFalse(CSV.document(header: ["地区"], rows: []).hasPrefix(CSV.byteOrderMark))
    }

    func testNumbersReadAsASpreadsheetReadsThem() {
        XCTAssertEqual(CSV.number(6_796_000_000), "6796000000")
        XCTAssertEqual(CSV.number(-32.3), "-32.3")
    }

    func testEveryRowOfEveryTableIsCited() throws {
        let s = SharedIndex.sample
        func check(_ doc: String, rows expected: Int, file: StaticString = #filePath, line: UInt = #line) {
            let records = Self.parse(doc)
            XCTAssertEqual(records.count, expected + 1, doc, file: file, line: line)
            let header = records[0]
            let id = header.firstIndex(of: "id")
            for r in records.dropFirst() {
                XCTAssertEqual(r.count, header.count, "\(r)", file: file, line: line)
                if let id { XCTAssertTrue(r[id].contains(".txt#"), "\(r)", file: file, line: line) }
            }
        }
        let series = try SeriesBuilder(s).series(SeriesRequest("一般公共预算收入"))
        check(CSV.document(series), rows: 10)
        XCTAssertTrue(CSV.document(series).contains("\r\n解放区,2023,执行,一般公共预算收入,900740000,元,90074万元,实际完成,全区,-32.3,,,"))
        let compare = try SeriesBuilder(s).compare(SeriesRequest("一般公共预算收入 year:2023"))
        check(CSV.document(compare), rows: 2)
        let facts = try FactFinder(s).facts("教育 >1亿", limit: 1000, offset: 0)
        check(CSV.document(facts), rows: facts.facts.count)
        let hits = try s.search("三保", limit: 1000, offset: 0)
        check(CSV.document(hits), rows: hits.hits.count)
        let mentions = try MentionFinder(s).mentions("三保")
        check(CSV.document(mentions), rows: mentions.total)
        let reports = try s.reports("")
        check(CSV.document(reports), rows: 3)
        XCTAssertEqual(Self.parse(CSV.document(reports)).dropFirst().map { $0[0] }, reports.reports.map(\.doc))
    }
}
