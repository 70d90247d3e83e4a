import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageSim
import MaillageStore

/// One importer under fuzzing, with the fixed options its fuzz target feeds it.
///
/// The options match the real files of `../shared/data` that seed each target (so that the
/// seeds get past the header checks). `Tests/MaillageIOTests/FuzzRegressionTests.swift`,
/// `Tests/MaillageScenarioTests/ScenarioFuzzRegressionTests.swift` and
/// `Tests/MaillageSimTests/SimFilesFuzzRegressionTests.swift` replay the corpora with the same
/// options; change both together.
public enum FuzzFormat: String, CaseIterable, Sendable {
    case finess
    case actors
    case zonesCSV = "zones-csv"
    case zonesGeoJSON = "zones-geojson"
    case links
    case population
    case supplyCounts = "supply-counts"
    case matrix
    case emergency
    case scenario
    case simParameters = "sim-parameters"
    case simEvents = "sim-events"

    /// The extension of the file the input is written to (some importers detect by it).
    public var fileExtension: String {
        switch self {
        case .zonesGeoJSON: "geojson"
        case .scenario: "yaml"
        case .simParameters, .simEvents: "json"
        default: "csv"
        }
    }

    /// Whether the importer writes into a territory database.
    public var needsTerritory: Bool {
        switch self {
        case .scenario, .simParameters, .simEvents: false
        default: true
        }
    }

    /// The CRS of `x`/`y` columns (Lambert-93); files with `lat`/`lon` are read as WGS84 still.
    static let projectedCRS = "EPSG:2154"

    /// 2026-01-01 as days since 1970-01-01, the start the event files are read against.
    static let eventStartDay = 20454

    /// Whether the reader takes bytes in memory (``feed(data:)``) rather than a file.
    public var readsMemory: Bool { self == .simParameters || self == .simEvents }

    /// Feeds the bytes to a reader that takes them in memory; a thrown error is a normal outcome.
    public func feed(data: Data) throws {
        switch self {
        case .simParameters: _ = try ParameterFile.parse(data)
        case .simEvents: _ = try EventFile.parse(data, startDay: Self.eventStartDay, days: 365)
        default: break
        }
    }

    /// Feeds the file at `path` to the importer; a thrown error is a normal outcome.
    public func feed(path: String, database: TerritoryDatabase?) throws {
        if self == .scenario {
            _ = try ScenarioLoader.load(path)
        } else if let database {
            _ = try importIntoTerritory(path: path, database: database)
        }
    }

    private func importIntoTerritory(path: String, database: TerritoryDatabase) throws -> ImportReport? {
        switch self {
        case .finess: try FinessImporter(fallback: .commune).run(file: path, into: database)
        case .actors: try ActorsImporter(kind: .hospital, crs: Self.projectedCRS).run(file: path, into: database)
        case .zonesCSV: try ZonesImporter(crs: Self.projectedCRS).run(file: path, into: database)
        case .zonesGeoJSON: try ZonesImporter().run(file: path, into: database)
        case .links: try LinksImporter().run(file: path, into: database)
        case .population: try PopulationImporter().run(file: path, into: database)
        case .supplyCounts: try SupplyCountsImporter(kind: .gp, column: "generaliste").run(file: path, into: database)
        case .matrix: try Self.matrixImporter.run(file: path, into: database)
        case .emergency: try EmergencyImporter().run(file: path, into: database)
        case .scenario, .simParameters, .simEvents: nil
        }
    }

    /// The OSRM table's columns: `duration` in seconds, `distance` in metres.
    static var matrixImporter: MatrixImporter {
        var importer = MatrixImporter()
        importer.timeColumn = "duration"
        importer.timeUnit = .seconds
        importer.distanceColumn = "distance"
        importer.distanceUnit = .metres
        return importer
    }
}
