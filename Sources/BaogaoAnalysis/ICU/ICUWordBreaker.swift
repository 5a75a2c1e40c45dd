import CICU

/// ICU's word break iterator. Owns its ICU handle: one per thread.
final class ICUWordBreaker {
    private let handle: OpaquePointer?

    init?(locale: String) {
        guard let handle = bg_word_breaker_open(locale) else { return nil }
        self.handle = handle
    }

    deinit { bg_word_breaker_close(handle) }

    /// Calls `body(end, status)` for every segment of `text[0..<count]`, in
    /// order; offsets are UTF-16 offsets relative to `text`. The text must stay
    /// valid for the duration of the call.
    @inline(__always)
    func forEachSegment(
        _ text: UnsafePointer<UInt16>, count: Int,
        _ body: (Int, Int32) -> Void
    ) {
        guard count > 0, bg_word_breaker_set_text(handle, text, Int32(count)) == 0 else { return }
        var status: Int32 = 0
        while true {
            let boundary = bg_word_breaker_next(handle, &status)
            if boundary < 0 { break }
            body(Int(boundary), status)
        }
    }
}
