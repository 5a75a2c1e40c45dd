import BaogaoAnalysis
import BaogaoIngest
import XCTest

final class NumberTableCellTests: XCTestCase {
    private func row(_ text: String, unit: String?, columns: [String]) -> [NumberFact] {
        let p = Paragraph(
            number: 1, text: text, section: [], firstLine: 1, lastLine: 1, year: 2023,
            kind: .tableRow, table: TableContext(caption: "表", unit: unit, columns: columns))
        return NumberExtractor.facts(in: p, report: ReportMetadata(title: "t"))
    }

    func testNumberTableRowWithBars() {
        let f = row(
            "1.教育支出 | 22960 | 23,790 | 3.6", unit: "单位：万元",
            columns: ["项目", "2023年决算数", "2024年预算数", "增长%"])
        XCTAssertEqual(f.map(\.text), ["22960", "23,790", "3.6"])
        XCTAssertEqual(f.map(\.kind), [.amount, .amount, .percent])
        XCTAssertEqual(f.map(\.value), [229_600_000, 237_900_000, 3.6])
        XCTAssertEqual(f.map(\.label), ["教育支出", "教育支出", "教育支出"])
        XCTAssertEqual(f.map(\.column), ["2023年决算数", "2024年预算数", "增长%"])
        XCTAssertEqual(f.map(\.year), [2023, 2024, 2023])
        XCTAssertEqual(f[2].relation, "增长")
        // Offsets point into the row text.
        let s = Array("1.教育支出 | 22960 | 23,790 | 3.6".unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(s[f[1].start..<f[1].end])), "23,790")
    }

    func testNumberTableRowWithSpaces() {
        let f = row("一般公共预算收入    67.96\t-12.5", unit: "（单位：亿元）", columns: ["项目", "执行数", "下降%"])
        XCTAssertEqual(f.map(\.text), ["67.96", "-12.5"])
        XCTAssertEqual(f.map(\.value), [6_796_000_000, -12.5])
        XCTAssertEqual(f.map(\.label), ["一般公共预算收入", "一般公共预算收入"])
    }

    func testNumberTableCellWithOwnUnitAndNoUnitLine() {
        let f = row("（一）税收收入  38.53亿元  12", unit: nil, columns: [])
        XCTAssertEqual(f.map(\.text), ["38.53亿元"], "a bare number without a unit line is no fact")
        XCTAssertEqual(f.first?.label, "税收收入")
    }
}

/// Random strings thrown at the extractor must never crash it, and every fact must
/// point at its own text.
final class NumberFuzzTests: XCTestCase {
    private let pieces: [String] = [
        "0", "1", "2", "3", "5", "9", "12", "2024", "0.5", "１", "９", "．", ".", ",", "，", "。", "；", "：", "、",
        "万", "亿", "元", "万元", "亿元", "千元", "万亿", "%", "％", "个百分点", "百分点", "个", "户", "人次", "万人次",
        "平方米", "公里", "余", "多", "约", "超", "以上", "左右", "近", "年", "月", "日", "第", "“", "”", "（", "）",
        "(", ")", "+", "-", "－", "含", "高新区", "全区", "区级", "市级", "县（市、区）", "我区", "收入", "支出",
        "一般公共预算", "增长", "下降", "同比下降", "为预算的", "占", "的", "等", "其中", "加上", "以及", "安排",
        "完成", "调整为", "教育", "税收", "资金", "项目", " ", "  ", "\t", "|", "𠀀", "A", "x", "\n", "——"
    ]

    /// A row headed by a scope and 收入/支出 is the item of the table's budget, at that
    /// scope (开州's 一、本级收入 under 2025年全区一般公共预算收支执行表).
    func testScopedGenericRowIsTheBudgetsItem() {
        let table = TableContext(caption: "2025年全区一般公共预算收支执行表", unit: "单位:亿元", columns: ["收入", "执行数"])
        let p = Paragraph(
            number: 19, text: "一、本级收入\t36.8", section: ["(一)全区预算执行情况"], firstLine: 45, lastLine: 47,
            year: 2025, kind: .tableRow, table: table)
        let f = NumberExtractor.facts(in: p, report: ReportMetadata(title: "t"))
        XCTAssertEqual(f.map(\.label), ["一般公共预算收入"])
        XCTAssertEqual(f.map(\.scope), ["本级"])
        XCTAssertEqual(f.map(\.value), [3_680_000_000])
        XCTAssertEqual(f.map(\.column), ["执行数"])
        // Any other heading is the label as written.
        let other = Paragraph(
            number: 21, text: "税收收入\t14.9", section: [], firstLine: 53, lastLine: 55, year: 2025, kind: .tableRow,
            table: table)
        XCTAssertEqual(NumberExtractor.facts(in: other, report: ReportMetadata(title: "t")).map(\.label), ["税收收入"])
        XCTAssertEqual(table.unitWord, "亿元")
        XCTAssertEqual(TableContext(unit: "单位：万元（）").unitWord, "万元")
    }

    func testNumberFuzzNeverCrashes() {
        var rng = SplitMix(seed: 20_240_221)
        for round in 0..<120 {
            var text = ""
            let target = round % 10 == 0 ? 10_000 : Int(rng.next() % 400)
            while text.unicodeScalars.count < target {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            let kind: Paragraph.Kind = round % 7 == 0 ? .tableRow : .body
            let table = kind == .tableRow ? TableContext(unit: "单位：万元", columns: ["项目", "2024年", "增长%"]) : nil
            let p = Paragraph(
                number: 1, text: text, section: ["（一）全区预算"], firstLine: 1, lastLine: 1,
                kind: kind, table: table)
            let facts = NumberExtractor.facts(in: p, report: ReportMetadata(title: "t", executionYear: 2023))
            let scalars = Array(text.unicodeScalars)
            for f in facts {
                XCTAssertTrue(0 <= f.start && f.start < f.end && f.end <= scalars.count)
                guard 0 <= f.start && f.start < f.end && f.end <= scalars.count else { continue }
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[f.start..<f.end])), f.text)
                XCTAssertTrue(f.value.isFinite)
            }
        }
    }
}

/// A tiny deterministic generator, so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
