import Foundation
import XCTest

@testable import BaogaoIngest

/// Web pages: the committed government page made from sample 002
/// (Scripts/make-format-fixtures), and small pages for each rule.
final class HTMLTextTests: XCTestCase {
    static let fixtures = Fixtures.corpus.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/formats")

    private func page(_ body: String, doc: String = "page.html") throws -> Report {
        try ReportReader.parse(bytes: Array("<!DOCTYPE html><html><body>\(body)</body></html>".utf8), doc: doc)
    }

    /// The GBK page of 002 gives 002's paragraphs, one for one, and its boilerplate
    /// gives the date the text lacks; nothing of the site's frame is a paragraph.
    func testTheGovernmentPageGivesTheParagraphsOfItsText() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("jiangjin.html")))
        XCTAssertEqual(ReportText.format(of: bytes), .html)
        let fromPage = try ReportReader.parse(bytes: bytes, doc: "jiangjin.html")
        let fromText = try Fixtures.report(Fixtures.jiangjin)
        XCTAssertEqual(fromPage.paragraphs.count, 113)
        XCTAssertEqual(fromPage.paragraphs.map(\.text), fromText.paragraphs.map(\.text))
        XCTAssertEqual(fromPage.paragraphs.map(\.kind), fromText.paragraphs.map(\.kind))
        XCTAssertEqual(fromPage.paragraphs.map(\.section), fromText.paragraphs.map(\.section))
        XCTAssertEqual(fromPage.metadata.title, fromText.metadata.title)
        XCTAssertEqual(fromPage.metadata.region, "江津区")
        XCTAssertEqual(fromPage.metadata.budgetYear, 2024)
        XCTAssertEqual(fromText.metadata.date, nil)
        XCTAssertEqual(fromPage.metadata.date, "2024-01-22")
        XCTAssertEqual(fromPage.metadata.sources.date, .openingLines)
        let all = fromPage.paragraphs.map(\.text).joined(separator: "\n")
        for frame in ["首页", "索引号", "发布机构", "分享到", "字体", "打印", "相关文章", "资金分配结果", "渝ICP备", "脚本里的字", "columnName", "text-indent"] {
            XCTAssertFalse(all.contains(frame), frame)
        }
    }

    func testADataTableBecomesRowsWithItsCaptionAndUnit() throws {
        let report = try page(
            """
            <h1>关于2024年预算的报告</h1><p>表1　一般公共预算收入表</p><p>单位：万元</p>
            <table><tr><th>项目</th><th>预算数</th></tr><tr><td>税收收入</td><td>385300</td></tr>
            <tr><td>非税收入</td><td>294300</td></tr></table>
            """)
        let rows = report.paragraphs.filter { $0.kind == .tableRow }
        XCTAssertEqual(rows.map(\.text), ["| 项目 | 预算数 |", "| 税收收入 | 385300 |", "| 非税收入 | 294300 |"])
        XCTAssertEqual(rows.last?.table?.cells, ["非税收入", "294300"])
        XCTAssertEqual(rows.last?.table?.unit, "单位：万元")
        XCTAssertEqual(rows.last?.table?.columns, ["项目", "预算数"])
    }

    func testNavigationLinkListsAndScriptsAreDroppedAndTheTextKept() throws {
        let links = (1...10_000).map { "<a href=\"/\($0)\">链接\($0)</a>" }.joined(separator: " ")
        let report = try page(
            """
            <nav><a href="/">首页</a></nav><div class="menu">菜单</div><script>var x = "脚本";</script>
            <div class="wrapper"><div id="links">\(links)</div>
            <p>关于2024年预算的报告</p><p>全区一般公共预算收入67.96亿元，为预算的100.2%。</p>
            <p>详见<a href="/a">附件</a>。</p></div><footer>版权所有</footer>
            """)
        XCTAssertEqual(report.paragraphs.map(\.text), ["关于2024年预算的报告", "全区一般公共预算收入67.96亿元，为预算的100.2%。", "详见附件。"])
    }

    func testAPageSavedAsTextIsReadAsAPage() throws {
        let report = try ReportReader.parse(
            bytes: Array("\u{FEFF}  <html><head><title>t</title></head><body><p>各位代表：</p><p>现将报告如下。</p></body></html>".utf8),
            doc: "saved.txt")
        XCTAssertEqual(report.paragraphs.map(\.text), ["各位代表：", "现将报告如下。"])
        XCTAssertFalse(HTMLText.isHTML(Array("关于<html>标签的说明".utf8)))
    }

    func testSpacesFromSourceLineBreaksBetweenChineseCharactersGo() throws {
        let report = try page("<p>全区一般公共预算\n  收入 67.96亿元</p>")
        XCTAssertEqual(report.paragraphs.map(\.text), ["全区一般公共预算收入 67.96亿元"])
    }

    func testAPageWithNoTextIsEmpty() {
        XCTAssertThrowsError(try page("<script>var a = 1;</script><nav><a>首页</a></nav>", doc: "blank.html")) { error in
            XCTAssertEqual(error as? IngestError, .empty(file: "blank.html"))
        }
    }
}
