import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C at the REPL: a SIGINT handler that sets a flag and writes a byte to
/// a pipe (the self-pipe trick). The line editor polls that pipe beside stdin,
/// so Ctrl-C wakes it even when the signal lands while libedit is busy and not
/// in our poll (libedit retries a read interrupted by a signal, and an EINTR
/// alone would be lost); a running command is abandoned by `Interrupt.run`
/// when the flag goes up. Nothing else is safe in a signal handler.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)
    private static let wakeWrite = Atomic<Int32>(-1)
    private static let wakeRead = Atomic<Int32>(-1)

    /// The read end of the pipe Ctrl-C writes to, or -1 before `install`.
    static var wakeDescriptor: Int32 { wakeRead.load(ordering: .relaxed) }

    /// Installs the handler (interactive sessions only: a script stopped with
    /// Ctrl-C should simply end). No SA_RESTART, so a blocked poll or read
    /// returns EINTR and the REPL can react at once.
    static func install() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakeRead.store(fds[0], ordering: .relaxed)
            wakeWrite.store(fds[1], ordering: .relaxed)
        }
        _ = flag.load(ordering: .relaxed)  // initialise the globals outside the handler
        let handler: @convention(c) (Int32) -> Void = { _ in
            Interrupt.flag.store(true, ordering: .relaxed)
            var byte: UInt8 = 1
            let fd = Interrupt.wakeWrite.load(ordering: .relaxed)
            if fd >= 0 { _ = write(fd, &byte, 1) }
        }
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Reads and clears the flag, and empties the wake-up pipe.
    static func take() -> Bool {
        let fd = wakeDescriptor
        if fd >= 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            while read(fd, &buffer, buffer.count) > 0 {}
        }
        return flag.exchange(false, ordering: .relaxed)
    }

    /// Runs `work` on another thread and waits for it, unless Ctrl-C comes
    /// first: then it returns nil at once and the work's result is dropped when
    /// it finishes (the engine has no cancellation points, and a search is
    /// read-only, so letting it run out is harmless).
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        _ = take()
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            let value = work()
            box.value.withLock { $0 = value }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if take() { return nil }
        }
        return box.value.withLock { $0 }
    }
}

/// Where the worker thread leaves its result (a class, so the closure can share it).
private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
