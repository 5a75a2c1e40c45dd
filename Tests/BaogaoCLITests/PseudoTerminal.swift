import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `baogao` on a pseudo-terminal, as a person sees it: a child in its own
/// session with the pty as its controlling terminal (so Ctrl-C typed into it
/// raises SIGINT, as in a real terminal), driven by writing keys and waiting
/// for text on the screen.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    /// Everything the program wrote, escape sequences included.
    private(set) var screen = ""
    private var bytes: [UInt8] = []
    let columns: Int

    init(_ arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0, let name = ttyname(slave) else {
            throw TestIndexError(message: "openpty failed: errno \(errno)")
        }
        let slaveName = String(cString: name)
        self.master = master
        self.columns = Int(columns)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session; opening the slave then makes it the controlling terminal.
        // POSIX_SPAWN_SETSID (glibc 2.26) is 0x80; Swift does not import the macro.
        posix_spawnattr_setflags(&attributes, 0x80)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let executable = try BaogaoProcess.executable
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(slave)
        guard rc == 0 else { throw TestIndexError(message: "posix_spawn failed: \(rc)") }
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types `keys` (UTF-8; "\u{3}" is Ctrl-C, "\u{4}" Ctrl-D, "\u{1B}[A" up, "\u{1B}[D" left).
    func type(_ keys: String) {
        _ = keys.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Waits until the screen, after position `from`, contains `text`; the screen since `from`.
    @discardableResult
    func waitFor(
        _ text: String, after from: String.Index? = nil, timeout: Double = 10,
        file: StaticString = #filePath, line: UInt = #line
    ) -> Substring {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let tail = screen[(from ?? screen.startIndex)...]
            if tail.contains(text) { return tail }
            guard Date() < deadline, pump(until: deadline) else {
                try? screen.write(toFile: NSTemporaryDirectory() + "baogao-pty-timeout.txt", atomically: true, encoding: .utf8)
                XCTFail(
                    "timed out waiting for \(text.debugDescription); the screen:\n\(screen.debugDescription)", file: file,
                    line: line)
                return tail
            }
        }
    }

    /// Waits for the prompt to come back after the last `marker` on the screen.
    /// Keys typed before it reach a terminal in cooked mode, where Ctrl-D is
    /// the line discipline's end of file and never reaches libedit.
    func waitForPrompt(after marker: String, file: StaticString = #filePath, line: UInt = #line) {
        waitFor("baogao> ", after: screen.range(of: marker, options: .backwards)?.upperBound, file: file, line: line)
    }

    /// Waits until `condition` holds of the screen since `from` as a terminal
    /// shows it (see `TerminalScreen`); that screen, the last one seen on a time-out.
    @discardableResult
    func waitForScreen(
        after from: String.Index? = nil, timeout: Double = 10,
        _ condition: (TerminalScreen) -> Bool
    ) -> TerminalScreen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var view = TerminalScreen(columns: columns)
            view.feed(String(screen[(from ?? screen.startIndex)...]))
            if condition(view) || Date() >= deadline || !pump(until: deadline) { return view }
        }
    }

    /// Waits for the program to end; its exit status.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
            _ = pump(until: Date().addingTimeInterval(0.05))
        }
        try? screen.write(toFile: NSTemporaryDirectory() + "baogao-pty-noexit.txt", atomically: true, encoding: .utf8)
        return nil
    }

    /// Reads what is there (waiting at most until `deadline`); false at end of output.
    private func pump(until deadline: Date) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, min(100, deadline.timeIntervalSinceNow * 1000)))
        guard poll(&fds, 1, ms) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        bytes.append(contentsOf: buffer[..<n])
        screen = String(decoding: bytes, as: UTF8.self)
        return true
    }

    var end: String.Index { screen.endIndex }
}
