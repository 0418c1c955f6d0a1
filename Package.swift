// swift-tools-version: 6.1
import PackageDescription

// `make fuzz` builds with NORMFOLIO_FUZZ set: the core library gets libFuzzer's coverage
// instrumentation and AddressSanitizer, and the fuzz executable libFuzzer's driver.
let fuzzing = Context.environment["NORMFOLIO_FUZZ"] != nil
let fuzzFlags: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("NORMFOLIO_FUZZ")] : []

let package = Package(
    name: "normfolio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "normfolio", targets: ["normfolio"]),
        .library(name: "NormfolioKit", targets: ["NormfolioKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libxml2's HTML parser, found through pkg-config: raw HTML in Markdown is parsed, never matched.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libxlsxwriter, found through pkg-config: the Excel workbook export/portfolio.xlsx.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // Turns the built-in theme (Templates/, Public/) and the catalogue into Swift source.
        .executableTarget(name: "EmbedTool", path: "Sources/EmbedTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .target(
            name: "NormfolioKit",
            dependencies: [
                "CCmark",
                "CLibXML2",
                "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            exclude: ["Catalog/normenkader.yml"],
            swiftSettings: fuzzFlags,
            plugins: ["EmbedResources"]
        ),
        // The live preview of `normfolio serve`: an HTTP server kept apart from the core library.
        .target(
            name: "NormfolioServe",
            dependencies: ["NormfolioKit"],
            swiftSettings: fuzzFlags
        ),
        .target(
            name: "NormfolioCLI",
            dependencies: [
                "NormfolioKit",
                "NormfolioServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "normfolio", dependencies: ["NormfolioCLI"]),
        // Fuzz targets for libFuzzer (`make fuzz`); built normally, it replays inputs.
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        .executableTarget(
            name: "normfolio-fuzz", dependencies: ["NormfolioKit", "NormfolioServe", "CLibFuzzer"], path: "Sources/NormfolioFuzz",
            swiftSettings: fuzzFlags,
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []
        ),
        // What both test targets share: the trait for tests that need another program.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "NormfolioKitTests",
            dependencies: ["NormfolioKit", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "NormfolioCLITests",
            dependencies: ["NormfolioCLI", "NormfolioKit", "NormfolioServe", "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
