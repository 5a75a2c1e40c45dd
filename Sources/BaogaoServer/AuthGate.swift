/// Authentication as a state machine of its own: whether this connection has
/// shown the server's token, and what a request may do before it has.
///
/// Consulted for every request before it is answered, so with a token set
/// nothing but AUTH and QUIT is answered, and no request reaches a query
/// thread, until the token was given.
struct AuthGate: Sendable, Equatable {
    private enum State: Sendable, Equatable {
        case awaitingToken([UInt8])
        case open
    }

    /// What to do with a request, decided by the gate.
    enum Verdict: Sendable, Equatable {
        /// Go ahead: answer it as the protocol says.
        case pass
        /// AUTH accepted (or no token was set): answer `authenticated`.
        case authenticated
        /// Answer `unauthorized` with this message, then close.
        case refuse(String)
    }

    private var state: State

    init(token: [UInt8]?) {
        state = token.map(State.awaitingToken) ?? .open
    }

    var isOpen: Bool { state == .open }

    mutating func admit(_ request: ClientRequest) -> Verdict {
        switch (state, request) {
        case (_, .control(let c)) where c.kind == .quit:
            return .pass
        case (.open, .control(let c)):
            if case .auth = c.kind { return .authenticated }
            return .pass
        case (.open, .query):
            return .pass
        case (.awaitingToken(let token), .control(let c)):
            guard case .auth(let given) = c.kind else { return .refuse("send AUTH <token> first") }
            guard TokenComparison.equal(Array(given.utf8), token) else { return .refuse("wrong token") }
            state = .open
            return .authenticated
        case (.awaitingToken, .query):
            return .refuse("send AUTH <token> first")
        }
    }
}
