import Foundation

/// Whole-file reads, kept in one place so that the rest of ingestion works on bytes.
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
