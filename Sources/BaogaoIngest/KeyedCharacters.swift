/// A line of `Character`s with each one's scalar value beside it, so that searching it
/// compares integers. `Character`'s `==` is canonical equivalence (U+F900 豈 equals
/// U+8C48 豈), which Swift decides by normalising both sides: over the opening of every
/// report, metadata reading spent more instructions comparing characters than reading.
/// A character that is one scalar whose NFC is itself (ASCII, Latin-1, CJK, kana,
/// Hangul, full-width forms — the ranges below, checked against Foundation's NFC) equals
/// another such character exactly when the values are equal; any other character keeps
/// its value `inexact` and is compared as a `Character`, so results never change.
struct KeyedCharacters {
    static let inexact = UInt32.max

    let characters: [Character]
    let keys: [UInt32]

    init(_ characters: [Character]) {
        self.characters = characters
        self.keys = characters.map(Self.key)
    }

    private init(characters: [Character], keys: [UInt32]) {
        self.characters = characters
        self.keys = keys
    }

    static func key(_ c: Character) -> UInt32 {
        var scalars = c.unicodeScalars.makeIterator()
        guard let v = scalars.next()?.value, scalars.next() == nil else { return inexact }
        let stable = v < 0x300 || (v >= 0x3000 && v <= 0xD7FF) || (v >= 0xFF00 && v <= 0xFFEF)
        return stable ? v : inexact
    }

    /// `characters[i] == other.characters[j]`, by value when both values decide it.
    @inline(__always)
    func same(_ i: Int, _ other: KeyedCharacters, _ j: Int) -> Bool {
        let a = keys[i]
        let b = other.keys[j]
        if a != Self.inexact && b != Self.inexact { return a == b }
        return characters[i] == other.characters[j]
    }

    /// Where `word` first occurs, by `Character`; nil when it does not.
    func firstIndex(of word: KeyedCharacters) -> Int? {
        let n = word.keys.count
        guard n > 0, n <= keys.count else { return nil }
        var i = 0
        while i + n <= keys.count {
            var k = 0
            while k < n && same(i + k, word, k) { k += 1 }
            if k == n { return i }
            i += 1
        }
        return nil
    }

    /// Only the characters `keep` says yes to, keys alongside.
    func filter(_ keep: (Character, UInt32) -> Bool) -> KeyedCharacters {
        var cs: [Character] = []
        var ks: [UInt32] = []
        cs.reserveCapacity(keys.count)
        ks.reserveCapacity(keys.count)
        for i in keys.indices where keep(characters[i], keys[i]) {
            cs.append(characters[i])
            ks.append(keys[i])
        }
        return KeyedCharacters(characters: cs, keys: ks)
    }
}
