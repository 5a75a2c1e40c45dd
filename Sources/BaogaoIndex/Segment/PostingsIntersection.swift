/// The documents that several terms' postings all hold, found by moving the
/// cursors themselves (leapfrog, as Lucene's and tantivy's conjunctions do):
/// one cursor proposes a document, the next jumps to it through its skip
/// table, and a cursor that lands past it proposes its own, round the cursors
/// until all of them stand on one document. No document set is built, and a
/// block of 128 that no proposed document falls in is never decoded.
public enum PostingsIntersection {
    /// Calls `visit` with every document all `cursors` hold, ascending, every
    /// cursor standing on it (so each one's `freq` is its count there). The
    /// rarest term first proposes the fewest documents. Nothing when `cursors`
    /// is empty; one cursor's documents when it is alone. Inlinable, so that
    /// `visit` is inlined into the loop at the caller: it runs for every shared document.
    @inlinable
    public static func forEach(
        _ cursors: inout [PostingsCursor],
        _ visit: (UInt32, UnsafeMutableBufferPointer<PostingsCursor>) throws(IndexError) -> Void
    ) throws(IndexError) {
        let n = cursors.count
        guard n > 0 else { return }
        // Through the buffer: a cursor moved through the array's subscript would
        // cost a uniqueness check of the array on every step.
        try cursors.withUnsafeMutableBufferPointer { (cs) throws(IndexError) in
            guard try cs[0].next() else { return }
            var target = cs[0].doc
            // How many cursors in a row, up to the one before `i`, stand on `target`.
            var agreeing = 1
            var i = 1 % n
            while true {
                if agreeing == n {
                    try visit(target, cs)
                    guard try cs[0].next() else { return }
                    target = cs[0].doc
                    agreeing = 1
                    i = 1 % n
                    continue
                }
                guard try cs[i].advance(to: target) else { return }
                if cs[i].doc == target {
                    agreeing += 1
                } else {
                    target = cs[i].doc
                    agreeing = 1
                }
                i = (i + 1) % n
            }
        }
    }
}
