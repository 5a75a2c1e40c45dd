import BaogaoQuery
import NIOCore

/// The stable, machine-readable error codes of protocol version 1. Clients
/// switch on these; the messages are for people and may change.
public enum ErrorCode: String, Sendable, CaseIterable {
    case badRequest = "bad_request"
    case unknownCommand = "unknown_command"
    case syntaxError = "syntax_error"
    case notFound = "not_found"
    case tooLong = "too_long"
    case timeout
    case unauthorized
    case busy
    case indexError = "index_error"
    case unsupported
    case `internal`
}

/// An error answer: its code, a message for people and, for `syntax_error`,
/// where in the query (in Unicode scalars) the problem is.
public struct ProtocolError: Error, Sendable, Equatable {
    public var code: ErrorCode
    public var message: String
    public var position: Int?

    public init(_ code: ErrorCode, _ message: String, position: Int? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }
}

/// What a request is answered with.
public enum Response: Sendable {
    case success(ServiceResult)
    case failure(ProtocolError)
}

/// Renders responses to their one line of JSON. This is the only place the
/// envelope is written (STYLE.md habit 8):
///
///     {"ok":true,"id":7,"result":{…}}
///     {"ok":false,"id":7,"code":"syntax_error","message":"…","position":3}
///
/// `id` is present only when the request gave one. The result is spliced in
/// as the bytes its own encoder produced, so it is byte for byte what the CLI's
/// `--json` prints for the same object.
public enum ResponseWriter {
    public static func write(_ response: Response, id: RequestID?, into buffer: inout ByteBuffer) {
        switch response {
        case .success(let result):
            buffer.writeStaticString("{\"ok\":true")
            writeID(id, into: &buffer)
            buffer.writeStaticString(",\"result\":")
            buffer.writeBytes(result.json)
            buffer.writeStaticString("}\n")
        case .failure(let error):
            buffer.writeStaticString("{\"ok\":false")
            writeID(id, into: &buffer)
            buffer.writeStaticString(",\"code\":\"")
            buffer.writeString(error.code.rawValue)
            buffer.writeStaticString("\",\"message\":")
            buffer.writeString(StreamingJSONEncoder.quoted(error.message))
            if let position = error.position {
                buffer.writeStaticString(",\"position\":")
                buffer.writeString(String(position))
            }
            buffer.writeStaticString("}\n")
        }
    }

    /// Room for the whole line, so the buffer is allocated once: a result is
    /// often several kilobytes, and grown from a small guess it was copied at
    /// every doubling.
    public static func capacity(for response: Response, id: RequestID?) -> Int {
        let envelope = 64 + (id?.json.utf8.count ?? 0)
        switch response {
        case .success(let result): return envelope + result.json.count
        case .failure(let error): return envelope + 2 * error.message.utf8.count
        }
    }

    public static func render(_ response: Response, id: RequestID?) -> String {
        var buffer = ByteBuffer()
        write(response, id: id, into: &buffer)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    private static func writeID(_ id: RequestID?, into buffer: inout ByteBuffer) {
        guard let id else { return }
        buffer.writeStaticString(",\"id\":")
        buffer.writeString(id.json)
    }
}
