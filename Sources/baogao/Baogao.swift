import ArgumentParser

@main
struct Baogao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baogao",
        abstract: "Search and ask questions of Chinese government budget reports.",
        subcommands: [SearchCommand.self, FactsCommand.self, IndexCommand.self, StatsCommand.self, ParagraphsCommand.self,
                      AskCommand.self, DefineCommand.self, MentionsCommand.self])
}
