import NIOCore

/// What the framer hands on: a request line (without `\n` or `\r\n`), or the
/// news that a line passed the limit.
public enum InboundLine: Sendable, Equatable {
    case line(ByteBuffer)
    /// A line longer than the limit. Nothing after it is framed: the
    /// connection is answered `too_long` and closed.
    case tooLong
}

/// Sent up the pipeline (a user event, not a read) when the first byte of a
/// request line arrives: the handler starts the line's deadline from it.
/// Not a read, so it does not count as activity for the idle timer.
public struct LineStartedEvent: Sendable {
    public init() {}
}

/// Splits the byte stream into request lines of at most `maxLineBytes`.
/// Bytes are not decoded here: UTF-8 is checked per line by the handler, so
/// a bad line is answered without losing the lines around it.
///
/// Blank lines (spaces, tabs and carriage returns only) are dropped here, not
/// passed on: they are not requests, so they must not count as activity for
/// the idle timer behind this decoder (a client sending `\n` now and then
/// would otherwise hold its connection for ever).
public struct LineFramer: ByteToMessageDecoder {
    public typealias InboundOut = InboundLine

    private let maxLineBytes: Int
    private var overflowed = false
    /// A line has begun and `LineStartedEvent` was sent for it.
    private var inLine = false
    /// Where to resume looking for `\n`, so a long line arriving in many
    /// small reads is scanned once, not once per read.
    private var scanned = 0

    public init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard !overflowed else {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        let start = view.index(view.startIndex, offsetBy: min(scanned, view.count))
        guard let newline = view[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = view.count
            // The line so far, less a `\r` that may be the start of `\r\n`.
            if view.count > maxLineBytes + 1 || (view.count == maxLineBytes + 1 && view.last != UInt8(ascii: "\r")) {
                overflowed = true
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                context.fireChannelRead(wrapInboundOut(.tooLong))
            } else if !inLine && !view.isEmpty {
                inLine = true
                context.fireUserInboundEventTriggered(LineStartedEvent())
            }
            return .needMoreData
        }
        inLine = false
        var length = newline - view.startIndex
        scanned = 0
        let hasCR = length > 0 && view[newline - 1] == UInt8(ascii: "\r")
        if hasCR { length -= 1 }
        guard length <= maxLineBytes else {
            overflowed = true
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            context.fireChannelRead(wrapInboundOut(.tooLong))
            return .needMoreData
        }
        // readSlice shares storage: no copy of the line.
        guard let line = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: hasCR ? 2 : 1)
        if !Self.isBlank(line) { context.fireChannelRead(wrapInboundOut(.line(line))) }
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        // A last line without `\n` (`printf 'PING' | nc`) is still a request.
        while try decode(context: context, buffer: &buffer) == .continue {}
        if !overflowed && buffer.readableBytes > 0 {
            var length = buffer.readableBytes
            if buffer.getInteger(at: buffer.readerIndex + length - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
            if let line = buffer.readSlice(length: length), !Self.isBlank(line) {
                context.fireChannelRead(wrapInboundOut(.line(line)))
            }
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        return .needMoreData
    }

    /// Spaces, tabs and carriage returns only (a CR left over from a CRLF
    /// line counts too, wherever it stands).
    private static func isBlank(_ line: ByteBuffer) -> Bool {
        line.readableBytesView.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
