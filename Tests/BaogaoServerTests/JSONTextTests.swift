import Foundation
import XCTest

@testable import BaogaoServer

/// The envelope's strings (error messages, ids) are escaped as the results are.
final class JSONTextTests: XCTestCase {
    func testQuotedStringsAreJSONAndReadBackAsWritten() throws {
        for s in ["", "三保", "a\"b\\c", "line\nbreak\r\t", "\u{0}\u{1f}\u{7f}", "\u{2028}\u{2029}", "😀 𠀋", "/path"] {
            let quoted = JSONText.quote(s)
            XCTAssertFalse(quoted.utf8.contains(0x0A), "a quoted string never breaks the line: \(quoted)")
            let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed)
            XCTAssertEqual(back as? String, s)
        }
        XCTAssertEqual(JSONText.quote("unknown op \"X\"\n"), #""unknown op \"X\"\n""#)
    }
}
