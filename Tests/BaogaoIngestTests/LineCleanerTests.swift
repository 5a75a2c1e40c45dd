import XCTest

@testable import BaogaoIngest

final class LineCleanerTests: XCTestCase {
    private func cleaned(_ text: String) -> [String] {
        LineCleaner.lines(of: Array(text.utf8)).map { String(decoding: $0.text, as: UTF8.self) }
    }

    func testArtefactsAreRemoved() {
        let cases: [(String, [String])] = [
            ("**一是**收入预算客观稳妥。", ["一是收入预算客观稳妥。"]),
            ("[bookmark: _GoBack]2023年，市财政转贷", ["2023年，市财政转贷"]),
            ("[Bookmark: _Toc123]标题", ["标题"]),
            ("[]{#_Toc456 .anchor}一、总体情况", ["一、总体情况"]),
            (" 区十五届人大三次会议", ["区十五届人大三次会议"]),
            ("\u{3000}\u{3000}受区人民政府委托", ["受区人民政府委托"]),
            ("\u{FEFF}关于", ["关于"]),
            ("正文\u{FEFF}中间", ["正文中间"]),
            ("- 3 -\n3\n第3页\n第 3 页 共 9 页\n—12—\n3/9", []),
            ("2024年\n12345", ["2024年", "12345"]),
            ("[1] 参考", ["[1] 参考"]),
            ("a * b", ["a * b"]),
            ("## 一、2023年预算执行情况", ["一、2023年预算执行情况"]),
            ("1\\.一般公共预算收支执行情况", ["1.一般公共预算收支执行情况"]),
            ("\\*\\*注\\*\\*", ["**注**"]),
            ("#话题#", ["#话题#"]),
            ("路径 C:\\数据", ["路径 C:\\数据"])
        ]
        for (input, expected) in cases {
            XCTAssertEqual(cleaned(input), expected, input)
        }
    }

    /// Pinyin a mirror site puts after characters goes; brackets a report writes stay.
    func testPinyinGlossesAreRemoved() {
        let cases: [(String, String)] = [
            ("完成地方一般公共預(yù)算收入62964萬元", "完成地方一般公共預算收入62964萬元"),
            ("財(cái)政預(yù)算執(zhí)行情況", "財政預算執行情況"),
            ("調(diào)入資金", "調入資金"),
            ("穩(wěn)中求進", "穩中求進"),
            // Not glosses: no tone mark, not after a character, digits, Chinese.
            ("里程(km)", "里程(km)"),
            ("附表(a)", "附表(a)"),
            ("A(yù)", "A(yù)"),
            ("(1)税收收入", "(1)税收收入"),
            ("收入(含高新区)", "收入(含高新区)"),
            ("預(yùyùyùyù)", "預(yùyùyùyù)"),
            ("預(yù", "預(yù")
        ]
        for (input, expected) in cases {
            XCTAssertEqual(cleaned(input), [expected], input)
        }
    }

    func testLineEndsAndNumbers() {
        let lines = LineCleaner.lines(of: Array("一\r\n\r\n二\r三\n\n四".utf8))
        XCTAssertEqual(lines.map(\.number), [1, 3, 4, 6])
        XCTAssertEqual(lines.map { String(decoding: $0.text, as: UTF8.self) }, ["一", "二", "三", "四"])
    }

    func testWidthCountsWideCharactersTwice() {
        let line = LineCleaner.lines(of: Array("预算 8.57亿元，“三保”".utf8))[0]
        // 预算(4) space(1) 8.57(4) 亿元(4) ，(2) “(1) 三保(4) ”(1)
        XCTAssertEqual(line.width, 21)
        XCTAssertEqual(line.length, 14)
    }
}
