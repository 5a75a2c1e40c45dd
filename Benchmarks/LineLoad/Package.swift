// swift-tools-version: 6.0
//
// A load generator for `baogao serve` (PROTOCOL.md). Its own package so CI,
// which builds the main package, never builds it. It speaks the protocol over
// plain sockets, as any client would, so it needs nothing from the main
// package; run it against a release `baogao serve` (see README.md).
import PackageDescription

let package = Package(
    name: "LineLoad",
    targets: [
        .executableTarget(name: "LineLoad", swiftSettings: [.unsafeFlags(["-Ounchecked"])])
    ],
    // A throwaway top-level script with threads: Swift 5 mode spares it the
    // main-actor isolation of top-level globals.
    swiftLanguageModes: [.v5]
)
