import XCTest

@testable import BaogaoQuery

// Shared helpers for the query-syntax tests. They forward the caller's file
// and line so a failing row of a table points at that row.

/// A stand-in for Analyzer.normalize that does not depend on how far the
/// analysis work has got: width fold, ASCII lower case, and the few
/// Traditional characters the tests use. (One test checks the real Analyzer.)
func testFold(_ text: String) -> String {
    let traditional: [Unicode.Scalar: Unicode.Scalar] = ["財": "财", "務": "务", "區": "区", "債": "债", "預": "预"]
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
        var c = QueryLexer.widthFold(s)
        if let simplified = traditional[c] { c = simplified }
        if c.value >= 0x41, c.value <= 0x5A, let lower = Unicode.Scalar(c.value + 0x20) { c = lower }
        out.append(c)
    }
    return String(out)
}

func parse(_ text: String) throws(QuerySyntaxError) -> Query {
    try QueryParser.parse(text, fold: testFold)
}

/// `year:2022...2024 region:江津 doc:002 section:预算执行`, folded forms.
func render(_ filters: Filters) -> String {
    var parts: [String] = []
    parts += filters.years.map {
        $0.lowerBound == $0.upperBound ? "year:\($0.lowerBound)" : "year:\($0.lowerBound)..\($0.upperBound)"
    }
    parts += filters.regions.map { "region:\($0.folded)" }
    parts += filters.docs.map { "doc:\($0.folded)" }
    parts += filters.sections.map { "section:\($0.folded)" }
    parts += filters.kinds.map { "kind:\($0.kind.word)" }
    parts += filters.levels.map { "level:\($0.level.rawValue)" }
    return parts.joined(separator: " ")
}

/// Parses `query` and compares its tree (as an S-expression; "" for no root)
/// and its filters; checks the tree's invariants.
func assertParses(
    _ query: String, _ expected: String, filters expectedFilters: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let q = try parse(query)
        XCTAssertEqual(q.root?.sExpression ?? "", expected, "tree of \(query)", file: file, line: line)
        XCTAssertEqual(render(q.filters), expectedFilters, "filters of \(query)", file: file, line: line)
        XCTAssertEqual(q.text, query, file: file, line: line)
        assertInvariants(q, file: file, line: line)
    } catch {
        XCTFail("\(query) failed to parse:\n\(error)", file: file, line: line)
    }
}

/// Expects `query` to fail with `kind` at scalar offset `position`.
func assertError(
    _ query: String, _ kind: QuerySyntaxError.Kind, at position: Int,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let q = try parse(query)
        XCTFail(
            "\(query) parsed as \(q.root?.sExpression ?? "") \(render(q.filters)), expected \(kind)",
            file: file, line: line)
    } catch {
        XCTAssertEqual(error.kind, kind, "kind for \(query)", file: file, line: line)
        XCTAssertEqual(error.position, position, "position for \(query): \(error)", file: file, line: line)
    }
}

/// The invariants the parser promises in QueryNode's documentation.
func assertInvariants(_ query: Query, file: StaticString = #filePath, line: UInt = #line) {
    let count = query.text.unicodeScalars.count
    func checkTerm(_ t: Term) {
        XCTAssertFalse(t.folded.isEmpty, "empty folded term in \(query.text)", file: file, line: line)
        XCTAssertTrue(
            t.span.lowerBound >= 0 && t.span.upperBound <= count,
            "span \(t.span) outside \(query.text)", file: file, line: line)
    }
    func check(_ node: QueryNode) {
        switch node {
        case .term(let t), .phrase(let t):
            checkTerm(t)
        case .range(let r):
            XCTAssertTrue(r.span.upperBound <= count, file: file, line: line)
            if let l = r.lower, let u = r.upper { XCTAssertLessThanOrEqual(l, u, file: file, line: line) }
        case .and(let children), .or(let children):
            XCTAssertGreaterThanOrEqual(children.count, 2, file: file, line: line)
            for child in children {
                switch (node, child) {
                case (.and, .and), (.or, .or): XCTFail("unflattened \(node.sExpression)", file: file, line: line)
                default: break
                }
                if case .or = node { XCTAssertTrue(child.isPositive, file: file, line: line) }
                check(child)
            }
        case .not(let child):
            if case .not = child { XCTFail("double negation in \(query.text)", file: file, line: line) }
            check(child)
        case .near(let a, let b, let distance):
            XCTAssertTrue((0...QueryParser.maxNearDistance).contains(distance), file: file, line: line)
            for operand in [a, b] {
                switch operand {
                case .term, .phrase: check(operand)
                default: XCTFail("NEAR operand \(operand.sExpression)", file: file, line: line)
                }
            }
        }
    }
    if let root = query.root {
        check(root)
        if !root.isPositive { XCTAssertFalse(query.filters.isEmpty, file: file, line: line) }
    } else {
        XCTAssertFalse(query.filters.isEmpty, "no root and no filters: \(query.text)", file: file, line: line)
    }
    for t in query.filters.regions + query.filters.docs + query.filters.sections { checkTerm(t) }
}
