import Foundation

/// Any JSON value, read strictly enough to tell `true` from `1` (JSONSerialization
/// on Linux does not), so a snapshot can say which type each key has.
indirect enum JSONValue: Decodable {
    case null, bool, number, string
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if (try? c.decode(Bool.self)) != nil {
            self = .bool
        } else if (try? c.decode(Double.self)) != nil {
            self = .number
        } else if (try? c.decode(String.self)) != nil {
            self = .string
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    init(json: [UInt8]) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(json))
    }
}

/// The key structure of JSON values: one line per path, `hits[].lines: array`,
/// naming every type the path took (`null|string` where it was sometimes
/// unknown). Values are left out, so a snapshot holds through took_ms, scores and
/// text, and breaks only when a key or a type changes.
struct JSONShape: Equatable {
    private(set) var types: [String: Set<String>] = [:]

    init(_ values: [JSONValue]) {
        for v in values { add(v, at: "") }
    }

    private mutating func add(_ v: JSONValue, at path: String) {
        switch v {
        case .null: types[path, default: []].insert("null")
        case .bool: types[path, default: []].insert("bool")
        case .number: types[path, default: []].insert("number")
        case .string: types[path, default: []].insert("string")
        case .array(let items):
            types[path, default: []].insert("array")
            for item in items { add(item, at: path + "[]") }
        case .object(let fields):
            types[path, default: []].insert("object")
            for (key, value) in fields { add(value, at: path + "." + key) }
        }
    }

    /// The snapshot text: sorted lines `path: type|type`.
    var text: String {
        types.keys.sorted().map { path in
            (path.isEmpty ? "." : path) + ": " + types[path]!.sorted().joined(separator: "|")
        }.joined(separator: "\n") + "\n"
    }

    /// Every object key at any depth: what the documents list.
    var keyNames: Set<String> {
        Set(
            types.keys.compactMap { path in
                path.split(separator: ".").last.map { String($0.replacingOccurrences(of: "[]", with: "")) }
            }.filter { !$0.isEmpty })
    }
}
