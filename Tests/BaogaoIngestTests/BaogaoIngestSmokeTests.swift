import BaogaoIngest
import XCTest

final class BaogaoIngestSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
