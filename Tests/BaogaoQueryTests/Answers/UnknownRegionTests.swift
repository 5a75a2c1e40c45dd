import BaogaoQuery
import XCTest

/// A question about a place the index has no report of is refused, naming
/// the regions it does have — all when few, the closest eight when many.
final class UnknownRegionTests: XCTestCase {
    func testAFewRegionsAreAllNamed() throws {
        let r = try Answerer(SharedIndex.sample).ask("2023年北京市一般公共预算收入是多少？")
        XCTAssertNil(r.answer)
        XCTAssertEqual(r.message, "no answer found: no report of 北京市 in the index (regions: 江津区、焦作市、解放区)")
        let list = try Answerer(SharedIndex.sample).ask("北京市2024年哪些支出科目超过1亿元？")
        XCTAssertNil(list.answer)
        XCTAssertEqual(list.message, r.message)
    }

    func testManyRegionsAreNarrowedToTheClosest() throws {
        let generated = SharedIndex.generated
        let regions = try generated.snapshot.knownRegions
        XCTAssertGreaterThan(regions.count, 8)
        let r = try Answerer(generated).ask("2023年江津区一般公共预算收入是多少？")
        XCTAssertNil(r.answer)
        let message = try XCTUnwrap(r.message)
        XCTAssertTrue(
            message.hasPrefix("no answer found: no report of 江津区 in the index (it has \(regions.count) regions; the closest: "),
            message)
        let named = message.split(separator: ": ").last!.dropLast().split(separator: "、").map(String.init)
        XCTAssertEqual(named.count, 8)
        XCTAssertTrue(named.allSatisfy(regions.contains))
        // Regions sharing a character with 江津区 come before those sharing none.
        let shares = named.map { !Set($0).isDisjoint(with: "江津区") }
        XCTAssertEqual(shares, shares.sorted { $0 && !$1 })
    }
}
