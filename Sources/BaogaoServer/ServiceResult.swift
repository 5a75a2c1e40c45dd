import BaogaoQuery

/// A result, already encoded as the JSON object the CLI's `--json` prints for
/// it; the server splices these bytes into the response line as they are.
public struct ServiceResult: Sendable {
    public let json: [UInt8]

    /// Encodes `value` with the CLI's writer (`JSONLines`), so the result is byte
    /// for byte what `--json` prints. Never contains a newline.
    public init<T: Encodable>(encoding value: T) throws(ProtocolError) {
        do {
            json = try JSONLines.bytes(value)
        } catch {
            throw ProtocolError(.internal, "cannot encode the result: \(error)")
        }
    }

    /// Raw JSON text (one line, no newline), for the answers to control requests.
    public init(json: [UInt8]) {
        self.json = json
    }
}
