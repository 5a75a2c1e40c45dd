/// Which slice of a ranked list a command returns: LIMIT and OFFSET of the
/// server, `--limit`/`--offset` of the CLI, the REPL's page size.
public struct Page: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int = 10, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }
}
