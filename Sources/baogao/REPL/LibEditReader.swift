import BaogaoIngest
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libedit, loaded at run time through its readline-compatible API.
///
/// Why dlopen rather than linking: the image ships the runtime library
/// (libedit.so.2) but not libedit-dev, and a user's machine may have neither.
/// Loading it when the REPL starts needs no headers, no build-time dependency
/// and no change to Scripts/setup, and when the library is missing the REPL
/// still works with plain line reads instead of refusing to start. The price
/// is a dozen symbol look-ups by name, all checked here, in one file.
///
/// Why the callback interface (rl_callback_handler_install/read_char) rather
/// than readline(): we own the wait for input, a poll() that Ctrl-C wakes
/// (see `Interrupt`), so Ctrl-C can drop the line and show
/// a fresh prompt without leaving, as shells and Python's REPL do. libedit's
/// own signal handling is switched off (rl_catch_signals = 0): it would
/// re-raise SIGINT to the whole process group.
final class LibEditReader: LineReader {
    private typealias LineHandler = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void
    private typealias InstallFn = @convention(c) (UnsafePointer<CChar>?, LineHandler?) -> Void
    private typealias VoidFn = @convention(c) () -> Void
    private typealias StringFn = @convention(c) (UnsafePointer<CChar>?) -> Int32
    private typealias TruncateFn = @convention(c) (UnsafePointer<CChar>?, Int32) -> Int32
    private typealias StifleFn = @convention(c) (Int32) -> Void

    private let install: InstallFn
    private let remove: VoidFn
    private let readChar: VoidFn
    private let addHistory: StringFn
    private let writeHistory: StringFn
    private let truncateHistory: TruncateFn
    private let historyFile: String?
    private var lastRemembered: String?

    static let historySize: Int32 = 1000

    /// The line the callback received, handed from libedit's callback to `read`.
    private static let received = Mutex<LineEvent?>(nil)

    private init(
        install: InstallFn, remove: @escaping VoidFn, readChar: @escaping VoidFn, addHistory: @escaping StringFn,
        writeHistory: @escaping StringFn, truncateHistory: @escaping TruncateFn, historyFile: String?
    ) {
        self.install = install
        self.remove = remove
        self.readChar = readChar
        self.addHistory = addHistory
        self.writeHistory = writeHistory
        self.truncateHistory = truncateHistory
        self.historyFile = historyFile
    }

    /// Loads libedit and the history file; nil when the library or one of the
    /// functions we need is missing.
    static func load(historyFile: String?) -> LibEditReader? {
        let names = ["libedit.so.2", "libedit.so", "libedit.3.dylib", "/usr/lib/libedit.dylib"]
        guard let lib = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(lib, name).map { unsafeBitCast($0, to: type) }
        }
        guard let install = symbol("rl_callback_handler_install", as: InstallFn.self),
            let remove = symbol("rl_callback_handler_remove", as: VoidFn.self),
            let readChar = symbol("rl_callback_read_char", as: VoidFn.self),
            let initialize = symbol("rl_initialize", as: (@convention(c) () -> Int32).self),
            let usingHistory = symbol("using_history", as: VoidFn.self),
            let addHistory = symbol("add_history", as: StringFn.self),
            let readHistory = symbol("read_history", as: StringFn.self),
            let writeHistory = symbol("write_history", as: StringFn.self),
            let truncate = symbol("history_truncate_file", as: TruncateFn.self)
        else {
            dlclose(lib)
            return nil
        }
        if let catchSignals = dlsym(lib, "rl_catch_signals") {
            catchSignals.assumingMemoryBound(to: Int32.self).pointee = 0
        }
        if let name = dlsym(lib, "rl_readline_name") {
            // For `$if baogao` sections of ~/.editrc; the string lives as long as the process.
            name.assumingMemoryBound(to: UnsafePointer<CChar>?.self).pointee = UnsafePointer(strdup("baogao"))
        }
        _ = initialize()
        if let bind = symbol("rl_parse_and_bind", as: StringFn.self) { redrawWithoutInsertOrDelete(bind) }
        usingHistory()
        symbol("stifle_history", as: StifleFn.self)?(historySize)
        if let historyFile { _ = readHistory(historyFile) }
        let reader = LibEditReader(
            install: install, remove: remove, readChar: readChar, addHistory: addHistory,
            writeHistory: writeHistory, truncateHistory: truncate, historyFile: historyFile)
        reader.lastRemembered = lastEntry(lib)
        return reader
    }

    /// Turns off libedit's use of the terminal's insert- and delete-character
    /// controls (terminfo ich/smir/dch: `ESC[2@`, `ESC[4h`, `ESC[2P`).
    ///
    /// Why: with them, libedit (3.1, 2022 and earlier) loses count of the cursor
    /// when it edits before a double-width character. Typing 政 at the start of
    /// 债务余额, it inserts two columns, writes 政债 and moves back over 债 with one
    /// backspace, not two: its line diff ends inside 债 and counts the half it did
    /// not write. The screen showed `政府 债 余额` with the cursor drifting right,
    /// while the line itself was right (issue 17). The locale was not the cause
    /// (`LineEditor.ensureUTF8Locale` sets LC_CTYPE before libedit starts, and its
    /// readline layer reads wide characters). Without these controls libedit
    /// rewrites the rest of the line and places the cursor by absolute column,
    /// which it counts right: a few more bytes a keystroke, on lines this short.
    /// Done after `rl_initialize` so that ~/.editrc cannot turn them back on.
    private static func redrawWithoutInsertOrDelete(_ bind: StringFn) {
        for capability in ["im", "ic", "IC", "dm", "dc", "DC"] {
            _ = bind("settc \(capability) \"\"")
        }
    }

    /// The newest history line (read from the file), so that repeating it in
    /// a new session does not store it twice. HIST_ENTRY starts with its line.
    private static func lastEntry(_ lib: UnsafeMutableRawPointer) -> String? {
        typealias GetFn = @convention(c) (Int32) -> UnsafeMutableRawPointer?
        guard let get = dlsym(lib, "history_get").map({ unsafeBitCast($0, to: GetFn.self) }),
            let length = dlsym(lib, "history_length")?.assumingMemoryBound(to: Int32.self).pointee,
            let base = dlsym(lib, "history_base")?.assumingMemoryBound(to: Int32.self).pointee,
            length > 0, let entry = get(base + length - 1),
            let line = entry.assumingMemoryBound(to: UnsafePointer<CChar>?.self).pointee
        else { return nil }
        return String(cString: line)
    }

    func read(prompt: String) -> LineEvent {
        Self.received.withLock { $0 = nil }
        _ = Interrupt.take()
        install(prompt) { line in
            // Called by libedit from inside readChar(), on this thread.
            let event: LineEvent
            if let line {
                event = .line(String(cString: line))
                free(line)
            } else {
                event = .end
            }
            LibEditReader.received.withLock { $0 = event }
        }
        defer { remove() }
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: Interrupt.wakeDescriptor, events: Int16(POLLIN), revents: 0)
            ]
            if poll(&fds, nfds_t(fds[1].fd >= 0 ? 2 : 1), -1) < 0 && errno != EINTR { return .end }
            if Interrupt.take() {
                writeOut("^C\n")
                return .interrupted
            }
            let input = fds[0].revents
            if input & Int16(POLLIN) != 0 {
                readChar()
                if let event = Self.received.withLock({ $0 }) { return event }
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .end
            }
        }
    }

    func remember(_ line: String) {
        guard !Whitespace.isBlank(line), line != lastRemembered else { return }
        lastRemembered = line
        _ = addHistory(line)
        // Written after every line, so a session that is killed keeps its history.
        if let historyFile { _ = writeHistory(historyFile) }
    }

    func close() {
        if let historyFile { _ = truncateHistory(historyFile, Self.historySize) }
    }

    private func writeOut(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }
}
