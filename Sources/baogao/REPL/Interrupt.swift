#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Ctrl-C at the REPL: a SIGINT handler that only sets a flag. The line editor
/// sees the flag when its wait for input is interrupted and clears the line;
/// a running command is abandoned by `Interrupt.run` when the flag goes up.
/// Nothing else is safe in a signal handler, and nothing else is needed.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Installs the handler (interactive sessions only: a script stopped with
    /// Ctrl-C should simply end). No SA_RESTART, so a blocked poll or read
    /// returns EINTR and the REPL can react at once.
    static func install() {
        _ = flag.load(ordering: .relaxed)  // initialise the global outside the handler
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Reads and clears the flag.
    static func take() -> Bool { flag.exchange(false, ordering: .relaxed) }

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
