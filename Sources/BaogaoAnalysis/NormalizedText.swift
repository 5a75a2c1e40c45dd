/// Text after normalisation (NFKC, case folding, Traditional→Simplified), with the
/// map back to the original so that highlights and citations point into the text
/// as written (DESIGN.md decision 3).
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

    /// The original range that the normalised range `range` came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let lower = Int(originalOffsets[range.lowerBound])
        // The end maps to where the next normalised scalar starts in the original,
        // so a range always covers every original scalar that produced it.
        let upper = Int(originalOffsets[range.upperBound])
        return lower..<max(lower, upper)
    }
}
