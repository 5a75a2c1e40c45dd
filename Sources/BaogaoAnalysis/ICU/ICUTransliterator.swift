import CICU

/// An ICU transliterator (Baogao uses "Traditional-Simplified"). Owns its ICU
/// handle: one per thread.
final class ICUTransliterator {
    private let handle: OpaquePointer?

    init?(identifier: String) {
        guard let handle = bg_transliterator_open(identifier) else { return nil }
        self.handle = handle
    }

    deinit { bg_transliterator_close(handle) }

    /// Transliterates `units` in place; returns false (leaving `units` as they
    /// were) if ICU fails.
    func transliterate(_ units: inout [UInt16]) -> Bool {
        let length = units.count
        guard length > 0 else { return true }
        // Rules may lengthen text; leave generous room and retry once if needed.
        for factor in [2, 8] {
            var buffer = units
            buffer.append(contentsOf: repeatElement(0, count: length * (factor - 1) + 16))
            let n = buffer.withUnsafeMutableBufferPointer {
                bg_transliterate(handle, $0.baseAddress, Int32(length), Int32($0.count))
            }
            if n >= 0 {
                units = Array(buffer[0..<Int(n)])
                return true
            }
        }
        return false
    }

    /// The rules as ICU prints them (`\uXXXX` escapes), or nil on error.
    func rules() -> String? {
        let n = bg_transliterator_rules(handle, nil, 0)
        guard n > 0 else { return nil }
        var buffer = [UInt16](repeating: 0, count: Int(n) + 1)
        let m = buffer.withUnsafeMutableBufferPointer {
            bg_transliterator_rules(handle, $0.baseAddress, Int32($0.count))
        }
        guard m == n else { return nil }
        return String(decoding: buffer[0..<Int(n)], as: UTF16.self)
    }
}
