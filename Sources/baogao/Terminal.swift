import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the command-line tool knows about where its output goes.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var useColor: Bool {
        stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// The terminal's columns for tables fitted to it; nil when output is piped.
    static var tableWidth: Int? { stdoutIsTerminal ? ScreenWidth.columns() : nil }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("baogao: " + message + "\n").utf8))
    }

    /// Prints `message` as an error; the command ends with status 2 (`Status.error`).
    static func fail(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(Status.error)
    }

    /// `body`'s value; an error it throws ends the command as `fail` does, with
    /// the error's own description (the engine's errors name what went wrong).
    static func orFail<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw fail(String(describing: error)) }
    }

    static func writeStderr(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}

/// Human-readable sizes and durations for progress and summaries.
enum Format {
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func seconds(_ s: Double) -> String {
        if s < 1 { return String(format: "%.0f ms", s * 1000) }
        if s < 60 { return String(format: "%.1f s", s) }
        return String(format: "%d:%02d", Int(s) / 60, Int(s) % 60)
    }
}

/// `--color=auto|always|never`, ripgrep's flag: auto colours a terminal unless
/// NO_COLOR is set; piped output is plain, with no marks around the hits.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct ColorOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.",
            valueName: "when"))
    var color: ColorChoice = .auto

    var enabled: Bool {
        switch color {
        case .auto: Terminal.useColor
        case .always: true
        case .never: false
        }
    }
}
