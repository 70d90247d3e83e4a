// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for every importer of Maillage, one executable per format.
///
/// A separate package, so that the main package's `swift build` never links an entry point
/// that needs the fuzzer runtime. Build and run with `scripts/fuzz.sh` (or `make fuzz`): it
/// passes `--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library` and the scratch
/// path `.build-fuzz`. A plain `swift build` here fails to link (no `main`): that is expected.
/// The readers and their options are not here: they are the main package's `MaillageFuzzFormats`
/// (``FuzzFormat``), which the tests replaying `Tests/FuzzCorpus` use too. A new format is a case
/// there, a name in `formats` below and in `scripts/fuzz.sh`, and a corpus folder; the test
/// `FuzzCorpusFolderTests` fails until all four agree.
let formats = [
    "Finess", "Actors", "ZonesCSV", "ZonesGeoJSON", "Links", "Population", "SupplyCounts",
    "Matrix", "MatrixRead", "Emergency", "Scenario", "SimParameters", "SimEvents", "ComparisonShard",
    "OsrmTable", "TravelMatrix", "CalibrationSpec", "SensitivityRanges", "Geopackage", "CalibrationShard", "SensitivityShard",
]

let package = Package(
    name: "MaillageFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Maillage", path: "..")],
    targets: [
        .target(
            name: "MaillageFuzzSupport",
            dependencies: [
                // The readers and their options, shared with the tests that replay the corpus.
                .product(name: "MaillageFuzzFormats", package: "Maillage"),
                .product(name: "MaillageStore", package: "Maillage"),
            ]
        ),
    ] + formats.map { .executableTarget(
        name: "MaillageFuzz\($0)",
        dependencies: ["MaillageFuzzSupport", .product(name: "MaillageFuzzFormats", package: "Maillage")]
    ) }
)
