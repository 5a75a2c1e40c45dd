import XCTest

@testable import BaogaoIngest

final class LineShapeTests: XCTestCase {
    func testHeadingOrListItemTable() {
        // (text, heading?) — the cases the issue calls out, and their neighbours.
        let cases: [(String, Bool)] = [
            ("1.一般公共预算收支执行情况", true),
            ("1. 全区一般公共预算。", true),
            ("1．一般公共预算", true),
            ("（一）强化财力保障，兜牢“三保”底线。", true),
            ("(一)2023年预算收支情况", true),
            ("(2) 市级一般公共预算情况", true),
            ("一、2024 年财政预算草案情况", true),
            ("1.坚持深挖潜力，加大组织收入力度。始终坚持“稳中求进”工作总基调。", false),
            ("1.一般公共服务支出 20160万元，主要用于公共管理部门和街道办事处经费等；", false),
            ("21.债务付息支出 644万元。", false),
            ("18.预备费 2000万元；", false),
            ("1. 一般公共预算：指政府凭借国家政治权力", false),
            ("（1）区级重点支出执行情况为：", false),
            ("（一）建立经济税源培育机制。健全完善财税协同机制，加大税源管控。", false)
        ]
        for (text, heading) in cases {
            let b = Array(text.utf8)
            guard let m = LineShape.marker(b) else {
                XCTFail("no marker: \(text)")
                continue
            }
            XCTAssertEqual(LineShape.isHeadingLike(b, marker: m), heading, text)
        }
        for notMarker in ["3.77亿元，保基本民生支出", "2.57%", "2024年", "一是积极组织收入。", "（含高新区 0.4 亿元）"] {
            XCTAssertNil(LineShape.marker(Array(notMarker.utf8)), notMarker)
        }
        XCTAssertEqual(LineShape.marker(Array("十一、其他".utf8))?.level, 1)
        XCTAssertEqual(LineShape.marker(Array("（十二）其他".utf8))?.level, 2)
        XCTAssertEqual(LineShape.marker(Array("12.其他".utf8))?.level, 3)
        XCTAssertEqual(LineShape.marker(Array("(3)其他".utf8))?.level, 4)
    }

    func testEndingsAmountsAndYears() {
        let b = { (s: String) in Array(s.utf8) }
        XCTAssertTrue(LineShape.endsSentence(b("提供了坚实的财政保障。")))
        XCTAssertTrue(LineShape.endsSentence(b("他说：“要过紧日子。”")))
        XCTAssertFalse(LineShape.endsSentence(b("主要用于民兵训练、兵役征集等；")))
        XCTAssertTrue(LineShape.endsClause(b("主要用于民兵训练、兵役征集等；")))
        XCTAssertTrue(LineShape.endsClause(b("具体支出项目的安排意见是：")))
        XCTAssertFalse(LineShape.endsClause(b("为调整预算的 99.7%，同")))
        for amount in ["支出 20160万元", "8.57 亿元", "增长 5%", "1,564万元", "0.2万亿元", "100元"] {
            XCTAssertTrue(LineShape.hasAmount(b(amount)), amount)
        }
        for none in ["2023年预算收支情况", "第十三次会议", "3个主导产业", "（含高新区）"] {
            XCTAssertFalse(LineShape.hasAmount(b(none)), none)
        }
        XCTAssertEqual(LineShape.year(in: b("二、2024 年财政预算草案情况")), 2024)
        XCTAssertEqual(LineShape.year(in: b("（一）2023年预算收支情况")), 2023)
        XCTAssertNil(LineShape.year(in: b("三、加强和改进预算管理的主要措施")))
        XCTAssertNil(LineShape.year(in: b("支出 20240 万元")))
    }
}
