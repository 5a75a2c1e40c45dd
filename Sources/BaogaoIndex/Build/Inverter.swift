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

    // Terms, by id.
    private(set) var termKinds: [TermKind] = []
    private var termGramKeys: [UInt64] = []     // 0 for words
    private var termWordIndex: [Int32] = []     // -1 for grams

    var termCount: Int { termKinds.count }
    var heldBytes: Int { postings.heldBytes + termKinds.count * 96 + batch.heldBytes }

    /// Records the grams and words of paragraph `doc`. Documents come in order, from 0.
    mutating func add(_ analyzed: AnalyzedText, doc: Int32) {
        if batch.isEmpty { batch.reset(firstDoc: doc) }
        let scalars = analyzed.normalized.scalars
        var previousIsCJK = false
        for i in 0..<scalars.count {
            let c = scalars[i]
            guard CJKGrams.isCJK(c) else { previousIsCJK = false; continue }
            let unigram = TermKey.gram(c, nil)
            batch.append(term: gramId(unigram, .unigram), position: i)
            if previousIsCJK {
                batch.append(term: gramId(TermKey.gram(scalars[i - 1], c), .bigram), position: i - 1)
            }
            previousIsCJK = true
        }
        var span = scalars.count
        scalars.withUnsafeBufferPointer { all in
            all.withMemoryRebound(to: UInt32.self) { text in
                for token in analyzed.words {
                    let word = UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)])
                    let id = token.kind == .number && word.contains(0x2C) ? numberId(word) : wordId(word)
                    batch.append(term: id, position: Int(token.position))
                    span = max(span, Int(token.position) + 1)
                }
            }
        }
        batch.endParagraph(span: span + 1)
        if batch.isFull { invertBatch() }
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
        postings.add(hasPositions: kind.hasPositions)
    }

    /// The dictionary key of a term id.
    func key(of term: Int) -> [UInt8] {
        if termKinds[term] == .word { return TermKey.make(.word, words.text(ofWord: Int(termWordIndex[term]))) }
        return TermKey.bytes(ofGram: termGramKeys[term])
    }

    /// Hands a term's postings to the writer and frees them; after `invertBatch`.
    mutating func takePostings(_ term: Int, into decoded: inout DecodedPostings) {
        postings.decode(term, into: &decoded)
        postings.release(term)
    }
}
