import BaogaoAnalysis
import XCTest

final class BaogaoAnalysisSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
