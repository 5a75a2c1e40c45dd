import XCTest

@testable import BaogaoIngest

final class LayoutTests: XCTestCase {
    private func layout(_ name: String) throws -> Layout {
        let lines = LineCleaner.lines(of: try Fixtures.bytes(name))
        return Layout.detect(lines, skipping: TableReader.roles(of: lines))
    }

    func testSamplesLayouts() throws {
        XCTAssertEqual(try layout(Fixtures.jiefang), .hardWrapped(lineWidth: 54, firstLineWidth: 50))
        XCTAssertEqual(try layout(Fixtures.jiangjin), .perLine)
        XCTAssertEqual(try layout(Fixtures.jiaozuo), .perLine)
    }

    func testShortTextsAreOnePerLine() {
        let lines = LineCleaner.lines(of: Array("一、标题\n正文第一段。\n正文第二段。".utf8))
        XCTAssertEqual(Layout.detect(lines, skipping: [:]), .perLine)
    }
}
