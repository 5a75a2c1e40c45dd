import BaogaoAnalysis
import BaogaoIndex

/// Finds the documents of one segment whose normalised text contains a string,
/// with the number of occurrences: the recall of grep (ARCHITECTURE.md, decision 1).
///
/// - A run of CJK characters is answered from the index alone, exactly: one
///   character by its unigram postings, two by their bigram, more by bigrams
///   that cover every character (the cheapest such set, see `BigramCover`)
///   and must sit at their offsets from one start — or, where the segment
///   chose the run as a phrase term (format 14, `PhraseMiner`), by that term's
///   postings, which hold exactly what those chains find.
/// - A bare term also matches across inline marks (`TermPattern`), still from
///   the index alone: bigram positions count the text without its inline
///   marks, where a mark-split pair is a joined bigram (过紧 for 过“紧), so a
///   split run is a chain of plain and joined bigrams like an unbroken one. A
///   phrase keeps only chains of plain bigrams: where its cover skips a pair,
///   that pair must not be joined.
/// - Anything else (Latin letters, digits, punctuation, mixed text) is narrowed
///   to candidates — documents containing every CJK run of it, or, without CJK,
///   every word of it as part of an indexed word — and each candidate's
///   normalised text is searched for the whole string.
struct SubstringMatcher {
    let segment: SegmentReader
    let analyzer: Analyzer
    /// Verification reads stored text document by document: the one loop here
    /// whose length has no bound but the segment's, so it checks the deadline.
    let deadline: Deadline
    /// The segment's word terms, for substring matches inside words (loaded on first use).
    let wordTerms: () throws(IndexError) -> [(text: String, key: [UInt8])]
    /// The keys of the segment's joined bigrams (loaded on first use), when the
    /// caller keeps them: most pairs of a run are never split by marks, and a
    /// set answers "none here" without a dictionary lookup (nil: look each up).
    var joinedBigrams: (() throws(IndexError) -> Set<[UInt8]>)? = nil
    /// Whether a segment's phrase terms answer the runs they spell (false: always
    /// the bigram chains, which the tests compare them with).
    var usesPhraseTerms = true

    /// With `allowed`, text that must be verified is verified only in the
    /// documents it allows.
    func match(_ pattern: TermPattern, allowed: ((UInt32) -> Bool)? = nil) throws(SearchError) -> DocSet {
        let s = pattern.scalars
        guard !s.isEmpty else { return DocSet() }
        let candidates: DocSet?
        do throws(IndexError) {
            if s.allSatisfy(CJKGrams.isCJK) { return try matchCJK(s[...], acrossMarks: pattern.acrossMarks) }
            candidates = try self.candidates(for: pattern)
        } catch {
            throw .index(error)
        }
        return try verify(pattern, among: candidates, allowed: allowed)
    }

    // MARK: CJK runs, from the index

    /// `TermKey.make(kind, text)`, encoded straight from the scalars (a
    /// `String` built scalar by scalar cost more than the lookup it keys).
    private func key(_ kind: TermKind, _ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var out: [UInt8] = [kind.rawValue]
        out.reserveCapacity(1 + 4 * scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { out.append($0) } }
        return out
    }

    /// The postings of the joined bigram of a pair, nil when the segment has none.
    private func joinedPostings(_ pair: ArraySlice<Unicode.Scalar>) throws(IndexError) -> PostingsCursor? {
        let k = key(.joinedBigram, pair)
        if let known = try joinedBigrams?(), !known.contains(k) { return nil }
        return try segment.postings(k)
    }

    /// The documents holding the run, with counts: as written, or with
    /// `acrossMarks` also where inline marks split it (counted in the text
    /// without them, `TermPattern.count`).
    func matchCJK(_ s: ArraySlice<Unicode.Scalar>, acrossMarks: Bool) throws(IndexError) -> DocSet {
        let s = Array(s)
        if s.count == 1 { return try documents(try segment.postings(key(.unigram, s[...]))) }
        if s.count == 2 {
            let plain = try documents(try segment.postings(key(.bigram, s[...])))
            guard acrossMarks else { return plain }
            let split = try documents(try joinedPostings(s[...]))
            // Most pairs are never split: no copy of a common bigram's list then.
            // A joined and a plain bigram never sit at the same place.
            return split.isEmpty ? plain : plain.union(split)
        }
        // Chains of plain bigrams: every match of a phrase, and of a bare term
        // every match in a document that holds none of the run's joined bigrams.
        // A phrase term holds the same documents and counts in one list.
        let phrase = try phrasePostings(s)
        var unbroken = try documents(phrase)
        var plain: [PostingsCursor?] = []
        if phrase == nil {
            plain = try bigrams(of: s)
            unbroken = try plainChains(s, plain, acrossMarks: acrossMarks)
        }
        guard acrossMarks else { return unbroken }
        var joined: [PostingsCursor?] = []
        for o in 0..<(s.count - 1) { joined.append(try joinedPostings(s[o...o + 1])) }
        guard joined.contains(where: { $0 != nil }) else { return unbroken }
        if phrase != nil { plain = try bigrams(of: s) }
        // The documents a split may be in are counted again, every match of
        // them: the plain chains' counts there are replaced.
        return unbroken.updating(with: try splitChains(plain, joined))
    }

    /// The postings of the run's bigrams, by offset (nil where the segment has none).
    private func bigrams(of s: [Unicode.Scalar]) throws(IndexError) -> [PostingsCursor?] {
        var plain: [PostingsCursor?] = []
        for o in 0..<(s.count - 1) { plain.append(try segment.postings(key(.bigram, s[o...o + 1]))) }
        return plain
    }

    /// The chains of the run's plain bigrams (`plain`, by offset), with their counts.
    private func plainChains(
        _ s: [Unicode.Scalar], _ plain: [PostingsCursor?], acrossMarks: Bool
    ) throws(IndexError) -> DocSet {
        guard plain.allSatisfy({ $0 != nil }) else { return DocSet() }
        let all = plain.compactMap { $0 }
        let cover = BigramCover.cheapest(docFreqs: all.map(\.docFreq))
        // Positions count the text without inline marks, so a phrase must
        // also find no joined bigram where its cover skips a pair (要过“紧日
        // has 要过 and 紧日 where "要过紧日" wants them).
        var skipped: [(cursor: PostingsCursor, offset: UInt32)] = []
        if !acrossMarks {
            let chosen = Set(cover)
            for o in 0..<all.count where !chosen.contains(o) {
                if let c = try joinedPostings(s[o...o + 1]) { skipped.append((c, UInt32(o))) }
            }
        }
        return try chains(cover.map { (cursor: all[$0], offset: UInt32($0)) }, unless: skipped)
    }

    /// The postings of the run's phrase term, nil when the segment has none (or
    /// the matcher is told not to use them).
    private func phrasePostings(_ s: [Unicode.Scalar]) throws(IndexError) -> PostingsCursor? {
        guard usesPhraseTerms, s.count <= TermKind.maxPhraseLength, segment.phraseTermCount > 0 else { return nil }
        return try segment.postings(key(.phrase, s[...]))
    }

    /// Every document of one term, with its frequency (none when absent).
    private func documents(_ postings: PostingsCursor?) throws(IndexError) -> DocSet {
        guard var cursor = postings else { return DocSet() }
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

    /// The documents where every bigram sits at its offset from one start, with
    /// how many such starts each has, leaving out a start where a bigram of
    /// `unless` sits at its offset.
    private func chains(
        _ chosen: [(cursor: PostingsCursor, offset: UInt32)],
        unless: [(cursor: PostingsCursor, offset: UInt32)]
    ) throws(IndexError) -> DocSet {
        var cursors = chosen
        cursors.sort { $0.cursor.docFreq < $1.cursor.docFreq }
        var excluded = unless
        var out = DocSet()
        var starts: [UInt32] = []
        // Through the buffer: a cursor moved through the array's subscript would
        // cost a uniqueness check of the array on every step.
        try cursors.withUnsafeMutableBufferPointer { (cs) throws(IndexError) in
            try excluded.withUnsafeMutableBufferPointer { (xs) throws(IndexError) in
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
                    var n = try Self.countChains(cs, &starts)
                    if n > 0, !xs.isEmpty { n = try Self.dropStarts(&starts, count: n, at: xs, doc: target) }
                    if n > 0 { out.append(target, n) }
                    if target == UInt32.max { return }
                    target += 1
                }
            }
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

    /// Of the first `count` starts, how many are left when those with a term
    /// of `xs` in `doc` at its offset from them are dropped (moved to the end).
    private static func dropStarts(
        _ starts: inout [UInt32], count: UInt32,
        at xs: UnsafeMutableBufferPointer<(cursor: PostingsCursor, offset: UInt32)>, doc: UInt32
    ) throws(IndexError) -> UInt32 {
        var kept = Int(count)
        for i in 0..<xs.count where kept > 0 {
            guard try xs[i].cursor.contains(doc) else { continue }
            var n = 0
            for k in 0..<kept where try !xs[i].cursor.hasPosition(starts[k] &+ xs[i].offset) {
                starts[n] = starts[k]
                n += 1
            }
            kept = n
        }
        return UInt32(kept)
    }

    /// For every document holding a joined bigram of the run, how often the run
    /// occurs in its text without inline marks: where each bigram of a cover
    /// sits at its offset from one start as a plain or as a joined bigram (a
    /// place holds one or the other, never both). `plain[o]` and `joined[o]`
    /// are the run's pair at offset o, nil when the segment has none.
    private func splitChains(_ plain: [PostingsCursor?], _ joined: [PostingsCursor?]) throws(IndexError) -> DocSet {
        var docs: [UInt32] = []
        for case var cursor? in joined {
            var batch: [UInt32] = []
            var freqs: [UInt32] = []
            while try cursor.nextBatch(docs: &batch, freqs: &freqs) { docs.append(contentsOf: batch) }
        }
        docs.sort()
        var slots: [(plain: PostingsCursor?, joined: PostingsCursor?, offset: UInt32)] = []
        let docFreqs = plain.indices.map { (plain[$0]?.docFreq ?? 0) + (joined[$0]?.docFreq ?? 0) }
        guard !docFreqs.contains(0) else { return DocSet() }
        for o in BigramCover.cheapest(docFreqs: docFreqs) { slots.append((plain[o], joined[o], UInt32(o))) }
        slots.sort { docFreqs[Int($0.offset)] < docFreqs[Int($1.offset)] }
        var out = DocSet()
        var starts: [UInt32] = []
        var previous: UInt32?
        try slots.withUnsafeMutableBufferPointer { (ss) throws(IndexError) in
            for d in docs where d != previous {
                previous = d
                starts.removeAll(keepingCapacity: true)
                for i in 0..<ss.count {
                    let inPlain = try ss[i].plain?.contains(d) ?? false
                    let inJoined = try ss[i].joined?.contains(d) ?? false
                    let offset = ss[i].offset
                    if i == 0 {
                        if inPlain { try ss[i].plain?.appendPositions(to: &starts, minus: offset) }
                        if inJoined { try ss[i].joined?.appendPositions(to: &starts, minus: offset) }
                    } else {
                        var n = 0
                        for k in starts.indices {
                            let p = starts[k] &+ offset
                            var holds = false
                            if inPlain { holds = try ss[i].plain?.hasPosition(p) ?? false }
                            if !holds, inJoined { holds = try ss[i].joined?.hasPosition(p) ?? false }
                            if holds {
                                starts[n] = starts[k]
                                n += 1
                            }
                        }
                        starts.removeLast(starts.count - n)
                    }
                    if starts.isEmpty { break }
                }
                if !starts.isEmpty { out.append(d, UInt32(starts.count)) }
            }
        }
        return out
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
            let docs = try matchCJK(s[i..<j], acrossMarks: pattern.acrossMarks)
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
                guard var docs = try segment.wordDocs(key) else { continue }
                while try docs.next() {
                    if Int(docs.doc) < marked.count { marked[Int(docs.doc)] = true }
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
