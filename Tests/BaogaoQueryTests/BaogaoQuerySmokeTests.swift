import BaogaoQuery
import XCTest

final class BaogaoQuerySmokeTests: XCTestCase {
    func testModuleLoads() {}
}
