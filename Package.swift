// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "winnow",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["WinnowCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "WinnowPCRE2", dependencies: ["CPCRE2"]),
        .target(name: "WinnowRules", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "Winnow",
            dependencies: ["WinnowPCRE2", "WinnowRules"],
            plugins: ["EmbedRulesPlugin"]
        ),
        .executableTarget(
            name: "WinnowCLI",
            dependencies: ["Winnow", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "winnow-embed-rules", dependencies: ["WinnowRules"], path: "Sources/WinnowEmbedRules"),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["winnow-embed-rules"],
            path: "Sources/EmbedRulesPlugin"
        ),
        .testTarget(name: "WinnowPCRE2Tests", dependencies: ["WinnowPCRE2"]),
        .testTarget(name: "WinnowTests", dependencies: ["Winnow", "WinnowRules"]),
        .testTarget(name: "WinnowCLITests", dependencies: ["WinnowCLI", "Winnow"]),
    ]
)
