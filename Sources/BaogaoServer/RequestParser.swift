import BaogaoIngest
import BaogaoQuery
import Foundation

/// Turns one request line (without its line ending) into a `Request`, or says
/// precisely what is wrong with it. Two forms (PROTOCOL.md, "Requests"):
///
///     SEARCH LIMIT=5 OFFSET=10 ID=7 三保
///     {"op":"search","q":"三保","limit":5,"offset":10,"id":7}
///
/// In the text form, options come right after the command, each `NAME=value`
/// with NAME one of LIMIT, OFFSET, ID in capitals; the first word that is not
/// such an option starts the argument, and `--` ends the options explicitly
/// (`SEARCH -- LIMIT=5` searches for the text "LIMIT=5"). The query language
/// has no capitalised `NAME=` operators, so any query can be sent, with `--`
/// in front when it happens to start like an option.
public enum RequestParser {
    /// Parses a line whose bytes were already checked to be UTF-8.
    public static func parse(_ line: String) -> Result<Request, ParseFailure> {
        let trimmed = line.drop(while: isSeparator)
        if trimmed.first == "{" { return parseJSON(Substring(trimmed)) }
        return parseText(Substring(trimmed))
    }

    /// What separates the words of the text form: a space or a tab, the protocol's
    /// own rule (as `LineFramer`'s blank line is) — not every kind of `Whitespace`,
    /// so an ideographic space inside a query stays the query's, for its lexer to read.
    private static func isSeparator(_ c: Character) -> Bool { c == " " || c == "\t" }

    /// A request that could not be parsed, with the id when one was read
    /// before the problem (so the error can still be matched to it).
    public struct ParseFailure: Error, Sendable, Equatable {
        public var error: ProtocolError
        public var id: RequestID?
    }

    // MARK: Text form

    private static func parseText(_ line: Substring) -> Result<Request, ParseFailure> {
        let nameEnd = line.firstIndex(where: isSeparator) ?? line.endIndex
        let name = line[..<nameEnd]
        guard let command = Command(rawValue: name.uppercased()) else {
            let shown = name.count > 40 ? name.prefix(40) + "…" : name
            return .failure(
                ParseFailure(error: ProtocolError(.unknownCommand, "unknown command \(shown); try PING, SEARCH <query>, STATS")))
        }
        var request = Request(command: command)
        var rest = line[nameEnd...].drop(while: isSeparator)
        // Options: only where they can mean something, so AUTH's token and
        // GET's id are never taken apart.
        while !rest.isEmpty {
            let wordEnd = rest.firstIndex(where: isSeparator) ?? rest.endIndex
            let word = rest[..<wordEnd]
            if word == "--" {
                rest = rest[wordEnd...].dropFirst()
                break
            }
            guard command != .auth, let eq = word.firstIndex(of: "="),
                let option = Option(rawValue: String(word[..<eq]))
            else { break }
            let value = word[word.index(after: eq)...]
            if let error = apply(option, value: value, to: &request) {
                return .failure(ParseFailure(error: error, id: request.id))
            }
            rest = rest[wordEnd...].drop(while: isSeparator)
        }
        request.argument = String(command == .auth ? rest : rest.trimmingSuffix(while: isSeparator))
        return validate(request)
    }

    private enum Option: String {
        case limit = "LIMIT", offset = "OFFSET", id = "ID"
    }

    private static func apply(_ option: Option, value: Substring, to request: inout Request) -> ProtocolError? {
        switch option {
        case .id:
            guard !value.isEmpty else { return ProtocolError(.badRequest, "ID= needs a value") }
            request.id = Int(value).map(RequestID.number) ?? .string(String(value))
        case .limit, .offset:
            guard let n = Int(value), n >= 0 else {
                return ProtocolError(.badRequest, "\(option.rawValue) must be a whole number ≥ 0, not \(value)")
            }
            if option == .limit { request.limit = n } else { request.offset = n }
        }
        return nil
    }

    // MARK: JSON form

    private struct JSONRequest: Decodable {
        var op: String?
        var q: String?
        var limit: Int?
        var offset: Int?
        var id: JSONID?
    }

    private enum JSONID: Decodable {
        case number(Int), string(String)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                self = .number(n)
                return
            }
            self = .string(try c.decode(String.self))
        }
    }

    private static func parseJSON(_ line: Substring) -> Result<Request, ParseFailure> {
        let decoded: JSONRequest
        do {
            decoded = try JSONDecoder().decode(JSONRequest.self, from: Data(line.utf8))
        } catch {
            return .failure(
                ParseFailure(
                    error: ProtocolError(.badRequest, "not a valid JSON request object (need {\"op\": …}); \(describe(error))")))
        }
        let id: RequestID? =
            switch decoded.id {
            case .number(let n): .number(n)
            case .string(let s): .string(s)
            case nil: nil
            }
        guard let op = decoded.op else {
            return .failure(ParseFailure(error: ProtocolError(.badRequest, "the JSON request has no \"op\""), id: id))
        }
        guard let command = Command(rawValue: op.uppercased()) else {
            return .failure(
                ParseFailure(error: ProtocolError(.unknownCommand, "unknown op \(StreamingJSONEncoder.quoted(op))"), id: id))
        }
        if let n = decoded.limit ?? decoded.offset, n < 0 {
            return .failure(ParseFailure(error: ProtocolError(.badRequest, "limit and offset must be ≥ 0"), id: id))
        }
        return validate(
            Request(
                command: command, argument: decoded.q ?? "", limit: decoded.limit,
                offset: decoded.offset, id: id))
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\""
        default:
            return "malformed JSON"
        }
    }

    // MARK: Both forms

    private static func validate(_ request: Request) -> Result<Request, ParseFailure> {
        let c = request.command
        if c.takesArgument && Whitespace.isBlank(request.argument) {
            let what = c == .get ? "a paragraph id" : c == .auth ? "a token" : "a query"
            return .failure(ParseFailure(error: ProtocolError(.badRequest, "\(c.rawValue) needs \(what)"), id: request.id))
        }
        if !c.allowsArgument && !request.argument.isEmpty {
            return .failure(ParseFailure(error: ProtocolError(.badRequest, "\(c.rawValue) takes no argument"), id: request.id))
        }
        if !c.takesPage && (request.limit != nil || request.offset != nil) {
            return .failure(
                ParseFailure(error: ProtocolError(.badRequest, "\(c.rawValue) takes no LIMIT or OFFSET"), id: request.id))
        }
        return .success(request)
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
