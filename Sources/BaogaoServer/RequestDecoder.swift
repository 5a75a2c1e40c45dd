import NIOCore

/// Turns framed lines into typed requests, a handler of its own between the
/// framer and the connection (as swift-nio's HTTP decoder hands typed parts
/// on): the connection never sees bytes, and what it receives already says
/// whether it is a control request or a query.
///
/// After the idle timer in the pipeline, so it changes nothing about what
/// counts as activity; user events (line started, drain …) pass through.
public final class RequestDecoder: ChannelInboundHandler {
    public typealias InboundIn = InboundLine
    public typealias InboundOut = DecodedLine

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .tooLong:
            context.fireChannelRead(wrapInboundOut(DecodedLine(received: .tooLong, bytes: 0)))
        case .line(let bytes):
            context.fireChannelRead(wrapInboundOut(DecodedLine(received: Self.decode(bytes), bytes: bytes.readableBytes)))
        }
    }

    /// Blank lines never get here: the framer drops them.
    static func decode(_ bytes: ByteBuffer) -> Received {
        guard let line = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            return .invalid(ProtocolError(.badRequest, "the request line is not valid UTF-8"), nil)
        }
        switch RequestParser.parse(line) {
        case .success(let request): return .request(ClientRequest(request))
        case .failure(let f): return .invalid(f.error, f.id)
        }
    }
}

/// What the decoder hands the connection: the request (or why the line is
/// not one) and the line's length, which counts against the queue's bound.
public struct DecodedLine: Sendable, Equatable {
    let received: Received
    let bytes: Int
}
