import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `baogao repl`, and `baogao` with no arguments: the interactive front door.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Search, page through and open results interactively (the default command).",
        discussion: """
            On a terminal: line editing, history in ~/.baogao_history, colour, Ctrl-C to clear \
            the line or stop a query, Ctrl-D or :quit to leave. The index is built or updated \
            first when it is missing or older than the corpus.

            With standard input not a terminal, runs one command per line with no prompt, \
            and exits with status 2 if any command failed (each error is reported on stderr \
            with its line number). Type :help in the REPL for its commands.
            """)

    @OptionGroup var corpus: CorpusLocation
    @OptionGroup var location: IndexLocation
    @OptionGroup var colors: ColorOption

    @Flag(help: "Print JSON lines instead of text (:json switches inside the REPL).")
    var json = false

    @Option(help: "Hits per page.")
    var pageSize = 10

    func run() throws {
        guard pageSize > 0 else { throw ValidationError("--page-size must be at least 1") }
        let interactive = isatty(STDIN_FILENO) == 1
        let options = Repl.Options(
            index: location.index, corpus: corpus.corpus, interactive: interactive,
            color: colors.color == .auto ? interactive && colors.enabled : colors.enabled, width: ScreenWidth.columns(),
            json: json, pageSize: pageSize)
        let repl = Repl(options: options)
        repl.prepareIndex()
        let reader: LineReader
        if interactive {
            Interrupt.install()
            reader = LineEditor.forTerminal(historyFile: LineEditor.defaultHistoryFile())
        } else {
            reader = PlainLineReader(prompting: false)
        }
        let status = repl.run(reader)
        if status != 0 { throw ExitCode(status) }
    }
}
