import BaogaoIngest
import Foundation
import XCTest

@testable import BaogaoQuery

/// A place with no report of its own, whose parent's report gives its part
/// (`其中：市本级…，利通区…`): answered from that part, never from the parent's whole.
final class PlacePartTests: XCTestCase {
    static let searcher: Searcher = {
        let folder = NSTemporaryDirectory() + "baogao-part-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder + "/corpus", withIntermediateDirectories: true)
        let text =
            "关于吴忠市2021年政府债务限额调整的报告\n一、基本情况\n"
            + "2021年,自治区下达吴忠市新增政府一般债务限额58000万元,其中:市本级10000万元,利通区48000万元。"
            + "下达再融资债券72058万元,其中:市本级54989万元,利通区17069万元。\n"
        FileManager.default.createFile(atPath: folder + "/corpus/a.txt", contents: Data(text.utf8))
        return SharedIndex.build(corpus: folder + "/corpus", name: "place-part")
    }()

    func testAPlaceAloneIsItsParentsPart() throws {
        let r = try Answerer(Self.searcher).ask("利通区2021年新增政府一般债务限额是多少？")
        XCTAssertEqual(r.answer?.text, "48000万元", r.message ?? "")
        XCTAssertEqual(r.answer?.region, "吴忠市")
    }

    /// The place is read as what it is, not as a level word: only its part answers.
    func testThePlaceIsReadApartFromTheScope() throws {
        let code = try XCTUnwrap(Gazetteer.shared.divisions(named: "吴忠市").first?.code)
        let regions = [IndexRegion(name: "吴忠市", code: code)]
        for text in ["利通区2021年新增政府一般债务限额是多少", "吴忠市2021年利通区再融资债券多少"] {
            guard case .figure(let q) = QuestionParser.parse(text, indexRegions: regions) else { return XCTFail(text) }
            XCTAssertEqual(q.region, "吴忠市", text)
            XCTAssertEqual(q.place, "利通区", text)
            XCTAssertNil(q.scope, text)
        }
    }

    func testAPlaceAfterItsParent() throws {
        XCTAssertEqual(try Answerer(Self.searcher).ask("吴忠市2021年利通区再融资债券多少？").answer?.text, "17069万元")
        XCTAssertEqual(try Answerer(Self.searcher).ask("吴忠市本级2021年再融资债券是多少？").answer?.text, "54989万元")
    }

    /// 红寺堡区 is in 吴忠市 too, but the report gives no part of it: no answer, and
    /// not the city's whole figure.
    func testAPlaceTheReportGivesNoPartOfIsRefused() throws {
        let r = try Answerer(Self.searcher).ask("红寺堡区2021年再融资债券是多少？")
        XCTAssertNil(r.answer)
    }
}
