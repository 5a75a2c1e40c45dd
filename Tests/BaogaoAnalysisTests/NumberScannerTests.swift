import XCTest

@testable import BaogaoAnalysis

/// The number scanner alone, on normalised text (so ASCII digits and separators).
final class NumberScannerTests: XCTestCase {
    private func numbers(_ text: String) -> [String] {
        let scalars = text.unicodeScalars.map(\.value)
        var ranges: [Range<Int>] = []
        NumberScanner.scan(scalars, into: &ranges)
        return ranges.map { r in String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(r.lowerBound).prefix(r.count))) }
    }

    func testTable() {
        let table: [(String, [String])] = [
            ("", []),
            ("无数字", []),
            ("-3480.83万元", ["3480.83"]),
            ("+5%", ["5"]),
            ("23,876", ["23,876"]),
            ("1,564万元", ["1,564"]),
            ("12,345,678.90", ["12,345,678.90"]),
            ("1,2", ["1", "2"]),
            ("1234,567", ["1234", "567"]),
            ("1,23", ["1", "23"]),
            ("1,2345", ["1", "2345"]),
            ("3.14.15", ["3", "14", "15"]),
            ("1.5,000", ["1", "5", "000"]),
            ("2024.02.21", ["2024", "02", "21"]),
            ("2023-2024年", ["2023", "2024"]),
            ("第3季度", ["3"]),
            ("1.", ["1"]),
            (".5", ["5"]),
            ("1,", ["1"]),
            ("5g", []),
            ("a1", []),
            ("x1,234", []),
            ("1,234x", []),
            ("é5", []),
            ("5は", ["5"]),
            ("Ω1", []),
            ("100.25%", ["100.25"]),
            ("141050 万元", ["141050"])
        ]
        for (text, expected) in table {
            XCTAssertEqual(numbers(text), expected, text)
        }
    }
}
