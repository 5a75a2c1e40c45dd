import CZstd

/// Trains a zstd dictionary from samples (`ZDICT_trainFromBuffer`).
///
/// Paragraphs of budget reports share most of their wording (一般公共预算收入,
/// 同比增长, 万元, section headings, the set phrases of each kind of report);
/// a block of 16 KiB compressed on its own cannot see the others, a dictionary
/// trained on the segment's own paragraphs gives each block that shared wording
/// up front. zstd fails to train from too few or too small samples; callers
/// then compress without one.
enum ZstdDictionary {
    /// A dictionary of at most `capacity` bytes trained on `samples`, the
    /// concatenation of samples whose lengths are `sampleSizes`.
    static func train(samples: [UInt8], sampleSizes: [Int], capacity: Int) throws(ZstdError) -> [UInt8] {
        precondition(sampleSizes.reduce(0, +) == samples.count, "sample sizes must add up to the samples")
        guard capacity > 0, !sampleSizes.isEmpty, sampleSizes.count <= Int(UInt32.max) else {
            throw ZstdError(name: "nothing to train on")
        }
        var dictionary = [UInt8](repeating: 0, count: capacity)
        let code = dictionary.withUnsafeMutableBytes { dst in
            samples.withUnsafeBytes { src in
                sampleSizes.withUnsafeBufferPointer { sizes in
                    ZDICT_trainFromBuffer(dst.baseAddress, dst.count, src.baseAddress,
                                          sizes.baseAddress, UInt32(sizes.count))
                }
            }
        }
        let size = try ZstdError.checkTraining(code)
        dictionary.removeLast(dictionary.count - size)
        return dictionary
    }

    /// Whether `bytes` look like a dictionary zstd trained (its magic number and id);
    /// anything else would be taken as raw content and silently mis-decode.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        ZSTD_getDictID_fromDict(bytes.baseAddress, bytes.count) != 0
    }
}
