import Dispatch

/// When a command must give up. A query cannot be stopped from outside; it
/// stops itself, checking its deadline between units of work — a segment, a
/// block of documents whose text it verifies, a paragraph it reads for a
/// definition or a mention, a segment of facts — so that a command over its
/// budget frees its thread within one such unit instead of running on in the
/// background after its client was told `timeout`.
public struct Deadline: Sendable, Equatable {
    let uptimeNanoseconds: UInt64

    public static let never = Deadline(uptimeNanoseconds: .max)

    public static func after(seconds: Double) -> Deadline {
        let now = DispatchTime.now().uptimeNanoseconds
        guard seconds.isFinite, seconds < 1e9 else { return .never }
        return Deadline(uptimeNanoseconds: now + UInt64(max(0, seconds) * 1e9))
    }

    public var hasPassed: Bool {
        uptimeNanoseconds != .max && DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds
    }

    func check() throws(SearchError) {
        if hasPassed { throw .timeout }
    }
}
