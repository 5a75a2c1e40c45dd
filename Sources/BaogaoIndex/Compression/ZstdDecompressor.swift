import CZstd
import Synchronization

/// Decompresses the frames of one segment's store, with its dictionary digested
/// once (`ZSTD_DDict`, read-only and so shared by every thread).
///
/// A decompression context is not: each call borrows one from a small pool and
/// returns it, so threads never share a context and a busy searcher does not
/// allocate one (~100 KB) per hit.
final class ZstdDecompressor: Sendable {
    /// `ZSTD_DDict *`, or nil without a dictionary. Immutable after init.
    private nonisolated(unsafe) let digested: OpaquePointer?
    /// A `ZSTD_DCtx *`, used by one thread at a time: the pool hands it over.
    private struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let idle = Mutex<[Context]>([])
    private static let poolLimit = 8

    /// `dictionary` must be one `ZstdDictionary` trained (see `isValid`), or empty.
    init(dictionary: UnsafeRawBufferPointer) throws(ZstdError) {
        if dictionary.isEmpty {
            digested = nil
        } else {
            guard let ddict = ZSTD_createDDict(dictionary.baseAddress, dictionary.count) else { throw .outOfMemory }
            digested = ddict
        }
    }

    deinit {
        idle.withLock { contexts in
            for c in contexts { ZSTD_freeDCtx(c.pointer) }
            contexts.removeAll()
        }
        if let digested { ZSTD_freeDDict(digested) }
    }

    /// The frame `compressed`, which must decompress to exactly `rawLength` bytes.
    func decompress(_ compressed: UnsafeRawBufferPointer, rawLength: Int) throws(ZstdError) -> [UInt8] {
        let context = try borrow()
        defer { giveBack(context) }
        var failure: ZstdError?
        let out = [UInt8](unsafeUninitializedCapacity: rawLength) { buffer, initialized in
            let code = ZSTD_decompress_usingDDict(
                context.pointer, buffer.baseAddress, buffer.count,
                compressed.baseAddress, compressed.count, digested)
            if ZSTD_isError(code) != 0 {
                failure = ZstdError(name: String(cString: ZSTD_getErrorName(code)))
            } else if code != rawLength {
                failure = ZstdError(name: "\(code) bytes where \(rawLength) were written")
            }
            // A short or failed frame keeps none of what it wrote.
            initialized = failure == nil ? rawLength : 0
        }
        if let failure { throw failure }
        return out
    }

    private func borrow() throws(ZstdError) -> Context {
        if let c = idle.withLock({ $0.popLast() }) { return c }
        guard let c = ZSTD_createDCtx() else { throw .outOfMemory }
        return Context(pointer: c)
    }

    private func giveBack(_ context: Context) {
        let kept = idle.withLock { contexts in
            guard contexts.count < Self.poolLimit else { return false }
            contexts.append(context)
            return true
        }
        if !kept { ZSTD_freeDCtx(context.pointer) }
    }
}
