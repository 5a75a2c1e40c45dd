import Foundation
import XCTest

/// `baogao facts` with ranges as users type them.
final class FactsCommandTests: XCTestCase {
    private func facts(_ query: String) throws -> [[String: Any]] {
        let index = try TestIndex.shared().index
        let out = try BaogaoProcess.run(["facts", "--json", "--limit", "1000", "--index", index, query])
        XCTAssertLessThan(out.status, 2, out.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], out.stdout)
        return try XCTUnwrap(object["facts"] as? [[String: Any]])
    }

    private func values(_ query: String) throws -> [Double] {
        try facts(query).compactMap { $0["value"] as? Double }
    }

    /// Both bounds hold for one fact, however the range is written.
    func testTwoBoundsAreOneRange() throws {
        let between = try values("1000万元..2000万元")
        XCTAssertFalse(between.isEmpty)
        XCTAssertTrue(between.allSatisfy { (1e7...2e7).contains($0) }, "\(between)")
        XCTAssertEqual(try values(">=1000万元 <=2000万元"), between)
        XCTAssertEqual(try values(">=1000万元<=2000万元"), between)
        XCTAssertEqual(try values(">=1亿元<=2亿元"), try values("1亿元..2亿元"))
    }

    /// `支出>1亿`: facts over 1亿 whose label holds 支出 (it found none when 支出 was taken as a relation).
    func testATermGluedToARangeIsInTheLabel() throws {
        let found = try facts("支出>1亿")
        XCTAssertFalse(found.isEmpty)
        for f in found {
            XCTAssertTrue((f["label"] as? String)?.contains("支出") == true, "\(f)")
            XCTAssertGreaterThan(f["value"] as? Double ?? 0, 1e8)
        }
        // A relation word keeps its meaning.
        let growth = try facts("增长>10%")
        XCTAssertFalse(growth.isEmpty)
        XCTAssertTrue(growth.allSatisfy { ($0["relation"] as? String)?.contains("增长") == true }, "\(growth)")
    }
}
