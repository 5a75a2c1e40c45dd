import XCTest

@testable import BaogaoQuery

/// Query → (what is wrong, Unicode scalar offset), and how it is rendered.
final class QuerySyntaxErrorTests: XCTestCase {
    func testErrorTable() {
        assertError("", .emptyQuery, at: 0)
        assertError("   \t", .emptyQuery, at: 0)
        // Quotes: point at the opening quote.
        assertError("债务 \"政府债务", .unterminatedPhrase(quote: "\""), at: 3)
        assertError("债务 “政府债务余额", .unterminatedPhrase(quote: "“"), at: 3)
        assertError("「过紧日子", .unterminatedPhrase(quote: "「"), at: 0)
        assertError("“三保\"", .unterminatedPhrase(quote: "“"), at: 0)
        assertError("三保”", .unexpectedClosingQuote("”"), at: 2)
        assertError("三保 」", .unexpectedClosingQuote("」"), at: 3)
        assertError("\"\"", .emptyPhrase, at: 0)
        assertError("a “  ”", .emptyPhrase, at: 2)
        // Parentheses.
        assertError("(三保", .unclosedParenthesis, at: 0)
        assertError("((三保)", .unclosedParenthesis, at: 0)
        assertError("(a (b OR c)", .unclosedParenthesis, at: 0)
        assertError("三保)", .unexpectedClosingParenthesis, at: 2)
        assertError(")", .unexpectedClosingParenthesis, at: 0)
        assertError("()", .emptyParentheses, at: 0)
        assertError("a ( )", .emptyParentheses, at: 2)
        assertError("（三保", .unclosedParenthesis, at: 0)
        // Operators without operands point at the operator.
        assertError("OR 三保", .missingOperand(operator: "OR"), at: 0)
        assertError("三保 OR", .missingOperand(operator: "OR"), at: 3)
        assertError("三保 |", .missingOperand(operator: "|"), at: 3)
        assertError("三保 OR OR 债务", .missingOperand(operator: "OR"), at: 3)
        assertError("(三保 OR) 债务", .missingOperand(operator: "OR"), at: 4)
        assertError("ＯＲ", .missingOperand(operator: "ＯＲ"), at: 0)
        assertError("AND 三保", .missingOperand(operator: "AND"), at: 0)
        assertError("三保 AND", .missingOperand(operator: "AND"), at: 3)
        assertError("三保 AND OR 债务", .missingOperand(operator: "AND"), at: 3)
        assertError("三保 NOT", .missingOperand(operator: "NOT"), at: 3)
        assertError("NOT", .missingOperand(operator: "NOT"), at: 0)
        assertError("三保 -", .missingOperand(operator: "-"), at: 3)
        assertError("三保 - 隐性", .missingOperand(operator: "-"), at: 3)
        assertError("(三保 -)", .missingOperand(operator: "-"), at: 4)
        assertError("三保 -|债务", .missingOperand(operator: "-"), at: 3)
        assertError("NEAR 三保", .missingOperand(operator: "NEAR"), at: 0)
        assertError("收入 NEAR/5", .missingOperand(operator: "NEAR/5"), at: 3)
        // Only negative.
        assertError("-隐性", .nothingToSubtractFrom, at: 0)
        assertError("-隐性 -违规", .nothingToSubtractFrom, at: 0)
        assertError("NOT 隐性", .nothingToSubtractFrom, at: 0)
        assertError("(-隐性)", .nothingToSubtractFrom, at: 1)
        assertError("-(a OR b)", .nothingToSubtractFrom, at: 0)
        assertError("债务 OR -隐性", .negativeAlternative, at: 6)
        assertError("-隐性 OR 债务", .negativeAlternative, at: 0)
        assertError("year:2024 (a OR -b)", .negativeAlternative, at: 16)
        // NEAR.
        assertError("a NEAR/ b", .badNearDistance("NEAR/"), at: 2)
        assertError("a NEAR/x b", .badNearDistance("NEAR/x"), at: 2)
        assertError("a NEAR/-1 b", .badNearDistance("NEAR/-1"), at: 2)
        assertError("a NEAR/1001 b", .badNearDistance("NEAR/1001"), at: 2)
        assertError("a NEAR/99999999999999999999 b", .badNearDistance("NEAR/99999999999999999999"), at: 2)
        assertError("a NEAR b NEAR c", .nearOperandNotTerm, at: 9)
        assertError("(a b) NEAR c", .nearOperandNotTerm, at: 0)
        assertError("a NEAR (b OR c)", .nearOperandNotTerm, at: 7)
        assertError("x -a NEAR b", .nearOperandNotTerm, at: 2)
        assertError("a NEAR >1亿", .nearOperandNotTerm, at: 7)
        // Nesting.
        assertError(
            String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101),
            .nestingTooDeep(limit: 100), at: 100)
    }

    func testNestingAtTheLimitParses() {
        let depth = QueryParser.maxNesting
        assertParses(String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth), "a")
    }

    func testRenderedCaretCountsCJKAsTwoColumns() throws {
        do {
            _ = try parse("债务 “政府债务余额")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(
                error.rendered,
                """
                债务 “政府债务余额
                     ^
                """)
            XCTAssertEqual(
                error.description,
                """
                error: this “ opens a phrase that is never closed; add the closing ”
                债务 “政府债务余额
                     ^
                """)
        }
        // After full-width punctuation and an astral character.
        XCTAssertEqual(QuerySyntaxError.render("（𠀀）a)", caretAt: 4), "（𠀀）a)\n       ^")
        // At the end of the query.
        XCTAssertEqual(QuerySyntaxError.render("三保 OR", caretAt: 5), "三保 OR\n       ^")
        // Control characters are shown as spaces, so the caret stays on line two.
        XCTAssertEqual(QuerySyntaxError.render("a\tb\nc)", caretAt: 5), "a b c)\n     ^")
    }

    func testLongQueriesAreRenderedAsAWindow() {
        let query = String(repeating: "预算", count: 200) + ")" + String(repeating: "收入", count: 200)
        let rendered = QuerySyntaxError.render(query, caretAt: 400)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2)
        let width = lines[0].unicodeScalars.map(QuerySyntaxError.displayWidth).reduce(0, +)
        XCTAssertLessThanOrEqual(width, QuerySyntaxError.maxRenderedColumns)
        XCTAssertTrue(lines[0].hasPrefix("…") && lines[0].hasSuffix("…"))
        // The caret is under the ")".
        let caretColumn = lines[1].count - 1
        var column = 0
        var under: Unicode.Scalar?
        for s in lines[0].unicodeScalars {
            if column == caretColumn {
                under = s
                break
            }
            column += QuerySyntaxError.displayWidth(s)
        }
        XCTAssertEqual(under, ")")
    }

    func testEveryKindHasAMessage() {
        let kinds: [QuerySyntaxError.Kind] = [
            .emptyQuery, .unterminatedPhrase(quote: "「"), .unexpectedClosingQuote("”"), .nothingSearchable("x"),
            .emptyPhrase, .unclosedParenthesis, .unexpectedClosingParenthesis, .emptyParentheses,
            .missingOperand(operator: "OR"), .missingOperand(operator: "-"), .nothingToSubtractFrom,
            .negativeAlternative, .badNearDistance("NEAR/x"), .nearOperandNotTerm,
            .emptyFilterValue(filter: "year"), .badYear("24"), .filterInsideParentheses(filter: "year"),
            .filterAsOperand(filter: "year", operator: "OR"), .badNumber("亿"), .badRange,
            .unknownUnit("斤"), .mixedUnits("亿", "%"), .nestingTooDeep(limit: 100)
        ]
        for kind in kinds {
            let e = QuerySyntaxError(kind, at: 0, in: "三保")
            XCTAssertFalse(e.message.isEmpty)
            XCTAssertTrue(e.description.hasPrefix("error: "))
        }
        XCTAssertEqual(
            QuerySyntaxError(.unterminatedPhrase(quote: "「"), at: 0, in: "").message,
            "this 「 opens a phrase that is never closed; add the closing 」")
    }
}
