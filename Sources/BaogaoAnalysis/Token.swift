/// A word of analysed text: an ICU word, a number kept whole, or a Latin word.
/// CJK character n-grams are not tokens: they are generated from the normalised
/// text by `CJKGrams`, because there is one of each per character.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// A run of CJK ideographs that ICU's dictionary took for one word.
        case cjkWord = 0
        /// Letters (Latin and other alphabets), lower-cased by normalisation.
        case letters = 1
        /// A number as one token: `3480.83`, `23,876`, `2024`.
        case number = 2
    }

    public var kind: Kind
    /// Normalised scalar offsets of the word.
    public var start: Int32
    public var end: Int32
    /// Word position: the index of this word among the words of the text.
    public var position: Int32

    public init(kind: Kind, start: Int32, end: Int32, position: Int32) {
        self.kind = kind
        self.start = start
        self.end = end
        self.position = position
    }
}

/// The result of analysing one paragraph.
public struct AnalyzedText: Sendable {
    public var normalized: NormalizedText
    public var words: [Token]

    public init(normalized: NormalizedText, words: [Token]) {
        self.normalized = normalized
        self.words = words
    }

    /// The normalised text of a word.
    public func text(of token: Token) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: normalized.scalars[Int(token.start)..<Int(token.end)])
        return String(s)
    }

    /// The index term of a word: its normalised text, except that a number
    /// drops its thousands separators, so that `1,564` and `1564` are one term.
    /// The index and the query side both make terms with this.
    public func term(of token: Token) -> String {
        let scalars = normalized.scalars[Int(token.start)..<Int(token.end)]
        var s = String.UnicodeScalarView()
        if token.kind == .number {
            s.append(contentsOf: scalars.lazy.filter { $0 != "," })
        } else {
            s.append(contentsOf: scalars)
        }
        return String(s)
    }
}
