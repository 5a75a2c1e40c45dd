import BaogaoAnalysis
import XCTest

@testable import BaogaoQuery

/// Random and hostile queries: the parser must return a Query or a
/// QuerySyntaxError positioned inside the query, never crash, and a parsed
/// query printed back must parse to the same tree.
final class QuerySyntaxFuzzTests: XCTestCase {
    /// SplitMix64: deterministic, so a failure reproduces from its seed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "\"", "“", "”", "「", "」", "『", "』", "＂",
        "(", ")", "（", "）",
        " OR ", " AND ", " NOT ", " NEAR/3 ", " NEAR ", "NEAR/", "OR", "-", "－", "|", ":", "：", "..",
        "year:", "region:", "doc:", "section:", "Year:", "xx:",
        "0", "1", "2", "5", "2024", "２", ".", ",",
        "亿", "万元", "%", "％", "个百分点", "人次", "斤", "年",
        ">", "<", "=", ">=", "≥", "≤", "＞",
        "三保", "债务", "財政", "收入", "增长", "AA", "gdp",
        " ", " ", " ", "\u{3000}", "\t", "\n",
        "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}",
        "𠀀", "😀", "\u{301}", "\u{200B}", "\u{FEFF}", "\u{2028}"
    ]

    static func randomQuery(_ rng: inout Random, maxPieces: Int) -> String {
        let n = Int.random(in: 0...maxPieces, using: &rng)
        var s = ""
        for _ in 0..<n { s += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        return s
    }

    /// The property every input must satisfy; returns whether it parsed.
    @discardableResult
    func check(
        _ text: String, fold: @escaping (String) -> String = testFold,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Bool {
        let count = text.unicodeScalars.count
        do {
            let q = try QueryParser.parse(text, fold: fold)
            assertInvariants(q, file: file, line: line)
            // Printing and parsing again gives the same tree.
            let printed = q.canonicalText
            do {
                let again = try QueryParser.parse(printed, fold: fold)
                XCTAssertEqual(
                    again.root?.sExpression, q.root?.sExpression,
                    "round trip of \(text.debugDescription) via \(printed.debugDescription)",
                    file: file, line: line)
                XCTAssertEqual(render(again.filters), render(q.filters), file: file, line: line)
            } catch {
                XCTFail(
                    "\(text.debugDescription) printed as \(printed.debugDescription) fails: \(error)",
                    file: file, line: line)
            }
            return true
        } catch {
            XCTAssertTrue(
                (0...count).contains(error.position),
                "position \(error.position) outside \(text.debugDescription)", file: file, line: line)
            XCTAssertEqual(error.query, text, file: file, line: line)
            XCTAssertEqual(error.rendered.filter { $0 == "\n" }.count, 1, file: file, line: line)
            XCTAssertFalse(error.message.isEmpty, file: file, line: line)
            return false
        }
    }

    func testRandomQueries() {
        var rng = Random(state: 20_240_601)
        var parsed = 0
        for _ in 0..<20_000 {
            if check(Self.randomQuery(&rng, maxPieces: 12)) { parsed += 1 }
        }
        // The alphabet should exercise both outcomes substantially.
        XCTAssertGreaterThan(parsed, 1000)
        XCTAssertLessThan(parsed, 19_000)
    }

    func testRandomQueriesWithTheRealAnalyzer() {
        let analyzer = Analyzer()
        var rng = Random(state: 7)
        for _ in 0..<2000 {
            check(Self.randomQuery(&rng, maxPieces: 10), fold: { analyzer.normalize($0).string })
        }
    }

    func testLongQueries() {
        var rng = Random(state: 42)
        for _ in 0..<20 {
            var s = ""
            var count = 0
            while count < 10_000 {
                let piece = Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)]
                s += piece
                count += piece.unicodeScalars.count
            }
            check(s)
        }
        // Long valid queries: many terms, many alternatives, one huge term.
        let terms = (0..<3000).map { "词\($0)" }
        XCTAssertTrue(check(terms.joined(separator: " ")))
        XCTAssertTrue(check(terms.joined(separator: " OR ")))
        XCTAssertTrue(check(String(repeating: "预", count: 10_000)))
        XCTAssertTrue(check("\"" + String(repeating: "预 算", count: 3000) + "\""))
        XCTAssertTrue(check(String(repeating: "NOT ", count: 5000) + "三保"))
        XCTAssertTrue(check(String(repeating: "-", count: 10_000) + "三保"))
        XCTAssertTrue(check(String(repeating: "a -b ", count: 2000)))
    }

    func testDeepNestingIsAnErrorNotACrash() {
        assertError(String(repeating: "(", count: 10_000), .nestingTooDeep(limit: QueryParser.maxNesting), at: 100)
        assertError(
            String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000),
            .nestingTooDeep(limit: QueryParser.maxNesting), at: 100)
        assertError(String(repeating: ")", count: 10_000), .unexpectedClosingParenthesis, at: 0)
        assertError(String(repeating: "(a ", count: 10_000), .nestingTooDeep(limit: QueryParser.maxNesting), at: 300)
        assertError(String(repeating: "-(", count: 5000) + "a", .nestingTooDeep(limit: QueryParser.maxNesting), at: 201)
        check(String(repeating: "“", count: 10_000))
        check(String(repeating: "\"", count: 10_000))
    }

    func testEveryPrefixOfAValidQuery() {
        let query = "year:2022..2024 region:“江津” (过紧日子 OR \"紧日子\") 收入 NEAR/5 增长 -隐性 增长>5% 1亿..10亿"
        let scalars = Array(query.unicodeScalars)
        for end in 0...scalars.count {
            check(String(String.UnicodeScalarView(scalars[0..<end])))
        }
        XCTAssertTrue(check(query))
    }
}
