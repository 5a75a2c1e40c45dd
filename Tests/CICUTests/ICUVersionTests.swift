import CICU
import XCTest

final class ICUVersionTests: XCTestCase {
    func testVersionIsMajorDotMinor() {
        var buffer = [CChar](repeating: 0, count: 32)
        let n = bg_icu_version(&buffer, Int32(buffer.count))
        XCTAssertGreaterThan(n, 2)
        let version = String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        XCTAssertNotNil(version.split(separator: ".").first.flatMap { Int($0) }, version)
    }

    func testVersionRefusesATooSmallBuffer() {
        var buffer = [CChar](repeating: 0, count: 2)
        XCTAssertEqual(bg_icu_version(&buffer, 2), -1)
    }
}
