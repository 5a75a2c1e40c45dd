import BaogaoQuery

/// A command that failed, with the message to show (no "error:" prefix).
struct ReplFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    /// Ctrl-C stopped the command: said quietly, not counted as a failure.
    var isInterruption = false

    init(_ message: String) { self.message = message }

    /// An engine failure as the REPL shows it: a syntax error with the caret
    /// under the offending character, anything else by its description.
    init(_ error: SearchError) {
        if case .syntax(let e) = error {
            self.init(e.message + "\n" + e.rendered)
        } else {
            self.init(error.description)
        }
    }

    static let interrupted: ReplFailure = {
        var f = ReplFailure("interrupted")
        f.isInterruption = true
        return f
    }()

    var description: String { message }
}
