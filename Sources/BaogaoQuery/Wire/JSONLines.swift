import BaogaoIndex
import Foundation

/// The one JSON writer of every front end: the CLI's `--json`, the REPL's `:json`
/// mode and the server's results all go through it, so a result is the same bytes
/// wherever it is asked for (PROTOCOL.md: "byte for byte what the CLI's `--json`
/// prints").
///
/// UTF-8 as is (Chinese stays readable, no `\u` escapes), slashes not escaped (a
/// doc path or a web address reads as written), compact: newlines inside strings
/// are escaped, so one value is always one line. Written by `StreamingJSONEncoder`,
/// which gives Foundation's `JSONEncoder` output at a fraction of its cost.
public enum JSONLines {
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try append(value, to: &bytes)
        return bytes
    }

    /// Appends the value's JSON to `bytes` (the server writes its envelope around it).
    public static func append<T: Encodable>(_ value: T, to bytes: inout [UInt8]) throws {
        try StreamingJSONEncoder(sortedKeys: value is any SortedKeysJSON).encode(value, into: &bytes)
    }

    /// The value as one line of text, without its newline.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }
}

/// A shape printed with its keys sorted: its conformance is synthesised and holds
/// dictionaries, so it has no order of its own to keep. Decided here once, where
/// the CLI, the REPL and STATS each passed the option (and the REPL forgot it).
public protocol SortedKeysJSON {}

extension IndexStats: SortedKeysJSON {}
