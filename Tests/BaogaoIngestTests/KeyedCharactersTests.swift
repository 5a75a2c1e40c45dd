import XCTest

@testable import BaogaoIngest

/// `KeyedCharacters` compares by scalar value only where that is what `Character`'s `==`
/// decides; these pin it to `Character` search, canonical equivalents included.
final class KeyedCharactersTests: XCTestCase {
    private func characterSearch(_ word: [Character], _ text: [Character]) -> Int? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        return (0...(text.count - word.count)).first { text[$0..<($0 + word.count)].elementsEqual(word) }
    }

    func testSearchAgreesWithCharacters() {
        let texts = ["全县一般公共预算", "我县\u{F900}本级", "Åå全区县本级", "e\u{301}全镇", "", "县"]
        let words = ["县本级", "\u{8C48}本级", "\u{212B}", "全区", "é", "全镇", "县"]
        for t in texts {
            for w in words {
                let text = KeyedCharacters(Array(t))
                let word = KeyedCharacters(Array(w))
                XCTAssertEqual(text.firstIndex(of: word), characterSearch(Array(w), Array(t)), "\(w) in \(t)")
            }
        }
    }

    func testOnlyStableSingleScalarsAreKeyed() {
        XCTAssertEqual(KeyedCharacters.key("县"), 0x53BF)
        XCTAssertEqual(KeyedCharacters.key("\u{F900}"), KeyedCharacters.inexact)  // a compatibility ideograph
        XCTAssertEqual(KeyedCharacters.key("\u{212B}"), KeyedCharacters.inexact)  // Ångström sign
        XCTAssertEqual(KeyedCharacters.key("e\u{301}"), KeyedCharacters.inexact)  // two scalars
    }

    func testBookTitlesAreDroppedAsBefore() {
        let line = Array("《重庆市预算审查监督条例》全区")
        XCTAssertEqual(String(MetadataReader.withoutBookTitles(line)), "全区")
    }
}
