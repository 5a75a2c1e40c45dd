/// The index format's version; see FORMAT.md.
public enum IndexFormat {
    public static let version: UInt32 = 1
}
