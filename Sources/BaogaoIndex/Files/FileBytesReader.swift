import Foundation

/// Small whole-file reads (the manifest, corpus files).
enum FileBytesReader {
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
