import NIOCore
import Synchronization

/// The open connections, counted against the cap and kept for draining.
final class ConnectionRegistry: Sendable {
    private let limit: Int
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    init(limit: Int) { self.limit = limit }

    func admit(_ channel: any Channel) -> Bool {
        let key = ObjectIdentifier(channel)
        let admitted = channels.withLock { c -> Bool in
            guard c.count < limit else { return false }
            c[key] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in _ = channels.withLock { $0.removeValue(forKey: key) } }
        }
        return admitted
    }

    var count: Int { channels.withLock { $0.count } }
    var all: [any Channel] { channels.withLock { Array($0.values) } }
}

/// Answers a connection over the cap with one `busy` line, then closes it.
/// Written once the channel is active: in the initializer it is not yet.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        ResponseWriter.write(.failure(ProtocolError(.busy, "too many connections (\(limit)); try again later")),
                             id: nil, into: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
