// swift-tools-version: 6.0
//
// Benchmarks, kept out of the main package so that building and testing Baogao
// never builds them. See BENCHMARKS.md for how to run them and what they measured.
import PackageDescription

let package = Package(
    name: "BaogaoBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder name.
        .package(name: "Baogao", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "baogao-bench",
            dependencies: [
                .product(name: "BaogaoQuery", package: "Baogao"),
                .product(name: "BaogaoIndex", package: "Baogao"),
                .product(name: "BaogaoAnalysis", package: "Baogao"),
                .product(name: "BaogaoIngest", package: "Baogao")
            ])
    ]
)
