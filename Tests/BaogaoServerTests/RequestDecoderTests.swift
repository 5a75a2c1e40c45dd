import NIOCore
import NIOEmbedded
import XCTest

@testable import BaogaoServer

/// The handler between framer and connection: lines in, typed requests out.
final class RequestDecoderTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> Received {
        RequestDecoder.decode(ByteBuffer(bytes: bytes))
    }

    func testEachLineIsTypedOnTheWayIn() {
        XCTAssertEqual(decode(Array("PING".utf8)), .request(.control(ControlRequest(kind: .ping, id: nil))))
        XCTAssertEqual(
            decode(Array("AUTH s3 cret ".utf8)), .request(.control(ControlRequest(kind: .auth(token: "s3 cret "), id: nil))))
        XCTAssertEqual(decode(Array("RELOAD ID=4".utf8)), .request(.control(ControlRequest(kind: .reload, id: .number(4)))))
        XCTAssertEqual(
            decode(Array("SEARCH LIMIT=2 三保".utf8)),
            .request(.query(QueryRequest(.search, argument: "三保", limit: 2))))
        XCTAssertEqual(
            decode(Array("{\"op\":\"stats\",\"id\":\"s\"}".utf8)), .request(.query(QueryRequest(.stats, id: .string("s")))))
        XCTAssertEqual(
            decode(Array("SEARCH ".utf8) + [0xE4, 0xB8]),
            .invalid(ProtocolError(.badRequest, "the request line is not valid UTF-8"), nil))
        guard case .invalid(let error, let id) = decode(Array("GET ID=9".utf8)) else { return XCTFail() }
        XCTAssertEqual(error.code, .badRequest)
        XCTAssertEqual(id, .number(9))
    }

    func testInAPipelineItPassesLengthsAndEvents() throws {
        let channel = EmbeddedChannel(handler: RequestDecoder())
        try channel.writeInbound(InboundLine.line(ByteBuffer(string: "PING")))
        try channel.writeInbound(InboundLine.tooLong)
        XCTAssertEqual(
            try channel.readInbound(as: DecodedLine.self),
            DecodedLine(received: .request(.control(ControlRequest(kind: .ping, id: nil))), bytes: 4))
        XCTAssertEqual(try channel.readInbound(as: DecodedLine.self), DecodedLine(received: .tooLong, bytes: 0))
        XCTAssertNil(try channel.readInbound(as: DecodedLine.self))
    }
}
