import BaogaoAnalysis

/// A word of one or two CJK characters (`w预算`), stored as which documents of
/// its gram (`b预算`, `u的`) hold it as a whole word (format 11).
///
/// Such a word is always one of its segment's grams: a word is a run of the
/// text, and every CJK character and every pair of adjacent CJK characters is
/// a gram. So its documents are a subset of the gram's, and nearly always
/// nearly all of them (in a 40 MiB corpus, 1,797 of 2,518 such words were in
/// every document of their gram). The only query that reads these words is the
/// whole-word boost, which asks of a few documents whether they hold the word;
/// their own postings had been a fifth of `.post` (3.2 of 13.5 MB a segment).
/// In `.post`, in the word's place in dictionary order:
///
///     WordFlags = 00                               -- every document of the gram
///               | 01 · Bitmap                      -- only some of them
///     Bitmap    = ceil(gramDocFreq / 8) bytes: bit i (bit i % 8 of byte i / 8,
///                 least significant first) is set when the gram's i-th document,
///                 in ascending order, holds the word
///
/// The word's dictionary entry keeps its own document frequency (the number of
/// bits set) and the offset of these bytes; it has no positions. Example: a
/// word in documents 3 and 9 of a gram in 3, 7 and 9 → `01 05` (bits 0 and 2).
/// Longer words, and words that are not all CJK, keep `TermPostings`.
public enum WordFlags {
    static let everyDocument: UInt8 = 0
    static let bitmap: UInt8 = 1

    /// The gram key of a word key stored as flags, nil for a word stored as postings.
    static func gramKey(ofWord key: some Collection<UInt8>) -> [UInt8]? {
        guard key.first == TermKind.word.rawValue else { return nil }
        let text = String(decoding: key.dropFirst(), as: UTF8.self)
        let scalars = text.unicodeScalars
        guard (1...2).contains(scalars.count), scalars.allSatisfy(CJKGrams.isCJK) else { return nil }
        return TermKey.make(scalars.count == 1 ? .unigram : .bigram, text)
    }

    /// The flags of a word whose documents are `word`, a subset of its gram's `gram`
    /// (both ascending).
    static func encode(word: [UInt32], gram: [UInt32]) -> [UInt8] {
        precondition(word.count <= gram.count, "a word's documents are a subset of its gram's")
        if word.count == gram.count { return [everyDocument] }
        var out = [UInt8](repeating: 0, count: 1 + (gram.count + 7) / 8)
        out[0] = bitmap
        var w = 0
        for (i, d) in gram.enumerated() where w < word.count && word[w] == d {
            out[1 + i / 8] |= 1 << UInt8(i % 8)
            w += 1
        }
        precondition(w == word.count, "a word's documents are a subset of its gram's")
        return out
    }
}

/// The documents holding a word: its postings, or its gram's postings and
/// the word's flags over them (`WordFlags`). What the whole-word boost and the
/// substring candidates read of words.
public struct WordDocs {
    private var cursor: PostingsCursor
    /// The flag bytes after the kind byte; nil when every document of the gram holds the word.
    private let bitmap: UnsafeRawBufferPointer?
    private let isFlags: Bool
    private let file: String

    init(postings: PostingsCursor) {
        cursor = postings
        bitmap = nil
        isFlags = false
        file = ""
    }

    /// The flags at `offset` in `postings`, over the gram read by `gram`.
    init(gram: PostingsCursor, postings: UnsafeRawBufferPointer, offset: Int, file: String) throws(IndexError) {
        cursor = gram
        isFlags = true
        self.file = file
        guard offset >= 0, offset < postings.count else {
            throw .damaged(file: file, reason: "word flags at \(offset) past the end")
        }
        switch postings[offset] {
        case WordFlags.everyDocument:
            bitmap = nil
        case WordFlags.bitmap:
            let length = (gram.docFreq + 7) / 8
            guard length <= postings.count - offset - 1 else {
                throw .damaged(file: file, reason: "word flags at \(offset) past the end")
            }
            bitmap = UnsafeRawBufferPointer(rebasing: postings[(offset + 1)..<(offset + 1 + length)])
        default:
            throw .damaged(file: file, reason: "word flags of unknown kind \(postings[offset]) at \(offset)")
        }
    }

    /// The current document, after `next()` returned true.
    public var doc: UInt32 { cursor.doc }

    /// How often the current document holds the word; nil for a word stored as
    /// flags, which keep no counts.
    public mutating func frequency() throws(IndexError) -> UInt32? {
        isFlags ? nil : try cursor.frequency()
    }

    /// Whether document `d` holds the word, moving forward to it: documents are
    /// asked in ascending order.
    public mutating func contains(_ d: UInt32) throws(IndexError) -> Bool {
        guard try cursor.contains(d) else { return false }
        return holdsCurrent()
    }

    /// Moves to the next document holding the word; false when there is none.
    public mutating func next() throws(IndexError) -> Bool {
        while try cursor.next() {
            if holdsCurrent() { return true }
        }
        return false
    }

    /// Whether the cursor's current document holds the word.
    private func holdsCurrent() -> Bool {
        guard isFlags, let bitmap else { return true }
        let i = cursor.ordinal
        // The bitmap covers the gram's documents, and the cursor never passes them.
        return bitmap[i / 8] & (1 << UInt8(i % 8)) != 0
    }

    /// How many documents hold the word, walking them all (`baogao check`).
    mutating func countAll() throws(IndexError) -> Int {
        var n = 0
        while try next() { n += 1 }
        // Bits past the gram's last document must be clear: they would name
        // documents the word is counted in but no query can reach.
        if let bitmap, cursor.docFreq % 8 != 0, bitmap[bitmap.count - 1] >> UInt8(cursor.docFreq % 8) != 0 {
            throw .damaged(file: file, reason: "word flags set past their gram's documents")
        }
        return n
    }
}
