import ArgumentParser

/// `--index DIR`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index folder.", valueName: "dir"))
    var index = "Index"
}

/// `--corpus DIR`, for the commands that (re)build an index.
struct CorpusLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of report files (.txt, .md) to index.", valueName: "dir"))
    var corpus = "Corpus"
}
