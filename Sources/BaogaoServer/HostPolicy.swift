#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which addresses a server may bind without a token.
public enum HostPolicy {
    /// `localhost`, 127.0.0.0/8 (also as `::ffff:127.x.x.x`) and `::1`
    /// (with or without brackets). Anything else, `0.0.0.0` and `::`
    /// included, can be reached from other machines.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }  // ::1
        return bytes[..<12].elementsEqual([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF])  // ::ffff:a.b.c.d
            && bytes[12] == 127
    }
}
