import BaogaoIndex
import XCTest

final class BaogaoIndexSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
