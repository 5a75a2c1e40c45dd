/// Authentication as a state machine of its own: whether this connection has
/// shown the server's token, and what a request may do before it has.
///
/// Consulted for every request before it is answered, so with a token set
/// nothing but AUTH and QUIT is answered, and no request reaches a query
/// thread, until the token was given.
struct AuthGate: Sendable, Equatable {
    /// What to do with a request, decided by the gate.
    enum Verdict: Sendable, Equatable {
        /// Go ahead: answer it as the protocol says.
        case pass
        /// AUTH accepted (or no token was set): answer `authenticated`.
        case authenticated
        /// Answer `unauthorized` with this message, then close.
        case refuse(String)
    }

    /// nil: the server has no token, and AUTH is accepted and does nothing.
    private let token: [UInt8]?
    private(set) var isOpen: Bool

    init(token: [UInt8]?) {
        self.token = token
        self.isOpen = token == nil
    }

    mutating func admit(_ request: ClientRequest) -> Verdict {
        guard case .control(let control) = request else {
            return isOpen ? .pass : .refuse("send AUTH <token> first")
        }
        switch control.kind {
        case .quit:
            return .pass
        case .auth(let given):
            guard let token else { return .authenticated }
            // Every AUTH is checked, a later one too: a wrong token closes
            // the connection whenever it is sent (PROTOCOL.md).
            guard TokenComparison.equal(Array(given.utf8), token) else { return .refuse("wrong token") }
            isOpen = true
            return .authenticated
        case .ping, .reload:
            return isOpen ? .pass : .refuse("send AUTH <token> first")
        }
    }
}
