/// Text after normalisation (NFKC, case folding, Traditional→Simplified), with the
/// map back to the original so that highlights and citations point into the text
/// as written (ARCHITECTURE.md, decision 3).
///
/// Offsets are Unicode scalar offsets everywhere they cross an interface.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text.
    public var scalars: [Unicode.Scalar]
    /// `originalOffsets[i]` is the offset in the original text of the scalar that
    /// produced normalised scalar `i`; it has one extra last entry, the original
    /// length, so that an end offset maps too. Non-decreasing.
    public var originalOffsets: [Int32]

    public init(scalars: [Unicode.Scalar], originalOffsets: [Int32]) {
        precondition(originalOffsets.count == scalars.count + 1)
        self.scalars = scalars
        self.originalOffsets = originalOffsets
    }

    /// The identity: text that normalisation leaves unchanged.
    public init(unchanged text: String) {
        scalars = Array(text.unicodeScalars)
        originalOffsets = (0...scalars.count).map { Int32($0) }
    }

    public var count: Int { scalars.count }

    public var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// The original range that the normalised range `range` came from: from the
    /// original scalar of its first scalar to the end of the original scalar (or
    /// composed piece) of its last one. Where several normalised scalars come
    /// from one original (`㈠` → `(一)`), any part of them maps to that whole
    /// original scalar.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let lower = Int(originalOffsets[range.lowerBound])
        guard !range.isEmpty else { return lower..<lower }
        // The end is where the next *different* original scalar starts.
        let last = originalOffsets[range.upperBound - 1]
        var j = range.upperBound
        while j < scalars.count, originalOffsets[j] == last { j += 1 }
        return lower..<max(lower, Int(originalOffsets[j]))
    }
}
