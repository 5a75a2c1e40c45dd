import CZstd

/// Compresses blocks one at a time into self-contained zstd frames, with a
/// dictionary or without. One per writer (a compression context is not
/// shareable); the dictionary is digested once (`ZSTD_CDict`) for all blocks.
///
/// Frames carry no checksum (every index file has a CRC), no content size and
/// no dictionary id (the store's block index and header say both), which
/// saves ~7 bytes a block.
final class ZstdCompressor {
    private let context: OpaquePointer
    private let digested: OpaquePointer?

    init(dictionary: [UInt8], level: Int) throws(ZstdError) {
        guard let context = ZSTD_createCCtx() else { throw .outOfMemory }
        self.context = context
        if dictionary.isEmpty {
            digested = nil
        } else {
            let cdict = dictionary.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, Int32(level)) }
            guard let cdict else {
                ZSTD_freeCCtx(context)
                throw .outOfMemory
            }
            digested = cdict
        }
        do {
            // With a CDict referenced, the level is the CDict's; without, it is set here.
            _ = try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(level)))
            _ = try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 0))
            _ = try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0))
            _ = try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0))
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    private func release() {
        ZSTD_freeCCtx(context)
        if let digested { ZSTD_freeCDict(digested) }
    }

    /// `raw` as one zstd frame.
    func compress(_ raw: [UInt8]) throws(ZstdError) -> [UInt8] {
        // The reference is dropped at the end of every frame, so set it each time.
        _ = try ZstdError.check(ZSTD_CCtx_refCDict(context, digested))
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(raw.count))
        let code = out.withUnsafeMutableBytes { dst in
            raw.withUnsafeBytes { src in
                ZSTD_compress2(context, dst.baseAddress, dst.count, src.baseAddress, src.count)
            }
        }
        let size = try ZstdError.check(code)
        out.removeLast(out.count - size)
        return out
    }
}
