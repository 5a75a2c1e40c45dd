import Foundation
import XCTest

/// The REPL on a pseudo-terminal: libedit line editing with CJK characters,
/// Ctrl-C, history kept across sessions in $HOME/.baogao_history.
final class ReplTerminalTests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        guard dlopen("libedit.so.2", RTLD_NOW) != nil else { throw XCTSkip("libedit is not installed") }
        home = try TestIndex.temporaryFolder("home")
    }

    private func session() throws -> PseudoTerminal {
        let index = try TestIndex.shared()
        return try PseudoTerminal(
            ["--index", index.index, "--corpus", index.corpus],
            environment: [
                "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            ])
    }

    func testCJKEditingAndCtrlCClearsTheLineWithoutLeaving() throws {
        let term = try session()
        term.waitFor("baogao> ")
        XCTAssertTrue(term.screen.contains("paragraphs. Type a query"), "banner: \(term.screen)")

        // Half a line, then Ctrl-C: the line is dropped and a fresh prompt shown.
        var mark = term.end
        term.type("债务xyz")
        term.waitFor("xyz", after: mark)
        mark = term.end
        term.type("\u{3}")
        term.waitFor("^C", after: mark)
        term.waitFor("baogao> ", after: mark)

        // 保, cursor left over one double-width character, 三 inserted before it: 三保.
        mark = term.end
        term.type("保\u{1B}[D三\r")
        let results = term.waitFor("paragraphs match", after: mark)
        XCTAssertTrue(results.contains("\u{1B}[1;33m三保\u{1B}[0m"), "matches highlighted in colour:\n\(results)")
        XCTAssertFalse(results.contains("xyz"), "Ctrl-C dropped the earlier line")
        // Cursor left over 保 moved back two columns (two backspaces), not one.
        XCTAssertTrue(results.contains("保\u{8}\u{8}"), results.debugDescription)

        term.waitForPrompt(after: "paragraphs match")

        // Enter on an empty line: the next page.
        mark = term.end
        term.type("\r")
        term.waitFor("(showing 11–20", after: mark)
        term.waitForPrompt(after: "(showing 11–20")

        term.type("\u{4}")
        XCTAssertEqual(term.waitForExit(), 0, term.screen)
    }

    /// Issue 17: characters inserted before double-width ones. Typing 债务余额,
    /// Home, 政, 府, Left, Right showed `政府 债 余额` with the cursor drifting
    /// right; the terminal must show the line as it is, the cursor after 府.
    func testInsertingBeforeWideCharactersKeepsTheScreenRight() throws {
        let term = try session()
        term.waitFor("baogao> ")
        // Then the same for deleting: Home, Right, Backspace takes 政 away.
        let typed = ["债务余额", "\u{1B}[H", "政", "府", "\u{1B}[D", "\u{1B}[C", "\u{1B}[H", "\u{1B}[C", "\u{7F}"]
        let expected = [
            "baogao> 债务余额", "baogao> 债务余额", "baogao> 政债务余额", "baogao> 政府债务余额",
            "baogao> 政府债务余额", "baogao> 政府债务余额", "baogao> 政府债务余额", "baogao> 政府债务余额",
            "baogao> 府债务余额"
        ]
        let cursor = [12, 8, 9, 10, 9, 10, 8, 9, 8]  // characters before the cursor on its row
        for (k, key) in typed.enumerated() {
            term.type(key)
            let view = term.waitForScreen { $0.cursorLine == expected[k] && $0.cursorCharacterOffset == cursor[k] }
            XCTAssertEqual(view.cursorLine, expected[k], "after \(key.debugDescription)")
            XCTAssertEqual(view.cursorCharacterOffset, cursor[k], "cursor after \(key.debugDescription): \(view.cursorLine)")
        }
        let mark = term.end
        term.type("\r")
        term.waitFor("paragraphs match", after: mark)
        term.waitForPrompt(after: "paragraphs match")
        term.type("\u{4}")
        XCTAssertEqual(term.waitForExit(), 0, term.screen)
    }

    /// `:help` is longer than a screen: a screenful, then Enter for the rest,
    /// as search results page (the terminal here has 40 rows).
    func testHelpPagesLikeSearchResults() throws {
        let term = try session()
        term.waitFor("baogao> ")
        var mark = term.end
        term.type(":help\r")
        let first = term.waitFor("Enter or :more for the rest of the help", after: mark)
        term.waitForPrompt(after: "rest of the help")
        XCTAssertTrue(first.contains("Commands:"), String(first))
        XCTAssertFalse(first.contains("-隐性 alone is an error"), "the end of the help waits for Enter:\n\(first)")
        XCTAssertLessThanOrEqual(first.split(separator: "\n").count, 40, String(first))
        mark = term.end
        term.type("\r")
        let rest = term.waitFor("-隐性 alone is an error", after: mark)
        term.waitForPrompt(after: "alone is an error")
        XCTAssertFalse(rest.contains("Commands:"), "the second page goes on where the first stopped:\n\(rest)")
        XCTAssertFalse(rest.contains("rest of the help"), "no hint after the last page:\n\(rest)")
        term.type("\u{4}")
        XCTAssertEqual(term.waitForExit(), 0, term.screen)
    }

    func testUpArrowRecallsALineFromTheLastSession() throws {
        let first = try session()
        first.waitFor("baogao> ")
        var mark = first.end
        first.type("\"政府债务\" 限额\r")
        first.waitFor("paragraphs match", after: mark)
        first.waitForPrompt(after: "paragraphs match")
        first.type(":quit\r")
        XCTAssertEqual(first.waitForExit(), 0, first.screen)
        let history = try String(contentsOf: home.appendingPathComponent(".baogao_history"), encoding: .utf8)
        XCTAssertTrue(history.contains("限额"), history)

        let second = try session()
        second.waitFor("baogao> ")
        mark = second.end
        // Up once: the last line, :quit; up again: the query before it.
        second.type("\u{1B}[A")
        second.waitFor(":quit", after: mark)
        second.type("\u{1B}[A")
        second.waitFor("限额", after: mark)
        second.type("\r")
        second.waitFor("paragraphs match", after: mark)
        second.waitForPrompt(after: "paragraphs match")
        second.type(":quit\r")
        XCTAssertEqual(second.waitForExit(), 0, second.screen)
    }

    /// Enter after the last page says so: silence looked like a hung prompt.
    func testEnterAfterTheLastPageSaysThereIsNoMore() throws {
        let term = try session()
        term.waitFor("baogao> ")
        var mark = term.end
        term.type("预备费\r")
        term.waitFor("paragraphs match", after: mark)
        term.waitForPrompt(after: "paragraphs match")
        mark = term.end
        term.type("\r")
        term.waitFor("no more paragraphs match 预备费", after: mark)
        term.waitForPrompt(after: "no more paragraphs match")
        term.type("\u{4}")
        XCTAssertEqual(term.waitForExit(), 0, term.screen)
    }
}
