import XCTest

@testable import BaogaoQuery

/// Every command stops itself once its deadline has passed, with `.timeout`;
/// a searcher made `within` a deadline shares its snapshot and caches.
final class DeadlineTests: XCTestCase {
    func testEveryCommandStopsPastItsDeadline() {
        let late = SharedIndex.sample.within(.after(seconds: 0))
        let commands: [(String, () throws -> Void)] = [
            ("search", { _ = try late.search("预算") }),
            ("search, text verified", { _ = try late.search("2023") }),
            ("facts", { _ = try FactFinder(late).facts("支出 >1亿元") }),
            ("ask value", { _ = try Answerer(late).ask("2023年江津区一般公共预算收入是多少？") }),
            ("ask list", { _ = try Answerer(late).ask("哪些地区的教育支出超过10亿元？") }),
            ("define", { _ = try Glossary(late).define("预算稳定调节基金") }),
            ("mentions", { _ = try MentionFinder(late).mentions("三保") })
        ]
        for (name, run) in commands {
            XCTAssertThrowsError(try run(), name) { error in
                guard case SearchError.timeout = error else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue("\(error)".contains("time budget"), "\(error)")
            }
        }
    }

    func testADeadlineNotYetPassedChangesNothing() throws {
        let base = SharedIndex.sample
        let timed = base.within(.after(seconds: 3600))
        XCTAssertTrue(timed.snapshot === base.snapshot)
        XCTAssertEqual(try timed.search("三保").total, try base.search("三保").total)
        XCTAssertEqual(try Answerer(timed).ask("2023年江津区一般公共预算收入是多少？").answer?.text, "67.96亿元")
        XCTAssertFalse(Deadline.never.hasPassed)
        XCTAssertEqual(Deadline.after(seconds: .infinity), .never)
    }
}
