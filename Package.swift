// swift-tools-version: 6.0
//
// Baogao's targets follow the layers of the architecture (ARCHITECTURE.md);
// dependencies point one way, downwards:
//
//   baogao (CLI + REPL) ─► BaogaoServer ─► BaogaoQuery ─► BaogaoIndex ─► BaogaoAnalysis ─► BaogaoIngest ─► CICU
//
import PackageDescription

let icu: [LinkerSetting] = [
    .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
]

let package = Package(
    name: "Baogao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "baogao", targets: ["baogao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // A plain-C view of system ICU (libicu-dev): word breaks, NFKC, Traditional→Simplified, GB18030.
        .target(name: "CICU", linkerSettings: icu),
        // CRC-32 and deflate from the system zlib (zlib1g-dev), for index checksums and the paragraph store.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        // Files → decoded text → cleaned lines → cited paragraphs with report metadata.
        .target(name: "BaogaoIngest", dependencies: ["CICU"]),
        // Paragraph text → normalised text with an offset map, tokens, number facts.
        .target(name: "BaogaoAnalysis", dependencies: ["CICU", "BaogaoIngest"]),
        // Segments on disk: writer, reader, manifest and commit, merge.
        .target(name: "BaogaoIndex", dependencies: ["CZlib", "BaogaoAnalysis", "BaogaoIngest"]),
        // Query language, execution, ranking, snippets, facts and answers.
        .target(name: "BaogaoQuery", dependencies: ["BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest"]),
        // The command-line tool and the REPL.
        .executableTarget(
            name: "baogao",
            dependencies: [
                "BaogaoQuery", "BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "CICUTests", dependencies: ["CICU"]),
        .testTarget(name: "BaogaoIngestTests", dependencies: ["BaogaoIngest"]),
        .testTarget(name: "BaogaoAnalysisTests", dependencies: ["BaogaoAnalysis", "BaogaoIngest"]),
        .testTarget(name: "BaogaoIndexTests", dependencies: ["BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest"]),
        .testTarget(name: "BaogaoQueryTests", dependencies: ["BaogaoQuery", "BaogaoIndex", "BaogaoAnalysis", "BaogaoIngest"]),
        // Runs the built `baogao` executable as a subprocess (pipes and a pseudo-terminal);
        // it finds the binary in the build folder and links none of the package's targets.
        .testTarget(name: "BaogaoCLITests"),
    ]
)
