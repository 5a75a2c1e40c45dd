import ArgumentParser

@main
struct Baogao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baogao",
        abstract: "Search and ask questions of Chinese government budget reports.",
        subcommands: [ReplCommand.self, SearchCommand.self, FactsCommand.self, AskCommand.self, DefineCommand.self,
                      MentionsCommand.self, IndexCommand.self, StatsCommand.self, ParagraphsCommand.self,
                      ServeCommand.self],
        // `baogao` alone opens the REPL: the front door needs no flags.
        defaultSubcommand: ReplCommand.self)
}
