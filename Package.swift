// swift-tools-version: 6.0
//
// Baogao's targets follow the layers of the architecture (ARCHITECTURE.md);
// dependencies point one way, downwards:
//
//   baogao (CLI + REPL) ─► BaogaoServer ─► BaogaoQuery ─► BaogaoIndex ─► BaogaoAnalysis ─► BaogaoIngest ─► CICU, CLibXML2, CLibZip
//                                                         BaogaoIndex ─► CDeflate, CZstd
//
//   baogao-corpus ─► BaogaoCorpusGenerator      (stands apart: Foundation only, no engine layer;
//                                                the tests and benchmarks use it to make corpora)
//
import PackageDescription

let icu: [LinkerSetting] = [
    .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")
]

let package = Package(
    name: "Baogao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "baogao", targets: ["baogao"]),
        // The engine's layers, for the benchmarks package (Benchmarks/) and other tools.
        .library(name: "BaogaoQuery", targets: ["BaogaoQuery"]),
        .library(name: "BaogaoIndex", targets: ["BaogaoIndex"]),
        .library(name: "BaogaoAnalysis", targets: ["BaogaoAnalysis"]),
        .library(name: "BaogaoIngest", targets: ["BaogaoIngest"]),
        .library(name: "BaogaoCorpusGenerator", targets: ["BaogaoCorpusGenerator"]),
        .executable(name: "baogao-corpus", targets: ["baogao-corpus"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2")
    ],
    targets: [
        // A plain-C view of system ICU (libicu-dev): word breaks, NFKC, Traditional→Simplified, GB18030.
        .target(name: "CICU", linkerSettings: icu),
        // CRC-32 and Adler-32 from the system libdeflate (libdeflate-dev), for index checksums and corpus fingerprints.
        .target(name: "CDeflate", linkerSettings: [.linkedLibrary("deflate")]),
        // The system libzstd (libzstd-dev): the paragraph store's blocks and their per-segment dictionary.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // The system libxml2 (libxml2-dev, MIT): its tolerant HTML parser reads web-page reports.
        // Behind a plain-C header, since libxml2's headers bring ICU's (see CICU); the
        // system module only gives the C file libxml2's include path and library.
        .systemLibrary(name: "CLibXML2System", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2", dependencies: ["CLibXML2System"]),
        // One member of a ZIP archive from the system libzip (libzip-dev, BSD): Word .docx files.
        .target(name: "CLibZip", linkerSettings: [.linkedLibrary("zip")]),
        // Files → decoded text → cleaned lines → cited paragraphs with report metadata.
        .target(name: "BaogaoIngest", dependencies: ["CICU", "CLibXML2", "CLibZip"]),
        // Paragraph text → normalised text with an offset map, tokens, number facts.
        .target(name: "BaogaoAnalysis", dependencies: ["CICU", "BaogaoIngest"]),
        // Segments on disk: writer, reader, manifest and commit, merge.
        .target(name: "BaogaoIndex", dependencies: ["CDeflate", "CZstd", "BaogaoAnalysis", "BaogaoIngest"]),
        // Query language, execution, ranking, snippets, facts and answers.
        .target(name: "BaogaoQuery", dependencies: ["BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest"]),
        // The line-protocol server (PROTOCOL.md) over SwiftNIO: parsing, limits, the pipeline.
        .target(
            name: "BaogaoServer",
            dependencies: [
                "BaogaoQuery", "BaogaoIndex", "BaogaoIngest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log")
            ]),
        // The command-line tool and the REPL.
        .executableTarget(
            name: "baogao",
            dependencies: [
                "BaogaoQuery", "BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest", "BaogaoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log")
            ]),
        // Synthetic reports of many regions and years from the seed reports in Corpus/,
        // deterministic for a seed; independent of the engine, which it is made to test.
        .target(name: "BaogaoCorpusGenerator"),
        // The generator on the command line (Scripts/bench-index).
        .executableTarget(
            name: "baogao-corpus",
            dependencies: ["BaogaoCorpusGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // The question sets' rows, counts and scoring, shared by the in-process and the
        // CLI tests so that both score answers by one rule.
        .target(name: "QuestionSetSupport", path: "Tests/QuestionSetSupport"),
        .testTarget(name: "CICUTests", dependencies: ["CICU"]),
        // The corpus generator's PDFWriter makes the PDFs the readers are tested on.
        .testTarget(name: "BaogaoIngestTests", dependencies: ["BaogaoIngest", "BaogaoCorpusGenerator"]),
        .testTarget(name: "BaogaoAnalysisTests", dependencies: ["BaogaoAnalysis", "BaogaoIngest", "BaogaoCorpusGenerator"]),
        .testTarget(
            name: "BaogaoIndexTests", dependencies: ["BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest", "BaogaoCorpusGenerator"]),
        .testTarget(
            name: "BaogaoQueryTests",
            dependencies: [
                "BaogaoQuery", "BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest", "BaogaoCorpusGenerator", "QuestionSetSupport"
            ]),
        // Reads what the generator writes back with the engine's ReportReader.
        .testTarget(name: "BaogaoCorpusGeneratorTests", dependencies: ["BaogaoCorpusGenerator", "BaogaoIngest"]),
        .testTarget(
            name: "BaogaoServerTests",
            dependencies: [
                "BaogaoServer", "BaogaoQuery", "BaogaoIndex", "BaogaoIngest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log")
            ]),
        // Runs the built `baogao` executable as a subprocess (pipes and a pseudo-terminal);
        // it finds the binary in the build folder and links none of the package's targets.
        .testTarget(name: "BaogaoCLITests", dependencies: ["BaogaoCorpusGenerator", "QuestionSetSupport"])
    ]
)
