import Foundation

/// The one JSON writer of every front end: the CLI's `--json`, the REPL's `:json`
/// mode and the server's results all go through it, so a result is the same bytes
/// wherever it is asked for (PROTOCOL.md: "byte for byte what the CLI's `--json`
/// prints").
///
/// UTF-8 as is (Chinese stays readable, no `\u` escapes), slashes not escaped (a
/// doc path or a web address reads as written), compact: JSONEncoder escapes
/// newlines inside strings, so one value is always one line.
public enum JSONLines {
    /// The value's JSON bytes. `sortedKeys` for shapes whose keys come from a
    /// dictionary-like synthesised conformance (`stats`), so their order is stable.
    public static func bytes<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sortedKeys ? [.sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The value as one line of text, without its newline.
    public static func line<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> String {
        String(decoding: try bytes(value, sortedKeys: sortedKeys), as: UTF8.self)
    }
}
