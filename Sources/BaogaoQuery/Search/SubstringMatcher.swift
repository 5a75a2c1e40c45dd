import BaogaoAnalysis
import BaogaoIndex

/// Finds the documents of one segment whose normalised text contains a string,
/// with the number of occurrences: the recall of grep (ARCHITECTURE.md, decision 1).
///
/// - A run of CJK characters is answered from the index alone, exactly: one
///   character by its unigram postings, two by their bigram, more by bigrams
///   that cover every character (the cheapest such set, see `BigramCover`)
///   and must sit at their offsets from one start.
/// - Anything else (Latin letters, digits, punctuation, mixed text) is narrowed
///   to candidates — documents containing every CJK run of it, or, without CJK,
///   every word of it as part of an indexed word — and each candidate's
///   normalised text is searched for the whole string.
/// - A bare term also matches across inline marks (`TermPattern`): its
///   bigrams' joined bigrams (过紧 for 过“紧) name the few documents where it
///   may be split by marks, and those are verified against their text with
///   the marks skipped. A two-character term needs no text: its count is the
///   bigram's plus the joined bigram's.
struct SubstringMatcher {
    let segment: SegmentReader
    let analyzer: Analyzer
    /// Verification reads stored text document by document: the one loop here
    /// whose length has no bound but the segment's, so it checks the deadline.
    let deadline: Deadline
    /// The segment's word terms, for substring matches inside words (loaded on first use).
    let wordTerms: () throws(IndexError) -> [(text: String, key: [UInt8])]

    /// With `allowed`, text that must be verified is verified only in the
    /// documents it allows.
    func match(_ pattern: TermPattern, allowed: ((UInt32) -> Bool)? = nil) throws(SearchError) -> DocSet {
        let s = pattern.scalars
        guard !s.isEmpty else { return DocSet() }
        let isCJK = s.allSatisfy(CJKGrams.isCJK)
        var exact = DocSet()
        var candidates: DocSet?
        do throws(IndexError) {
            if isCJK {
                exact = try matchCJK(s[...])
                guard pattern.acrossMarks, s.count >= 2 else { return exact }
                let split = try joined(s[...])
                if split.isEmpty { return exact }
                // A joined and a plain bigram never sit at the same place.
                if s.count == 2 { return exact.union(split) }
                candidates = split
            } else {
                candidates = try self.candidates(for: pattern)
            }
        } catch {
            throw .index(error)
        }
        let verified = try verify(pattern, among: candidates, allowed: allowed)
        // Verified counts take in the plain matches of those documents too.
        return isCJK ? exact.updating(with: verified) : verified
    }

    // MARK: CJK runs, from the index

    private func key(_ kind: TermKind, _ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return TermKey.make(kind, String(v))
    }

    func matchCJK(_ s: ArraySlice<Unicode.Scalar>) throws(IndexError) -> DocSet {
        let s = Array(s)
        if s.count <= 2 {
            guard var cursor = try segment.postings(key(s.count == 1 ? .unigram : .bigram, s[...])) else { return DocSet() }
            var out = DocSet()
            out.docs.reserveCapacity(cursor.docFreq)
            out.counts.reserveCapacity(cursor.docFreq)
            var docs: [UInt32] = []
            var freqs: [UInt32] = []
            while try cursor.nextBatch(docs: &docs, freqs: &freqs) {
                out.docs.append(contentsOf: docs)
                out.counts.append(contentsOf: freqs)
            }
            return out
        }
        var all: [PostingsCursor] = []
        for o in 0..<(s.count - 1) {
            guard let c = try segment.postings(key(.bigram, s[o...o + 1])) else { return DocSet() }
            all.append(c)
        }
        var cursors = BigramCover.cheapest(docFreqs: all.map(\.docFreq)).map { (cursor: all[$0], offset: UInt32($0)) }
        cursors.sort { $0.cursor.docFreq < $1.cursor.docFreq }
        var out = DocSet()
        var starts: [UInt32] = []
        // Through the buffer: a cursor moved through the array's subscript would
        // cost a uniqueness check of the array on every step.
        try cursors.withUnsafeMutableBufferPointer { (cs) throws(IndexError) in
            var target: UInt32 = 0
            while true {
                // Leapfrog: move every cursor to the target until all agree.
                var agreed = true
                for i in 0..<cs.count {
                    guard try cs[i].cursor.advance(to: target) else { return }
                    if cs[i].cursor.doc != target {
                        target = cs[i].cursor.doc
                        agreed = false
                        break
                    }
                }
                guard agreed else { continue }
                let n = try Self.countChains(cs, &starts)
                if n > 0 { out.append(target, n) }
                if target == UInt32.max { return }
                target += 1
            }
        }
        return out
    }

    /// The documents holding a joined bigram of one of the run's bigrams (the
    /// counts of the only one, for a two-character run; else meaningless).
    func joined(_ s: ArraySlice<Unicode.Scalar>) throws(IndexError) -> DocSet {
        var out = DocSet()
        var i = s.startIndex
        while i + 1 < s.endIndex {
            defer { i += 1 }
            guard var cursor = try segment.postings(key(.joinedBigram, s[i...i + 1])) else { continue }
            var docs = DocSet()
            var batch: [UInt32] = []
            var freqs: [UInt32] = []
            while try cursor.nextBatch(docs: &batch, freqs: &freqs) {
                docs.docs.append(contentsOf: batch)
                docs.counts.append(contentsOf: freqs)
            }
            out = out.isEmpty ? docs : out.union(docs)
        }
        return out
    }

    /// How many starts `p` have every chosen bigram at `p + offset`: the rarest
    /// bigram's positions give the candidate starts, and each other bigram keeps
    /// those it sits at. `starts` is scratch, kept by the caller to reuse its memory.
    private static func countChains(
        _ cs: UnsafeMutableBufferPointer<(cursor: PostingsCursor, offset: UInt32)>,
        _ starts: inout [UInt32]
    ) throws(IndexError) -> UInt32 {
        starts.removeAll(keepingCapacity: true)
        try cs[0].cursor.appendPositions(to: &starts, minus: cs[0].offset)
        var kept = starts.count
        for i in 1..<cs.count where kept > 0 {
            var n = 0
            for k in 0..<kept where try cs[i].cursor.hasPosition(starts[k] &+ cs[i].offset) {
                starts[n] = starts[k]
                n += 1
            }
            kept = n
        }
        return UInt32(kept)
    }

    // MARK: Everything else: candidates, then the text

    /// Documents that may contain the pattern (nil: every document).
    private func candidates(for pattern: TermPattern) throws(IndexError) -> DocSet? {
        let s = pattern.scalars
        var result: DocSet?
        var i = 0
        while i < s.count {
            guard CJKGrams.isCJK(s[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < s.count, CJKGrams.isCJK(s[j]) { j += 1 }
            var docs = try matchCJK(s[i..<j])
            if pattern.acrossMarks { docs = docs.union(try joined(s[i..<j])) }
            result = result.map { $0.intersecting(docs) } ?? docs
            i = j
        }
        if result != nil { return result }
        // No CJK: every word of the string must be part of some indexed word.
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s)
        let analyzed = analyzer.analyze(String(text))
        for token in analyzed.words {
            let word = analyzed.text(of: token).filter { token.kind != .number || $0 != "," }
            // A short word (`1`) is part of tens of thousands of indexed words:
            // their documents are marked in one bitmap, not merged list by list,
            // which cost a pass over the whole result per word.
            var marked = [Bool](repeating: false, count: segment.docCount)
            for (term, key) in try wordTerms() where term.contains(word) {
                guard var cursor = try segment.postings(key) else { continue }
                while try cursor.next() {
                    if Int(cursor.doc) < marked.count { marked[Int(cursor.doc)] = true }
                }
            }
            var docs = DocSet()
            for (d, isMarked) in marked.enumerated() where isMarked { docs.append(UInt32(d), 1) }
            result = result.map { $0.intersecting(docs) } ?? docs
        }
        return result
    }

    /// The candidates (or all documents) whose normalised text matches the pattern, with counts.
    private func verify(
        _ pattern: TermPattern, among candidates: DocSet?,
        allowed: ((UInt32) -> Bool)?
    ) throws(SearchError) -> DocSet {
        var reader = segment.textReader()
        var out = DocSet()
        let docs = candidates?.docs ?? (0..<UInt32(segment.docCount)).map { $0 }
        var read = 0
        for d in docs where !segment.isDeleted(Int(d)) && allowed?(d) != false {
            read += 1
            if read % 64 == 0 { try deadline.check() }
            let stored: String
            do { stored = try reader.text(Int(d)) } catch { throw .index(error) }
            let text = analyzer.normalize(stored).scalars
            let n = pattern.count(in: text)
            if n > 0 { out.append(d, UInt32(n)) }
        }
        return out
    }
}
