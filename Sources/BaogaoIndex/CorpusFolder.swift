import Foundation

/// Which corpus folder an index belongs to. An index is the reports of one folder;
/// updating it from another would drop them all, as `rsync --delete` would, so the
/// manifest keeps the folder's absolute path and an update from a different folder
/// that still exists is refused. A folder that was moved or renamed (its recorded
/// path gone) is taken to be the one given.
public enum CorpusFolder {
    /// `path` absolute, with `.`, `..` and symbolic links resolved.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The recorded folder when it differs from `given` (canonical) and still exists.
    public static func other(than given: String, recorded: String?) -> String? {
        guard let recorded, recorded != given else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: recorded, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return recorded
    }
}
