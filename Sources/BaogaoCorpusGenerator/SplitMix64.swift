import Foundation

/// The generator's only source of randomness: SplitMix64, small and fully
/// specified, so a corpus depends on its seed alone — never on the platform's
/// random number generator or the Swift version.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for one part of the corpus (a report, its layout),
    /// so that reports do not shift when an earlier one draws more numbers.
    init(seed: UInt64, stream: UInt64, purpose: UInt64 = 0) {
        state = Self.mix(seed &+ Self.mix(stream &+ Self.mix(purpose)))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's output function: a bijection that scatters nearby inputs.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform in `range` (the modulo bias is far below anything a corpus shows).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func index(below count: Int) -> Int { Int(next() % UInt64(count)) }

    mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + index(below: items.count)]
    }

    /// Standard normal, by Box–Muller.
    mutating func gaussian() -> Double {
        let u = max(unit(), .leastNonzeroMagnitude)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, index(below: i + 1))
        }
    }
}
