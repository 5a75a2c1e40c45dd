/// Why no corpus could be written.
public enum CorpusGeneratorError: Error, Sendable, CustomStringConvertible {
    case unreadableSeeds(directory: String, reason: String)
    case noUsableSeeds(directory: String, skipped: [SeedProblem])
    case invalidOptions(String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableSeeds(let directory, let reason):
            return "cannot read the seeds folder \(directory): \(reason)"
        case .noUsableSeeds(let directory, let skipped):
            let why = skipped.isEmpty ? "it has no .txt files" : skipped.map(\.description).joined(separator: "; ")
            return "no usable seed report in \(directory): \(why)"
        case .invalidOptions(let message):
            return message
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

/// Why a seed file cannot serve as a template.
public struct SeedProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}
