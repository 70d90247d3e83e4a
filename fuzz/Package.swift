// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for every importer of Maillage, one executable per format.
///
/// A separate package, so that the main package's `swift build` never links an entry point
/// that needs the fuzzer runtime. Build and run with `scripts/fuzz.sh` (or `make fuzz`): it
/// passes `--sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library` and the scratch
/// path `.build-fuzz`. A plain `swift build` here fails to link (no `main`): that is expected.
let formats = [
    "Finess", "Actors", "ZonesCSV", "ZonesGeoJSON", "Links", "Population", "SupplyCounts",
    "Matrix", "Emergency", "Scenario", "SimParameters", "SimEvents",
]

let package = Package(
    name: "MaillageFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Maillage", path: "..")],
    targets: [
        .target(
            name: "MaillageFuzzSupport",
            dependencies: [
                .product(name: "MaillageCore", package: "Maillage"),
                .product(name: "MaillageStore", package: "Maillage"),
                .product(name: "MaillageIO", package: "Maillage"),
                .product(name: "MaillageScenario", package: "Maillage"),
                .product(name: "MaillageSim", package: "Maillage"),
            ]
        ),
    ] + formats.map { .executableTarget(name: "MaillageFuzz\($0)", dependencies: ["MaillageFuzzSupport"]) }
)
