import NIOCore
import Synchronization

/// One admitted connection as the registry sees it: its channel, its
/// client's address, and since when it has been idle, so that a full server
/// can pick the connection to close for a new one.
final class ConnectionTicket: Sendable {
    let channel: any Channel
    /// The client's IP address, the key of the per-address cap.
    let address: String
    /// Uptime in nanoseconds when the connection last became idle; -1 while
    /// it has a request waiting or running. Written by the connection's
    /// loop, read by whichever loop admits a new connection.
    private let idleSinceNanos: Atomic<Int64>

    init(channel: any Channel, address: String) {
        self.channel = channel
        self.address = address
        self.idleSinceNanos = Atomic(Int64(NIODeadline.now().uptimeNanoseconds))
    }

    /// Idle means the server owes the client nothing: no request waiting or
    /// running. A half-sent line is the client's debt, not ours.
    func setIdle(_ idle: Bool) {
        if idle {
            // Keep the time it became idle, not the time of the last call.
            _ = idleSinceNanos.compareExchange(
                expected: -1, desired: Int64(NIODeadline.now().uptimeNanoseconds),
                ordering: .relaxed)
        } else {
            idleSinceNanos.store(-1, ordering: .relaxed)
        }
    }

    /// nil while busy.
    var idleSince: Int64? {
        let value = idleSinceNanos.load(ordering: .relaxed)
        return value < 0 ? nil : value
    }
}

/// Tells a connection it was chosen to make room for a new one.
struct EvictionEvent: Sendable {
    let limit: Int
}

/// The open connections, counted against the caps and kept for draining.
final class ConnectionRegistry: Sendable {
    enum Admission {
        /// Admitted; `evicting` was removed to make room and must be told so.
        case admitted(ConnectionTicket, evicting: ConnectionTicket?)
        case refused(ProtocolError)
    }

    private struct State {
        var tickets: [ObjectIdentifier: ConnectionTicket] = [:]
        var perAddress: [String: Int] = [:]

        mutating func remove(_ key: ObjectIdentifier) {
            guard let ticket = tickets.removeValue(forKey: key) else { return }
            perAddress[ticket.address, default: 1] -= 1
            if perAddress[ticket.address] == 0 { perAddress[ticket.address] = nil }
        }
    }

    private let limit: Int
    private let limitPerAddress: Int
    private let state = Mutex(State())

    init(limit: Int, limitPerAddress: Int) {
        self.limit = limit
        self.limitPerAddress = limitPerAddress
    }

    /// Counts `channel` in, or says why not. At the global cap the
    /// connection idle the longest makes room; the per-address cap is never
    /// relieved that way, or one client could push every other one out.
    func admit(_ channel: any Channel) -> Admission {
        let key = ObjectIdentifier(channel)
        let ticket = ConnectionTicket(channel: channel, address: channel.remoteAddress?.ipAddress ?? "unknown")
        let admission = state.withLock { s -> Admission in
            if s.perAddress[ticket.address, default: 0] >= limitPerAddress {
                return .refused(
                    ProtocolError(
                        .busy,
                        "too many connections from \(ticket.address) "
                            + "(at most \(limitPerAddress) per address); close one or try again later"))
            }
            var evicted: ConnectionTicket?
            if s.tickets.count >= limit {
                // A scan, but only when full, and far cheaper than the accept.
                let idle = s.tickets.compactMap { entry in entry.value.idleSince.map { (entry.key, entry.value, $0) } }
                guard let oldest = idle.min(by: { $0.2 < $1.2 }) else {
                    return .refused(ProtocolError(.busy, "too many connections (\(limit)) and none is idle; try again later"))
                }
                s.remove(oldest.0)
                evicted = oldest.1
            }
            s.tickets[key] = ticket
            s.perAddress[ticket.address, default: 0] += 1
            return .admitted(ticket, evicting: evicted)
        }
        if case .admitted = admission {
            channel.closeFuture.whenComplete { [self] _ in state.withLock { $0.remove(key) } }
        }
        return admission
    }

    var count: Int { state.withLock { $0.tickets.count } }
    var all: [any Channel] { state.withLock { $0.tickets.values.map(\.channel) } }
}

/// Answers a connection that was not admitted with one `busy` line, then
/// closes it. Written once the channel is active: in the initializer it is not yet.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let error: ProtocolError

    init(_ error: ProtocolError) { self.error = error }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        ResponseWriter.write(.failure(error), id: nil, into: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
