import Foundation

// Baogao's benchmarks; BENCHMARKS.md records the commands and the figures.
//
//   baogao-bench search INDEX_DIR [ROUNDS] [CLASS]   search latency per query class
//   baogao-bench stages CORPUS_DIR [ROUNDS]          ingestion and analysis MB/s, one core
//   baogao-bench paragraphs INDEX_DIR [READS]        one stored paragraph read, cold and cached
//   baogao-bench queries INDEX_DIR FILE [ROUNDS]     p50/p99 per kind of a `kind \t query` file (Benchmarks/peer)
//
// Build and run with: swift run -c release --package-path Benchmarks baogao-bench …

let args = CommandLine.arguments
do {
    switch args.count >= 3 ? args[1] : "" {
    case "search": try searchBenchmark(args)
    case "stages": try stageBenchmark(args)
    case "paragraphs": try paragraphBenchmark(args)
    case "queries": try queryFileBenchmark(args)
    default:
        FileHandle.standardError.write(
            Data(
                "usage: baogao-bench search INDEX_DIR [ROUNDS] [CLASS] | stages CORPUS_DIR [ROUNDS] | paragraphs INDEX_DIR [READS] | queries INDEX_DIR FILE [ROUNDS]\n"
                    .utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("baogao-bench: \(error)\n".utf8))
    exit(1)
}
