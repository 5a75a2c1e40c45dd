/// The REPL's own lines in `:json` mode, so that a reader of the JSON lines
/// gets one object per command even when the command is not a query.
public enum ReplLineJSON: Encodable, Sendable {
    /// A command failed: the message and the script line it was on.
    case error(String, line: Int)
    /// `:help`: the help text in one object.
    case help(String)

    enum Keys: String, CodingKey { case error, line, help }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .error(let message, let line):
            try c.encode(message, forKey: .error)
            try c.encode(line, forKey: .line)
        case .help(let text):
            try c.encode(text, forKey: .help)
        }
    }
}
