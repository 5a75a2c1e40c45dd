/// The one CSV writer of every front end, beside `JSONLines`: RFC 4180 (fields
/// with a comma, a quote or a line break quoted, quotes doubled, CRLF after each
/// record), UTF-8, and with `excel` the byte-order mark without which Excel reads
/// a UTF-8 file as the local code page and the Chinese comes out garbled.
///
/// Each result says what its rows are (`CSVTable`, in `CSVTables.swift`); every
/// row carries its citation fields, so a row copied out of the sheet still says
/// where its figure was read.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(_ table: some CSVTable, excel: Bool = false) -> String {
        document(header: type(of: table).csvHeader, rows: table.csvRows, excel: excel)
    }

    public static func document(header: [String], rows: [[String]], excel: Bool = false) -> String {
        var out = excel ? byteOrderMark : ""
        for record in [header] + rows {
            out += record.map(field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// A field as RFC 4180 writes it.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }

    /// A number as a spreadsheet reads it: integral values without `.0`.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    static func optional(_ v: Int?) -> String { v.map(String.init) ?? "" }
}

/// A result that can be written as CSV: its column names and one row per record.
public protocol CSVTable {
    static var csvHeader: [String] { get }
    var csvRows: [[String]] { get }
}
