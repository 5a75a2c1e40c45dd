import Foundation
import XCTest

@testable import BaogaoIngest

final class ParagraphBuilderTests: XCTestCase {
    // MARK: nothing lost, nothing doubled

    /// The source's non-whitespace characters, minus what cleaning removes by design,
    /// computed independently of the cleaner.
    static func expectedCharacters(_ source: String) -> [Character] {
        var s = source.replacingOccurrences(of: "**", with: "")
        while let r = s.range(of: #"\[bookmark:[^\]]*\]"#, options: [.regularExpression, .caseInsensitive]) {
            s.removeSubrange(r)
        }
        s = s.replacingOccurrences(of: "\u{FEFF}", with: "")
        return s.filter { !$0.isWhitespace }
    }

    func testEveryCharacterOfEachSampleLandsInExactlyOneParagraphInOrder() throws {
        for name in [Fixtures.jiefang, Fixtures.jiangjin, Fixtures.jiaozuo] {
            let source = String(decoding: try Fixtures.bytes(name), as: UTF8.self)
            let report = try Fixtures.report(name)
            let got = report.paragraphs.map(\.text).joined().filter { !$0.isWhitespace }
            XCTAssertEqual(String(got), String(Self.expectedCharacters(source)), name)
            // Numbers run 1…n, and line spans are ordered and never overlap.
            var previousLast = 0
            for (i, p) in report.paragraphs.enumerated() {
                XCTAssertEqual(p.number, i + 1, name)
                XCTAssertLessThanOrEqual(p.firstLine, p.lastLine, name)
                XCTAssertGreaterThan(p.firstLine, previousLast, "\(name) ¶\(p.number)")
                previousLast = p.lastLine
            }
        }
    }

    func testParagraphCountsOfTheSamples() throws {
        XCTAssertEqual(try Fixtures.report(Fixtures.jiefang).paragraphs.count, 113)
        XCTAssertEqual(try Fixtures.report(Fixtures.jiangjin).paragraphs.count, 113)
        XCTAssertEqual(try Fixtures.report(Fixtures.jiaozuo).paragraphs.count, 72)
    }

    // MARK: 000, hard-wrapped

    func testWrappedSentencesComeBackWhole() throws {
        let r = try Fixtures.report(Fixtures.jiefang)
        let p = Fixtures.paragraph(r, containing: "一是全区共收到一般性转移支付 8.57亿元")
        XCTAssertEqual(p?.firstLine, 155)
        XCTAssertEqual(p?.lastLine, 178)
        XCTAssertTrue(p?.text.hasPrefix("2.抢抓政策机遇，加强向上资金争取。") ?? false)
        XCTAssertTrue(p?.text.hasSuffix("拟申请总额 48.23亿元。") ?? false)
        // A page-break line (leading space, no blank line before it) inside a paragraph.
        let q = Fixtures.paragraph(r, containing: "其中包括：机关事业单位养老金 11461万元，困难群众救助928万元")
        XCTAssertTrue(q?.text.contains("义务兵优待金 872.1万元") ?? false)
        // The first paragraph after a heading starts on a page-break line.
        let first = Fixtures.paragraph(r, containing: "区十五届人大三次会议批准的全区一般公共预算收入预算 141050 万元")
        XCTAssertEqual(first?.firstLine, 37)
        XCTAssertEqual(first?.lastLine, 53)
    }

    func testThe21SpendingLinesAreEachTheirOwnParagraph() throws {
        let r = try Fixtures.report(Fixtures.jiefang)
        let items = r.paragraphs.filter { $0.section.last == "（二）2024年一般公共预算安排" && $0.kind == .listItem }
        XCTAssertEqual(items.count, 21)
        for (i, p) in items.enumerated() {
            XCTAssertTrue(p.text.hasPrefix("\(i + 1)."), p.text)
            XCTAssertTrue(p.text.hasSuffix("；") || p.text.hasSuffix("。"), p.text)
            XCTAssertFalse(p.text.contains("\(i + 2)."), p.text)
        }
        XCTAssertEqual(items.first?.text, "1.一般公共服务支出 20160万元，主要用于公共管理部门和街道办事处经费等；")
        XCTAssertEqual(items.last?.text, "21.债务付息支出 644万元。")
    }

    func testGlossaryTermsAndDefinitionsAreSeparateParagraphs() throws {
        let r = try Fixtures.report(Fixtures.jiefang)
        let terms = r.paragraphs.filter { $0.text.hasPrefix("【") }
        XCTAssertEqual(terms.count, 15)
        for t in terms {
            XCTAssertEqual(t.kind, .glossary)
            XCTAssertEqual(t.firstLine, t.lastLine)
            let definition = r.paragraphs[t.number]  // the next paragraph
            XCTAssertEqual(definition.kind, .glossary)
            XCTAssertEqual(definition.section.last, t.text)
            XCTAssertEqual(definition.term, t.term)
            XCTAssertFalse(definition.text.contains("【"))
        }
        let p = Fixtures.paragraph(r, containing: "即地方财政收入")
        XCTAssertEqual(p?.firstLine, 640)
        XCTAssertEqual(p?.lastLine, 646)
    }

    // MARK: 002 and 003, one paragraph per line

    func testNumberedGlossaryEntriesOf002() throws {
        let r = try Fixtures.report(Fixtures.jiangjin)
        let entries = r.paragraphs.filter { $0.kind == .glossary }
        XCTAssertEqual(entries.count, 18)
        for (i, e) in entries.enumerated() {
            XCTAssertEqual(e.firstLine, 108 + i)
            XCTAssertEqual(e.lastLine, 108 + i)
            XCTAssertEqual(e.section, ["名词解释"])
            XCTAssertNotNil(e.term)
        }
        XCTAssertEqual(entries[0].term, "一般公共预算")
        XCTAssertEqual(entries[17].term, "“631”工作机制")
    }

    func testMidParagraphBreaksOf003AreMended() throws {
        let r = try Fixtures.report(Fixtures.jiaozuo)
        let spans = Set(r.paragraphs.map { [$0.firstLine, $0.lastLine] })
        for span in [
            [17, 19], [31, 33], [47, 49], [59, 61], [71, 75], [77, 79], [105, 107],
            [119, 121], [143, 145], [155, 157], [163, 165]
        ] {
            XCTAssertTrue(spans.contains(span), "\(span)")
        }
        _ = Fixtures.paragraph(r, containing: "为调整预算的 99.7%，同比增长 10.1%。")
        _ = Fixtures.paragraph(r, containing: "（还本 62.22 亿元，付息 20.66 亿元）")
        // Real paragraph ends stay: a line ending in 。 is never joined to the next.
        XCTAssertTrue(spans.contains([111, 111]))
        XCTAssertTrue(spans.contains([113, 113]))
    }

    // MARK: hand-made layouts

    /// Wraps paragraphs the way PDF extraction lays them out: 54 columns, the first line
    /// of each paragraph 4 narrower, a blank line after every line, a leading space on
    /// every 7th line (a page break).
    private func hardWrap(_ paragraphs: [String]) -> String {
        var lines: [String] = []
        for p in paragraphs {
            var cap = 50
            var line = ""
            var width = 0
            for ch in p {
                let w = (ch.unicodeScalars.first?.value ?? 0) >= 0x2E80 ? 2 : 1
                if width + w > cap {
                    lines.append(line)
                    line = ""
                    width = 0
                    cap = 54
                }
                line.append(ch)
                width += w
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines.enumerated().map { i, l in (i > 0 && i % 7 == 0 ? " " : "") + l + "\n" }.joined(separator: "\n")
    }

    func testHardWrappedParagraphsRoundTrip() throws {
        let paragraphs = [
            "一、2023年预算执行情况",
            // 22 wide characters and " 8.57" fill the first line: 亿元 wraps to the next.
            "全区一般公共预算收入完成情况良好，实际完成为 8.57亿元，返还性收入 8892万元，一般性转移支付收入 85655万元，上级专项补助收入 6293万元。",
            "（一）收入情况",
            "1.一般公共预算收支执行情况",
            "第二段开始于此处，各项重点工作推进顺利有序，成效显著，全区上下团结一心，攻坚克难，圆满完成了全年目标任务，为下一年度的工作打下了坚实的基础，赢得了广泛好评。",
            "第三段同样是一个很长的段落，用来撑起版面宽度的统计分布，以便版式识别能够正确判断这是一份硬换行的文本文件内容。",
            "1.一般公共服务支出 20160万元，主要用于公共管理部门和街道办事处经费等；",
            "2.国防支出 211万元，主要用于民兵训练、兵役征集等；",
            "3.公共安全支出 375万元，主要用于平安建设、公安司法安全等。",
            "最后一段也要足够长，才能让每一行都排满版面，从而检验段落之间的分界是否被正确地找回来了。"
        ]
        let r = try Fixtures.parse(hardWrap(paragraphs))
        XCTAssertEqual(r.paragraphs.map(\.text), paragraphs)
        XCTAssertTrue(r.paragraphs[1].text.contains("实际完成为 8.57亿元"))
        guard case .hardWrapped = Layout.detect(LineCleaner.lines(of: Array(hardWrap(paragraphs).utf8)), skipping: [:])
        else { return XCTFail("not detected as hard-wrapped") }
        XCTAssertEqual(r.paragraphs.filter { $0.kind == .listItem }.count, 3)
    }

    /// A web page's headline above the report's own title (12 of the 67 real excerpts,
    /// 035 among them): two titles, not a line broken mid-sentence.
    func testAHeadlineOverTheReportsOwnTitleStaysTwoLines() throws {
        let headline = "(贵州省)关于遵义市播州区2020年全区和区本级财政预算执行情况及2021年财政预算(草案)的报告"
        let title = "关于遵义市播州区2020年全区和区本级财政预算执行情况及2021年财政预算(草案)的报告"
        let report = try Fixtures.parse(headline + "\n" + title + "\n各位代表:\n")
        XCTAssertEqual(report.paragraphs.prefix(2).map(\.text), [headline, title])
        XCTAssertEqual(report.metadata.title, headline)
    }
}
