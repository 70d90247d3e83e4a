// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Maillage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "maillage", targets: ["maillage"]),
        .library(name: "MaillageCore", targets: ["MaillageCore"]),
        .library(name: "MaillageGeo", targets: ["MaillageGeo"]),
        .library(name: "MaillageFormats", targets: ["MaillageFormats"]),
        .library(name: "MaillageStore", targets: ["MaillageStore"]),
        .library(name: "MaillageGenerator", targets: ["MaillageGenerator"]),
        .library(name: "MaillageIO", targets: ["MaillageIO"]),
        .library(name: "MaillageAccess", targets: ["MaillageAccess"]),
        .library(name: "MaillageScenario", targets: ["MaillageScenario"]),
        .library(name: "MaillageReport", targets: ["MaillageReport"]),
        .library(name: "MaillageSim", targets: ["MaillageSim"]),
        .library(name: "MaillageTravel", targets: ["MaillageTravel"]),
        .library(name: "MaillageRuns", targets: ["MaillageRuns"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The domain: value types and their rules, no I/O.
        .target(name: "MaillageCore"),

        // PROJ, the coordinate library, from the system (Debian's libproj-dev).
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .target(name: "MaillageGeo", dependencies: ["MaillageCore", "CProj"]),

        // General file formats, no store: the byte CSV reader, the JSON byte reader, the one CSV
        // writer and the GeoJSON/JSON text, atomic files, numbers as text.
        .target(name: "MaillageFormats", dependencies: ["MaillageCore"]),

        // The only library module that speaks SQL (GRDB): the territory database and GeoPackage files.
        .target(
            name: "MaillageStore",
            dependencies: ["MaillageCore", "MaillageFormats", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "MaillageGenerator", dependencies: ["MaillageCore"]),

        // Accessibility and coverage: nearest, the floating-catchment family, gravity, APL.
        .target(name: "MaillageAccess", dependencies: ["MaillageCore", "MaillageGeo"]),

        // What-ifs: scenario files (YAML), changes applied to a territory, comparisons.
        .target(
            name: "MaillageScenario",
            dependencies: [
                "MaillageCore", "MaillageAccess", "MaillageFormats", "MaillageSim", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The HTML report: maps and charts as inline SVG, tables, provenance.
        .target(
            name: "MaillageReport",
            dependencies: ["MaillageCore", "MaillageGeo", "MaillageStore", "MaillageAccess", "MaillageSim", "MaillageRuns"]
        ),
        // Agent-based simulation of patient trajectories over the care network.
        .target(
            name: "MaillageSim",
            dependencies: ["MaillageCore", "MaillageGeo", "MaillageAccess", "MaillageFormats", "CMaillagePrefetch"]
        ),
        // The processor's prefetch hint, which Swift lacks (the engine fetches the agents of coming events ahead).
        .target(name: "CMaillagePrefetch"),

        // Importers and exporters of a territory on top of the formats: FINESS, INSEE, SAE, CSV,
        // GeoJSON, matrices, GeoPackage layers. Writes through MaillageStore, never SQL itself.
        .target(name: "MaillageIO", dependencies: ["MaillageCore", "MaillageGeo", "MaillageFormats", "MaillageStore"]),

        // What a study, a simulation, a scenario run and a comparison store and write, and how they are read back.
        .target(
            name: "MaillageRuns",
            dependencies: [
                "MaillageCore", "MaillageFormats", "MaillageStore", "MaillageIO", "MaillageAccess", "MaillageSim",
                "MaillageScenario",
            ]
        ),

        // Road times from OSRM, the straight-line model's calibration, and comparing travel sources.
        .target(name: "MaillageTravel", dependencies: ["MaillageCore", "MaillageGeo", "MaillageFormats", "MaillageStore"]),

        // Every reader under fuzzing with its fixed options: shared by the fuzz targets (fuzz/)
        // and the tests that replay their corpus (Tests/FuzzCorpus), so the two cannot drift.
        .target(
            name: "MaillageFuzzFormats",
            dependencies: ["MaillageCore", "MaillageFormats", "MaillageStore", "MaillageIO", "MaillageScenario", "MaillageSim",
                "MaillageTravel",
            ]
        ),

        .executableTarget(
            name: "maillage",
            dependencies: [
                "MaillageCore", "MaillageGeo", "MaillageFormats", "MaillageStore", "MaillageGenerator", "MaillageIO",
                "MaillageAccess", "MaillageScenario", "MaillageReport", "MaillageSim", "MaillageTravel", "MaillageRuns",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Performance targets, measured against peers: swift run -c release maillage-bench …
        .executableTarget(
            name: "maillage-bench",
            dependencies: [
                "MaillageCore", "MaillageAccess", "MaillageFormats", "MaillageGenerator", "MaillageIO", "MaillageSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/MaillageBenchmarks"
        ),

        // Helpers the test targets share: temporary folders, the ../shared datasets.
        .target(name: "MaillageTestSupport", path: "Tests/MaillageTestSupport"),

        .testTarget(name: "MaillageCoreTests", dependencies: ["MaillageCore"]),
        .testTarget(name: "MaillageGeoTests", dependencies: ["MaillageTestSupport", "MaillageGeo"]),
        .testTarget(
            name: "MaillageStoreTests",
            dependencies: ["MaillageTestSupport", "MaillageStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "MaillageGeneratorTests",
            dependencies: ["MaillageTestSupport", "MaillageGenerator", "MaillageStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "MaillageIOTests",
            dependencies: ["MaillageTestSupport", "MaillageFormats", "MaillageIO", "MaillageStore", "MaillageGenerator", "MaillageFuzzFormats", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "MaillageAccessTests", dependencies: ["MaillageTestSupport", "MaillageAccess"], exclude: ["Fixtures"]),
        .testTarget(name: "MaillageScenarioTests", dependencies: ["MaillageTestSupport", "MaillageScenario", "MaillageGenerator", "MaillageGeo", "MaillageSim", "MaillageStore", "MaillageFuzzFormats"]),
        .testTarget(
            name: "MaillageReportTests",
            dependencies: ["MaillageTestSupport", "MaillageReport", "MaillageStore", "MaillageGeo", "MaillageRuns"]
        ),
        .testTarget(name: "MaillageSimTests", dependencies: ["MaillageTestSupport", "MaillageSim", "MaillageGenerator", "MaillageFuzzFormats"]),
        .testTarget(
            name: "MaillageTravelTests",
            dependencies: ["MaillageTestSupport", "MaillageTravel", "MaillageStore", "MaillageGeo", "MaillageFuzzFormats", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "MaillageRunsTests", dependencies: ["MaillageRuns"]),
        .testTarget(
            name: "maillageTests", dependencies: ["MaillageTestSupport", "maillage", "MaillageReport", "MaillageStore", "MaillageRuns"]
        ),
    ]
)

// The fuzz package (fuzz/) links the readers under fuzzing as a product of this package; no user
// of the library needs them, so the product exists only when scripts/fuzz.sh asks for it.
if Context.environment["MAILLAGE_FUZZ_PRODUCTS"] == "1" {
    package.products.append(.library(name: "MaillageFuzzFormats", targets: ["MaillageFuzzFormats"]))
}
