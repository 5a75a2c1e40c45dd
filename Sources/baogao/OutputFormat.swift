import ArgumentParser
import BaogaoQuery
import Foundation

/// `--json`, `--csv` and `--excel`, for the commands whose results are tables a
/// user takes into a spreadsheet: one set of flags, one choice of writer.
struct OutputFormat: ParsableArguments {
    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Print CSV (RFC 4180, UTF-8), one row per record, each with its citation.")
    var csv = false

    @Flag(help: "CSV with the byte-order mark Excel needs to read Chinese (implies --csv).")
    var excel = false

    func validate() throws {
        if json && (csv || excel) { throw ValidationError("choose one of --json and --csv") }
    }

    var isCSV: Bool { csv || excel }

    /// The result as JSON or CSV, or nil when text was asked for. CSV ends its
    /// own records (CRLF), so it is written without another newline.
    func machine<T: Encodable & CSVTable>(_ result: T) throws -> String? {
        if json { return try JSONLines.line(result) + "\n" }
        if isCSV { return CSV.document(result, excel: excel) }
        return nil
    }
}

extension Terminal {
    /// Writes `text` to standard output as it is, with no newline added.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
