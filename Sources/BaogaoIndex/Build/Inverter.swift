import BaogaoAnalysis

/// Turns analysed paragraphs into postings: gives every gram and word a term id
/// and records its occurrences in a batch, which is inverted into each term's
/// postings when it fills (`OccurrenceBatch`) and before the segment is written.
///
/// A struct with mutating methods, held by `SegmentBuilder`: inside them `self`
/// is one exclusive access, where stored properties of a class would cost a
/// dynamic exclusivity check per access in the innermost loops.
struct Inverter {
    private var grams = GramTable()
    private var words = WordTable()
    private var batch = OccurrenceBatch()
    private(set) var postings = TermPostings()
    private var wordScratch: [UInt32] = []
    /// Unigrams and words keep no positions, so a paragraph's occurrences of one
    /// are counted here (by term id; 0 between paragraphs) and batched once, with
    /// the count: half the unigram occurrences of a paragraph repeat a character.
    private var unpositionedCounts: [UInt32] = []
    private var paragraphUnpositioned: [Int32] = []

    /// The segment's phrase terms, once chosen (`choosePhrases`); empty before.
    private var phrases = PhraseTable()
    /// The term id of each phrase of `phrases`, -1 until its first occurrence.
    private var phraseTerms: [Int32] = []

    // Terms, by id.
    private(set) var termKinds: [TermKind] = []
    private var termGramKeys: [UInt64] = []  // 0 for words and phrases
    private var termWordIndex: [Int32] = []  // a word's index in `words`, a phrase's in `phrases`; -1 for grams
    /// Per term id, the group of phrases starting with that bigram (`PhraseTable`),
    /// -1 for none and for every other kind.
    private var phraseGroupOfTerm: [Int32] = []
    /// One bit per term id: whether it is a bigram that starts phrases. This is what
    /// every pair of CJK characters reads: a bit per term stays in the cache (40 KB for
    /// 300,000 terms) where `phraseGroupOfTerm`, 32 bits per term, cost a cache miss
    /// a pair (a tenth of `add` in the profile).
    private var phraseStartBits: [UInt64] = []

    var termCount: Int { termKinds.count }
    var heldBytes: Int { postings.heldBytes + termKinds.count * 96 + batch.heldBytes }

    /// Records the grams and words of paragraph `doc`. Documents come in order, from 0.
    mutating func add(_ analyzed: AnalyzedText, doc: Int32) {
        if batch.isEmpty { batch.reset(firstDoc: doc) }
        let scalars = analyzed.normalized.scalars
        var previousIsCJK = false
        // The offset of the last CJK character while only inline marks have
        // followed it; -1 when none.
        var joinsFrom = -1
        // Bigram positions count the text without its inline marks (format 7,
        // `PostingsFormat`): `skipped` is how many were passed so far.
        var skipped = 0
        for i in 0..<scalars.count {
            let c = scalars[i]
            guard CJKGrams.isCJK(c) else {
                if previousIsCJK { joinsFrom = i - 1 }
                if joinsFrom >= 0, !InlineMarks.isInlineMark(c) { joinsFrom = -1 }
                previousIsCJK = false
                continue
            }
            count(gramId(TermKey.gram(c, nil), .unigram))
            if previousIsCJK {
                let bigram = gramId(TermKey.gram(scalars[i - 1], c), .bigram)
                batch.append(term: bigram, position: i - 1 - skipped)
                if startsPhrases(bigram) { countPhrases(phraseGroupOfTerm[Int(bigram)], in: scalars, at: i - 1) }
            } else if joinsFrom >= 0 {
                skipped += i - joinsFrom - 1
                let joined = gramId(TermKey.gram(scalars[joinsFrom], c, joined: true), .joinedBigram)
                batch.append(term: joined, position: i - 1 - skipped)
                joinsFrom = -1
            }
            previousIsCJK = true
        }
        var span = scalars.count
        scalars.withUnsafeBufferPointer { all in
            all.withMemoryRebound(to: UInt32.self) { text in
                for token in analyzed.words {
                    let word = UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)])
                    count(token.kind == .number && word.contains(0x2C) ? numberId(word) : wordId(word))
                    span = max(span, Int(token.position) + 1)
                }
            }
        }
        endParagraph(span: span + 1)
    }

    /// Batches the counts of the paragraph's terms without positions and ends it.
    private mutating func endParagraph(span: Int) {
        for term in paragraphUnpositioned {
            batch.append(term: term, frequency: Int(unpositionedCounts[Int(term)]))
            unpositionedCounts[Int(term)] = 0
        }
        paragraphUnpositioned.removeAll(keepingCapacity: true)
        batch.endParagraph(span: span)
        if batch.isFull { invertBatch() }
    }

    /// Counts the phrases of `group` that stand in `scalars` from `start`, where
    /// their first bigram was found.
    @inline(__always)
    private mutating func countPhrases(_ group: Int32, in scalars: [Unicode.Scalar], at start: Int) {
        guard start + 2 < scalars.count else { return }
        for m in phrases.candidates(in: group, third: scalars[start + 2].value) {
            let phrase = phrases.member(m)
            if phrases.occurs(phrase, in: scalars, at: start) { count(phraseId(phrase)) }
        }
    }

    @inline(__always)
    private func startsPhrases(_ term: Int32) -> Bool {
        phraseStartBits[Int(term) >> 6] & (1 << (UInt64(term) & 63)) != 0
    }

    private mutating func setGroup(_ group: Int32, ofTerm t: Int) {
        phraseGroupOfTerm[t] = group
        if group >= 0 { phraseStartBits[t >> 6] |= 1 << UInt64(t & 63) }
    }

    private mutating func phraseId(_ phrase: Int) -> Int32 {
        let known = phraseTerms[phrase]
        if known >= 0 { return known }
        let id = Int32(termKinds.count)
        register(.phrase, gram: 0, word: Int32(phrase))
        phraseTerms[phrase] = id
        return id
    }

    var hasChosenPhrases: Bool { !phrases.isEmpty }

    /// Sets the segment's phrase terms. Paragraphs added before are not counted
    /// in them: the caller adds their phrases alone (`addPhrases`) next.
    mutating func choosePhrases(_ runs: [[Unicode.Scalar]]) {
        phrases = PhraseTable(runs)
        phraseTerms = [Int32](repeating: -1, count: phrases.count)
        for t in 0..<termCount where termKinds[t] == .bigram {
            setGroup(phrases.group(startingWith: termGramKeys[t]), ofTerm: t)
        }
    }

    /// Records only the phrase occurrences of paragraphs `firstDoc…` added before
    /// the phrases were chosen, one text each, in order; nothing else of them.
    /// Their other terms were inverted when they were added, so this goes in a
    /// batch of its own, which holds the phrase terms' first documents.
    mutating func addPhrases(of texts: [[Unicode.Scalar]], firstDoc: Int32) {
        guard !phrases.isEmpty, !texts.isEmpty else { return }
        invertBatch()
        for (k, scalars) in texts.enumerated() {
            if batch.isEmpty { batch.reset(firstDoc: firstDoc + Int32(k)) }
            for i in scalars.indices.dropFirst() where CJKGrams.isCJK(scalars[i - 1]) && CJKGrams.isCJK(scalars[i]) {
                let bigram = gramId(TermKey.gram(scalars[i - 1], scalars[i]), .bigram)
                if startsPhrases(bigram) { countPhrases(phraseGroupOfTerm[Int(bigram)], in: scalars, at: i - 1) }
            }
            // Frequencies stand in for positions: a phrase's count is below the length.
            endParagraph(span: scalars.count + 1)
        }
        invertBatch()
    }

    /// One more occurrence in this paragraph of a term without positions (a unigram or a word).
    @inline(__always)
    private mutating func count(_ term: Int32) {
        if unpositionedCounts[Int(term)] == 0 { paragraphUnpositioned.append(term) }
        unpositionedCounts[Int(term)] += 1
    }

    /// Inverts the occurrences batched so far into the postings.
    mutating func invertBatch() {
        guard !batch.isEmpty else { return }
        batch.sortByTerm()
        postings.append(batch)
        batch.reset(firstDoc: 0)
    }

    @inline(__always)
    private mutating func wordId(_ word: UnsafeBufferPointer<UInt32>) -> Int32 {
        let next = Int32(termKinds.count)
        let wordIndex = Int32(words.count)  // the index a new word gets
        let id = words.id(for: word, orInsert: next)
        if id == next { register(.word, gram: 0, word: wordIndex) }
        return id
    }

    /// Numbers are one term with or without thousands separators: `1,564` is `1564`.
    private mutating func numberId(_ number: UnsafeBufferPointer<UInt32>) -> Int32 {
        var digits = wordScratch
        wordScratch = []
        digits.removeAll(keepingCapacity: true)
        for v in number where v != 0x2C { digits.append(v) }
        let id = digits.withUnsafeBufferPointer { wordId($0) }
        wordScratch = digits
        return id
    }

    @inline(__always)
    private mutating func gramId(_ key: UInt64, _ kind: TermKind) -> Int32 {
        let next = Int32(termKinds.count)
        let id = grams.id(for: key, orInsert: next)
        if id == next { register(kind, gram: key) }
        return id
    }

    private mutating func register(_ kind: TermKind, gram: UInt64, word: Int32 = -1) {
        termKinds.append(kind)
        termGramKeys.append(gram)
        termWordIndex.append(word)
        phraseGroupOfTerm.append(-1)
        if termKinds.count > phraseStartBits.count * 64 { phraseStartBits.append(0) }
        if kind == .bigram, !phrases.isEmpty { setGroup(phrases.group(startingWith: gram), ofTerm: termKinds.count - 1) }
        unpositionedCounts.append(0)
        postings.add(hasPositions: kind.hasPositions)
    }

    /// The dictionary key (`TermKey`) of every term, by term id: the kind byte,
    /// then the text in UTF-8, encoded straight from the scalars.
    func keys() -> [[UInt8]] {
        (0..<termCount).map { t in
            var key: [UInt8] = [termKinds[t].rawValue]
            if termKinds[t] == .word {
                words.forEachScalar(ofWord: Int(termWordIndex[t])) { Self.appendUTF8($0, to: &key) }
            } else if termKinds[t] == .phrase {
                phrases.forEachScalar(ofPhrase: Int(termWordIndex[t])) { Self.appendUTF8($0, to: &key) }
            } else {
                let gram = termGramKeys[t]
                if termKinds[t] != .unigram { Self.appendUTF8(UInt32((gram >> 21) & 0x1F_FFFF), to: &key) }
                Self.appendUTF8(UInt32(gram & 0x1F_FFFF), to: &key)
            }
            return key
        }
    }

    private static func appendUTF8(_ value: UInt32, to key: inout [UInt8]) {
        // Terms are made of the scalars of normalised text, so always valid.
        guard let scalar = Unicode.Scalar(value) else { return }
        UTF8.encode(scalar) { key.append($0) }
    }

    /// A term's documents, ascending; after `invertBatch`, before `encodePostings`.
    func documents(_ term: Int) -> [UInt32] {
        postings.documents(term)
    }

    /// Writes a word's flags (`WordFlags`) in place of its postings, and frees them.
    mutating func encodeFlags(_ term: Int, _ flags: [UInt8], with encoder: inout PostingsEncoder) -> TermInfo {
        defer { postings.release(term) }
        return encoder.encodeFlags(documents: Int(postings.docFreq[term]), flags)
    }

    /// Encodes a term's postings with `encoder` and frees them; after `invertBatch`.
    mutating func encodePostings(
        _ term: Int, with encoder: inout PostingsEncoder,
        decoded: inout DecodedPostings
    ) -> TermInfo {
        postings.encode(term, with: &encoder, decoded: &decoded)
    }
}
