import BaogaoServer
import XCTest

/// The request grammar of PROTOCOL.md as a table: line → request or error code.
final class RequestParserTests: XCTestCase {
    func testTextForm() {
        let rows: [(String, Request)] = [
            ("PING", Request(command: .ping)),
            ("ping", Request(command: .ping)),
            ("STATS", Request(command: .stats)),
            ("REPORTS", Request(command: .reports)),
            ("reports region:贵州 kind:决算", Request(command: .reports, argument: "region:贵州 kind:决算")),
            ("SEARCH 三保", Request(command: .search, argument: "三保")),
            ("SEARCH   三保 债务风险  ", Request(command: .search, argument: "三保 债务风险")),
            ("search \"政府 债务\" -隐性", Request(command: .search, argument: "\"政府 债务\" -隐性")),
            ("SEARCH LIMIT=5 OFFSET=10 三保", Request(command: .search, argument: "三保", limit: 5, offset: 10)),
            ("SEARCH ID=7 LIMIT=0 三保", Request(command: .search, argument: "三保", limit: 0, id: .number(7))),
            ("SEARCH ID=a7 三保", Request(command: .search, argument: "三保", id: .string("a7"))),
            ("SEARCH -- LIMIT=5", Request(command: .search, argument: "LIMIT=5")),
            ("SEARCH limit=5", Request(command: .search, argument: "limit=5")),
            ("SEARCH year:2024 region:解放区", Request(command: .search, argument: "year:2024 region:解放区")),
            ("SEARCH 增长>5%", Request(command: .search, argument: "增长>5%")),
            ("ASK 2023年江津区一般公共预算收入是多少？", Request(command: .ask, argument: "2023年江津区一般公共预算收入是多少？")),
            ("MENTIONS 过紧日子", Request(command: .mentions, argument: "过紧日子")),
            ("SERIES 债务余额 region:江津", Request(command: .series, argument: "债务余额 region:江津")),
            ("COMPARE 债务余额 year:2023", Request(command: .compare, argument: "债务余额 year:2023")),
            ("DEFINE 三保", Request(command: .define, argument: "三保")),
            ("FACTS LIMIT=3 教育 >1亿", Request(command: .facts, argument: "教育 >1亿", limit: 3)),
            ("GET 2024/a b.txt#3", Request(command: .get, argument: "2024/a b.txt#3")),
            ("GET ID=9 a.txt#3", Request(command: .get, argument: "a.txt#3", id: .number(9))),
            ("AUTH s3cret=x ", Request(command: .auth, argument: "s3cret=x ")),
            ("RELOAD ID=1", Request(command: .reload, id: .number(1))),
            ("QUIT", Request(command: .quit))
        ]
        for (line, expected) in rows {
            XCTAssertEqual(try RequestParser.parse(line).get(), expected, line)
        }
    }

    func testJSONForm() {
        let rows: [(String, Request)] = [
            (
                #"{"op":"search","q":"三保","limit":5,"offset":10,"id":7}"#,
                Request(command: .search, argument: "三保", limit: 5, offset: 10, id: .number(7))
            ),
            (#"{"op":"PING","id":"x\"y"}"#, Request(command: .ping, id: .string("x\"y"))),
            (#"  {"op":"get","q":"a.txt#1"}"#, Request(command: .get, argument: "a.txt#1")),
            (#"{"op":"ask","q":"什么是三保？","extra":true}"#, Request(command: .ask, argument: "什么是三保？"))
        ]
        for (line, expected) in rows {
            XCTAssertEqual(try RequestParser.parse(line).get(), expected, line)
        }
        XCTAssertEqual(RequestID.string("x\"y").json, #""x\"y""#)
    }

    func testErrors() {
        let rows: [(String, ErrorCode, RequestID?)] = [
            ("FOO bar", .unknownCommand, nil),
            ("SEARCH", .badRequest, nil),
            ("SEARCH   ", .badRequest, nil),
            ("SEARCH LIMIT=x 三保", .badRequest, nil),
            ("SEARCH LIMIT=-1 三保", .badRequest, nil),
            ("SEARCH ID=3 LIMIT=x 三保", .badRequest, .number(3)),
            ("PING now", .badRequest, nil),
            ("STATS LIMIT=3", .badRequest, nil),
            ("REPORTS LIMIT=3", .badRequest, nil),
            ("GET", .badRequest, nil),
            ("{", .badRequest, nil),
            (#"{"q":"三保","id":4}"#, .badRequest, .number(4)),
            (#"{"op":"fly","id":5}"#, .unknownCommand, .number(5)),
            (#"{"op":"search","q":7}"#, .badRequest, nil),
            (#"{"op":"search","q":"x","limit":-2}"#, .badRequest, nil),
            (#"{"op":"search"}"#, .badRequest, nil),
            (#"[1,2]"#, .unknownCommand, nil)
        ]
        for (line, code, id) in rows {
            switch RequestParser.parse(line) {
            case .success(let r): XCTFail("\(line) parsed as \(r)")
            case .failure(let f):
                XCTAssertEqual(f.error.code, code, line)
                XCTAssertEqual(f.id, id, line)
            }
        }
    }

    func testResponseLines() {
        let ok = ResponseWriter.render(.success(ServiceResult(json: Array("{\"pong\":true}".utf8))), id: .number(7))
        XCTAssertEqual(ok, "{\"ok\":true,\"id\":7,\"result\":{\"pong\":true}}\n")
        let error = ResponseWriter.render(.failure(ProtocolError(.syntaxError, "bad \"quote\"\n", position: 3)), id: .string("q"))
        XCTAssertEqual(
            error, "{\"ok\":false,\"id\":\"q\",\"code\":\"syntax_error\",\"message\":\"bad \\\"quote\\\"\\n\",\"position\":3}\n")
        XCTAssertEqual(
            ResponseWriter.render(.failure(ProtocolError(.busy, "中文\u{1}")), id: nil),
            "{\"ok\":false,\"code\":\"busy\",\"message\":\"中文\\u0001\"}\n")
    }
}
