import CICU

/// Splits normalised text into words: numbers from the `NumberScanner`, and
/// between them ICU word breaks (locale `zh`, dictionary segmentation for CJK),
/// classified by ICU's rule status. One instance per thread (owns an ICU
/// break iterator).
///
/// ICU works on UTF-16; the text is converted once per paragraph and boundaries
/// are converted back to scalar offsets, so astral-plane characters (𠀀) count
/// as one, as everywhere else in Baogao.
final class WordSegmenter {
    private let breaker: ICUWordBreaker?
    // Scratch buffers reused across paragraphs.
    private var units: [UInt16] = []
    private var scalarOfUnit: [Int32] = []
    private var numbers: [Range<Int>] = []

    init(locale: String = "zh") {
        breaker = ICUWordBreaker(locale: locale)
    }

    /// The words of `scalars` (normalised text), positions 0, 1, 2, …
    func words(of scalars: UnsafeBufferPointer<UInt32>) -> [Token] {
        var words: [Token] = []
        words.reserveCapacity(scalars.count / 2 + 1)
        numbers.removeAll(keepingCapacity: true)
        NumberScanner.scan(scalars, into: &numbers)
        let hasAstral = toUTF16(scalars)
        var position: Int32 = 0
        var gapStart = 0
        for number in numbers + [scalars.count..<scalars.count] {
            if gapStart < number.lowerBound {
                segment(scalars, gapStart..<number.lowerBound, hasAstral: hasAstral,
                        position: &position, into: &words)
            }
            if !number.isEmpty {
                words.append(Token(kind: .number, start: Int32(number.lowerBound),
                                   end: Int32(number.upperBound), position: position))
                position += 1
            }
            gapStart = number.upperBound
        }
        return words
    }

    /// Fills `units` with the UTF-16 of `scalars` and, if any scalar is astral,
    /// `scalarOfUnit` with the scalar offset of every unit boundary.
    private func toUTF16(_ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        units.removeAll(keepingCapacity: true)
        var hasAstral = false
        for c in scalars {
            if c < 0x10000 {
                units.append(UInt16(truncatingIfNeeded: c))
            } else {
                hasAstral = true
                UTF16Scalars.append(c, to: &units)
            }
        }
        if hasAstral {
            scalarOfUnit.removeAll(keepingCapacity: true)
            for (k, c) in scalars.enumerated() {
                scalarOfUnit.append(Int32(k))
                if c >= 0x10000 { scalarOfUnit.append(Int32(k)) }
            }
            scalarOfUnit.append(Int32(scalars.count))
        }
        return hasAstral
    }

    /// ICU words of the scalars in `gap`.
    private func segment(_ scalars: UnsafeBufferPointer<UInt32>, _ gap: Range<Int>, hasAstral: Bool,
                         position: inout Int32, into words: inout [Token]) {
        guard let breaker, Self.mayHoldWords(scalars, gap) else { return }
        let unitStart = hasAstral ? unitOffset(ofScalar: gap.lowerBound) : gap.lowerBound
        let unitEnd = hasAstral ? unitOffset(ofScalar: gap.upperBound) : gap.upperBound
        units.withUnsafeBufferPointer { u in
            guard let base = u.baseAddress else { return }
            var start = gap.lowerBound
            breaker.forEachSegment(base + unitStart, count: unitEnd - unitStart) { boundary, status in
                let end = hasAstral ? Int(scalarOfUnit[unitStart + boundary]) : unitStart + boundary
                if let kind = Self.kind(ofStatus: status) {
                    words.append(Token(kind: kind, start: Int32(start), end: Int32(end), position: position))
                    position += 1
                }
                start = end
            }
        }
    }

    /// The UTF-16 offset of scalar offset `k` (only called for astral text,
    /// by binary search in the monotone `scalarOfUnit`).
    private func unitOffset(ofScalar k: Int) -> Int {
        var lo = 0
        var hi = scalarOfUnit.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(scalarOfUnit[mid]) < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// False if the gap is only ASCII spaces and punctuation, which ICU would
    /// not make a word of: skips an ICU call for `, ` `%` `.` between numbers.
    @inline(__always)
    private static func mayHoldWords(_ s: UnsafeBufferPointer<UInt32>, _ gap: Range<Int>) -> Bool {
        for k in gap {
            let c = s[k]
            if c >= 0x80 || NumberScanner.isDigit(c) || (c | 0x20) &- 0x61 < 26 || c == 0x5F { return true }
        }
        return false
    }

    /// ICU's rule status of a segment → the kind of word, nil for non-words.
    @inline(__always)
    static func kind(ofStatus status: Int32) -> Token.Kind? {
        // Letters and kana (200..<400) are both `.letters`.
        switch Int(status) {
        case BG_WORD_NUMBER..<BG_WORD_LETTER: return .number
        case BG_WORD_LETTER..<BG_WORD_IDEO: return .letters
        case BG_WORD_IDEO..<(BG_WORD_IDEO + 100): return .cjkWord
        default: return nil
        }
    }
}
