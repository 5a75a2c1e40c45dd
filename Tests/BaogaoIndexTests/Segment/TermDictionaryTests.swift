import XCTest

@testable import BaogaoIndex

/// The term dictionary answers a lookup by walking a block's front-coded
/// entries without building their keys: every key written must be found with
/// its own entry, and no other key — prefixes, extensions, neighbours — found.
final class TermDictionaryTests: XCTestCase {
    func testEveryKeyIsFoundAndNoOther() throws {
        var rng = SystemRandomNumberGenerator()
        // Keys of every kind over a small alphabet, so that they share long
        // prefixes and are prefixes of one another.
        let kinds: [TermKind] = [.bigram, .joinedBigram, .phrase, .unigram, .word]
        let alphabet = Array("预算收入支出一般公共").map { String($0) } + ["a", "b", "1"]
        var keys = Set<[UInt8]>()
        while keys.count < 3000 {
            let kind = kinds.randomElement(using: &rng)!
            let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            keys.insert(TermKey.make(kind, text))
        }
        let sorted = keys.sorted { $0.lexicographicallyPrecedes($1) }
        var writer = TermDictionaryWriter()
        var infos: [[UInt8]: TermInfo] = [:]
        var postings = 0
        var positions = 0
        for key in sorted {
            postings += Int.random(in: 1...50, using: &rng)
            if TermKind(rawValue: key[0])!.hasPositions { positions += Int.random(in: 1...50, using: &rng) }
            let info = TermInfo(
                docFreq: Int.random(in: 1...1000, using: &rng), postingsOffset: postings, positionsOffset: positions)
            writer.add(key, info)
            infos[key] = info
        }
        let file = writer.finish()
        let body = Array(file[IndexFormat.headerSize..<(file.count - IndexFormat.footerSize)])
        try withBytes(of: body) { (b) throws(IndexError) in
            let dictionary = try TermDictionary(body: b, file: "t")
            for key in sorted {
                let found = try dictionary.lookup(key)
                XCTAssertEqual(found?.docFreq, infos[key]?.docFreq, String(decoding: key, as: UTF8.self))
                XCTAssertEqual(found?.postingsOffset, infos[key]?.postingsOffset)
                if TermKind(rawValue: key[0])!.hasPositions {
                    XCTAssertEqual(found?.positionsOffset, infos[key]?.positionsOffset)
                }
            }
            // Absent keys: every key's prefixes and one-byte extensions, and keys
            // below the first and above the last.
            var absent: [[UInt8]] = [[0x00], [0xFF], [TermKind.bigram.rawValue], [TermKind.word.rawValue, 0xFF]]
            for key in sorted.prefix(600) {
                for n in 1..<key.count { absent.append(Array(key.prefix(n))) }
                absent.append(key + [0x00])
                absent.append(key + [0xE9])
                var changed = key
                changed[changed.count - 1] &+= 1
                absent.append(changed)
            }
            for key in absent where !keys.contains(key) {
                XCTAssertNil(try dictionary.lookup(key), "\(key)")
            }
        }
    }
}
