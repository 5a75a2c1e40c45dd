/// Normalised text as the word-level helpers read it: scalar values indexed
/// from 0. The segmenter passes a buffer over `NormalizedText.scalars`; tests
/// may pass arrays. (Keeps unsafe pointers out of the helpers' signatures.)
protocol ScalarText: RandomAccessCollection where Element == UInt32, Index == Int {}

extension UnsafeBufferPointer: ScalarText where Element == UInt32 {}
extension Array: ScalarText where Element == UInt32 {}
