import Synchronization

/// A table of a segment decoded the first time something reads it, once,
/// whichever thread asks first (the others wait for it): opening a segment
/// decodes none of the tables a search does not read. Damage found while
/// decoding is kept and thrown to every later reader, so a damaged table is
/// neither decoded again nor half used.
final class OnFirstUse<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, IndexError>?>(nil)

    /// Whether the value (or its damage) is known: for tests of what open reads.
    var isDecoded: Bool { state.withLock { $0 != nil } }

    /// The value, made by `make` if nobody has made it yet.
    func value(_ make: () throws(IndexError) -> Value) throws(IndexError) -> Value {
        let result = state.withLock { state -> Result<Value, IndexError> in
            if let state { return state }
            let made: Result<Value, IndexError>
            do throws(IndexError) { made = .success(try make()) } catch { made = .failure(error) }
            state = made
            return made
        }
        return try result.get()
    }
}

/// The same for each of a table's records, decoded one at a time: a search
/// reads the records of the few hits it shows, of thousands. Kept by index in
/// a dictionary, so that what is held grows with what is read, not with the table.
final class OnFirstUseEach<Value: Sendable>: Sendable {
    private let state = Mutex<[Int: Result<Value, IndexError>]>([:])

    /// How many records are decoded (or found damaged), for tests.
    var decodedCount: Int { state.withLock { $0.count } }

    /// Record `i`, made by `make` if nobody has made it yet.
    func value(_ i: Int, _ make: () throws(IndexError) -> Value) throws(IndexError) -> Value {
        let result = state.withLock { state -> Result<Value, IndexError> in
            if let known = state[i] { return known }
            let made: Result<Value, IndexError>
            do throws(IndexError) { made = .success(try make()) } catch { made = .failure(error) }
            state[i] = made
            return made
        }
        return try result.get()
    }
}
