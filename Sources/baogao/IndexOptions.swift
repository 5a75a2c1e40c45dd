import ArgumentParser
import BaogaoIngest
import BaogaoQuery

/// `--index DIR`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index folder.", valueName: "dir"))
    var index = "Index"

    /// The index opened for a command; one that cannot be opened ends the command
    /// with the reason.
    func openEngine() throws -> Engine {
        try Terminal.orFail { try Engine.open(path: index) }
    }
}

/// `--corpus DIR`, for the commands that (re)build an index.
struct CorpusLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of report files (.txt, .md) to index.", valueName: "dir"))
    var corpus = "Corpus"
}

/// `--max-file-mb N`, for the commands that read report files.
struct FileSizeLimit: ParsableArguments {
    @Option(
        name: .customLong("max-file-mb"),
        help: ArgumentHelp(
            "Skip report files larger than this many MiB: reading one takes about seven times its size in memory.",
            valueName: "n"))
    var megabytes = ReportReader.defaultSizeLimit >> 20

    func validate() throws {
        guard megabytes > 0, megabytes <= 1 << 20 else {
            throw ValidationError("--max-file-mb must be between 1 and 1048576, not \(megabytes)")
        }
    }

    var bytes: Int { megabytes << 20 }
}
