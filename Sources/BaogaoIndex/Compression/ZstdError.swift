import CZstd

/// A failed libzstd call, with libzstd's own name for what went wrong
/// (`ZSTD_getErrorName`: "Data corruption detected", "Src size is incorrect", …).
struct ZstdError: Error, Equatable, CustomStringConvertible {
    let name: String

    var description: String { name }

    /// The result of a libzstd call that returns a size or an error code:
    /// the size, or the error (checked with `ZSTD_isError`, as libzstd asks).
    static func check(_ code: Int) throws(ZstdError) -> Int {
        guard ZSTD_isError(code) == 0 else {
            throw ZstdError(name: String(cString: ZSTD_getErrorName(code)))
        }
        return code
    }

    /// The same for the dictionary builder, whose codes are its own (`ZDICT_isError`).
    static func checkTraining(_ code: Int) throws(ZstdError) -> Int {
        guard ZDICT_isError(code) == 0 else {
            throw ZstdError(name: String(cString: ZDICT_getErrorName(code)))
        }
        return code
    }

    static let outOfMemory = ZstdError(name: "out of memory")
}
