import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What waiting for a line can bring.
enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-C: the line typed so far was dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Where the REPL's lines come from: libedit on a terminal, plain reads otherwise.
protocol LineReader: AnyObject {
    func read(prompt: String) -> LineEvent
    /// Adds a line to the history (and to the history file, if any).
    func remember(_ line: String)
    func close()
}

/// The terminal's line reader: libedit when it can be loaded, plain reads
/// with a prompt when it cannot.
enum LineEditor {
    static func forTerminal(historyFile: String?) -> LineReader {
        Self.ensureUTF8Locale()
        return LibEditReader.load(historyFile: historyFile) ?? PlainLineReader(prompting: true)
    }

    /// libedit handles double-width characters (cursor movement, erasing) only
    /// when LC_CTYPE is a UTF-8 locale. Only LC_CTYPE is set: numbers and dates
    /// keep the C locale's formatting.
    static func ensureUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset == "UTF-8" || codeset == "UTF8" { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil { return }
    }

    /// `~/.baogao_history`, or nil when there is no home folder.
    static func defaultHistoryFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".baogao_history")
    }
}

/// Lines from standard input with no editing: scripts, and terminals where
/// libedit is missing.
final class PlainLineReader: LineReader {
    private let prompting: Bool

    init(prompting: Bool) {
        self.prompting = prompting
    }

    func read(prompt: String) -> LineEvent {
        if prompting {
            FileHandle.standardOutput.write(Data(prompt.utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            // getline fails with EINTR on Ctrl-C (glibc keeps reading after an error, not after EOF).
            if Interrupt.take() {
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .interrupted
            }
            return .end
        }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    func remember(_ line: String) {}
    func close() {}
}
