import ArgumentParser
import Foundation

@main
struct Baogao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baogao",
        abstract: "Search and ask questions of Chinese government budget reports.",
        discussion: """
            Exit status, as grep and ripgrep: 0 when something was found, 1 when nothing was, \
            2 on an error (a bad query or argument, a missing index, an unreadable file).
            """,
        version: BaogaoVersion.string,
        subcommands: [
            ReplCommand.self, SearchCommand.self, FactsCommand.self, AskCommand.self, DefineCommand.self,
            MentionsCommand.self, SeriesCommand.self, CompareCommand.self, IndexCommand.self, CheckCommand.self,
            StatsCommand.self,
            ParagraphsCommand.self, ReportsCommand.self,
            ServeCommand.self
        ],
        // `baogao` alone opens the REPL: the front door needs no flags.
        defaultSubcommand: ReplCommand.self)

    /// ArgumentParser's own `main` exits 64 on an argument error and 1 on any other
    /// thrown error; scripts (and the README) rely on grep's convention instead,
    /// so every error leaves here as status 2. `ExitCode`s the commands throw
    /// (1: nothing found, 2: an error already reported) pass through.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // With the REPL as the default command, `baogao serach 三保` would be
        // parsed as REPL arguments and answered with the REPL's usage.
        if let message = UnknownCommand.message(for: arguments) {
            Terminal.printError(message)
            Foundation.exit(Status.error)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }  // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(Status.error)
        }
    }
}

/// The exit statuses of every command (grep's convention).
enum Status {
    static let found: Int32 = 0
    static let nothingFound: Int32 = 1
    static let error: Int32 = 2

    /// Ends a command that printed its result: status 1 when it found nothing.
    static func finish(found: Bool) throws {
        if !found { throw ExitCode(nothingFound) }
    }
}

/// The one place the version is written (`baogao --version`).
enum BaogaoVersion {
    static let string = "0.9.0"
}

/// A first argument that names no command: a typo of one, or a query without `search`.
enum UnknownCommand {
    static var names: [String] {
        Baogao.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The error for `arguments`, or nil when they start with a command or an option.
    static func message(for arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let scored = names.map { ($0, distance(first.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
        if let best = scored.first, best.1 <= max(1, min(2, best.0.count / 3)) {
            return "unknown command \(first); did you mean \(best.0)? (baogao \(best.0) --help)"
        }
        let rest = arguments.dropFirst().joined(separator: " ")
        return "unknown command \(first); to search for it: baogao search \(first)\(rest.isEmpty ? "" : " " + rest)"
            + " (commands: \(names.filter { $0 != "help" }.joined(separator: ", ")); baogao --help)"
    }

    /// Edit distance counting a swap of two neighbours as one edit (`serach` → `search`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
