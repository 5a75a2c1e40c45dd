import Foundation
import XCTest

/// The keys PROTOCOL.md and README's "JSON output" list for each command are
/// exactly the keys the command produces on the sample corpus (the key names at
/// any depth, from `WireSamples`), so the documents cannot drift from the code.
final class WireDocumentationTests: XCTestCase {
    /// Keys the code writes that the sample corpus cannot bring out: `confidence`
    /// comes only from a figure read from a sentence with no labelled fact, which
    /// none of the three sample reports has (SentenceFallbackTests builds one).
    static let notInSample: [String: Set<String>] = ["ask": ["confidence"]]

    func testProtocolListsExactlyTheProducedKeys() throws {
        let documented = try Self.protocolKeys()
        XCTAssertEqual(
            Set(documented.keys), ["search", "facts", "ask", "mentions", "series", "compare", "define", "get", "stats", "reports"]
        )
        for (command, keys) in documented { try compare(command, keys, in: "PROTOCOL.md") }
    }

    func testReadmeListsExactlyTheProducedKeys() throws {
        let documented = try Self.readmeKeys()
        XCTAssertEqual(
            Set(documented.keys),
            ["paragraphs", "reports", "search", "facts", "ask", "define", "mentions", "series", "compare", "stats"])
        for (command, keys) in documented { try compare(command, keys, in: "README.md") }
    }

    private func compare(_ command: String, _ documented: Set<String>, in document: String) throws {
        let produced = try WireSamples.shape(command).keyNames.union(Self.notInSample[command] ?? [])
        XCTAssertEqual(documented.subtracting(produced).sorted(), [], "\(document) lists for \(command) keys it does not produce")
        XCTAssertEqual(produced.subtracting(documented).sorted(), [], "\(command) produces keys \(document) does not list")
    }

    /// The commands table: a row `| `SEARCH` | … | result |`; the keys are the
    /// names inside the result cell's code spans holding an object (`{`) that a
    /// `,` `:` `}` or `]` follows (so `section:` in the prose is not one).
    static func protocolKeys() throws -> [String: Set<String>] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("PROTOCOL.md"), encoding: .utf8)
        var out: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 3 else { continue }
            let command = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")).lowercased()
            guard WireSamples.commands.contains(command) else { continue }
            let spans = cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 && $0.element.contains("{") }.map { String($0.element) }
            out[command] = names(in: spans.joined(separator: " "), pattern: #"([A-Za-z_]+)\s*[,:}\]]"#)
        }
        return out
    }

    /// The "JSON output" section: a line `` `baogao COMMAND … --json …`: `` (or with words
    /// after the code span, `` `baogao stats --json` (keys sorted): ``) and the
    /// indented block after it; the keys are its quoted names.
    static func readmeKeys() throws -> [String: Set<String>] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = text.range(of: "### JSON output\n") else { return [:] }
        let section = text[start.upperBound...].components(separatedBy: "\n### ")[0]
        var out: [String: Set<String>] = [:]
        var command: String?
        var block = ""
        func finish() {
            if let command, !block.isEmpty { out[command] = names(in: block, pattern: #""([A-Za-z_]+)""#) }
            command = nil
            block = ""
        }
        for line in section.components(separatedBy: "\n") {
            if line.hasPrefix("`baogao "), line.contains("--json"), line.hasSuffix(":") {
                finish()
                command = line.dropFirst("`baogao ".count).split(separator: " ").first.map(String.init)
            } else if command != nil, line.hasPrefix("    ") {
                block += line + "\n"
            } else if command != nil, !line.isEmpty {
                finish()
            }
        }
        finish()
        return out
    }

    private static func names(in text: String, pattern: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return Set(
            regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
                ns.substring(with: $0.range(at: 1))
            }
        ).subtracting(["null"])
    }
}
