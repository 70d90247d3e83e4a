import Foundation
import MaillageCore
import MaillageIO
import MaillageScenario
import MaillageSim
import MaillageStore
import MaillageTravel

/// One reader under fuzzing, with the fixed options it is fed: the one place they are written.
///
/// The fuzz targets (the package `fuzz/`, one executable per case, run by `scripts/fuzz.sh`)
/// and the Swift tests that replay the committed corpus `Tests/FuzzCorpus/<rawValue>` both go
/// through ``feed(_:file:database:)``, so a corpus input meets in the tests exactly the reader
/// and options it met while fuzzing. The options match the real files of `../shared/data` that
/// seed each target, so that the seeds get past the header checks.
///
/// The raw value is the target's name in `scripts/fuzz.sh` and its corpus folder's name.
public enum FuzzFormat: String, CaseIterable, Sendable {
    case finess
    case actors
    case zonesCSV = "zones-csv"
    case zonesGeoJSON = "zones-geojson"
    case links
    case population
    case supplyCounts = "supply-counts"
    case matrix
    /// The matrix reader's fast lane against its general path (``MatrixReadComparison``).
    case matrixRead = "matrix-read"
    case emergency
    case scenario
    case simParameters = "sim-parameters"
    case simEvents = "sim-events"
    /// A shard file of `compare --shard`, read as `merge` reads it: the header, then every job.
    case comparisonShard = "comparison-shard"
    /// An OSRM server's `/table` answer (JSON), read and assembled as `travel osrm --url` does.
    case osrmTable = "osrm-table"
    /// A travel-time file as `travel line` writes it (`origin_id,destination_id,minutes,straight_km`), imported back.
    case travelMatrix = "travel-matrix"
    /// A calibration spec (YAML): parameters, observed targets, years, simulation settings.
    case calibrationSpec = "calibration-spec"
    /// A calibration shard (`calibrate --shard`), as `merge` reads it.
    case calibrationShard = "calibration-shard"
    /// A sensitivity shard (`sensitivity --shard`), as `merge` reads it.
    case sensitivityShard = "sensitivity-shard"
    /// A sensitivity analysis's ranges file (YAML).
    case sensitivityRanges = "sensitivity-ranges"
    /// A comparison's `comparison.csv`, written into a GeoPackage with the territory's layers.
    case geopackage

    /// The extension of the file the input is written to (some importers detect by it).
    public var fileExtension: String {
        switch self {
        case .zonesGeoJSON: "geojson"
        case .scenario, .calibrationSpec, .sensitivityRanges: "yaml"
        case .simParameters, .simEvents, .comparisonShard, .osrmTable, .calibrationShard, .sensitivityShard: "json"
        default: "csv"
        }
    }

    /// Whether the importer writes into a territory database.
    public var needsTerritory: Bool {
        switch self {
        case .scenario, .simParameters, .simEvents, .matrixRead, .comparisonShard, .osrmTable, .calibrationSpec,
            .sensitivityRanges, .calibrationShard, .sensitivityShard:
            false
        default: true
        }
    }

    /// Whether an accepted input may have written into the territory (the GeoPackage target only reads it).
    public var writesTerritory: Bool { needsTerritory && self != .geopackage }

    /// Whether the reader takes bytes in memory rather than a file.
    public var readsMemory: Bool { self == .simParameters || self == .simEvents || self == .osrmTable }

    /// The CRS of `x`/`y` columns (Lambert-93); files with `lat`/`lon` are read as WGS84 still.
    public static let projectedCRS = "EPSG:2154"

    /// 2026-01-01 as days since 1970-01-01, the start the event files are read against
    /// (python3: `(date(2026,1,1) - date(1970,1,1)).days` = 20454).
    public static let eventStartDay = 20454

    /// The number of days the event files are read against.
    public static let eventDays = 365

    /// A territory format was fed without a territory: a mistake of the caller, not of the input.
    public struct MissingTerritory: Error, CustomStringConvertible {
        /// The format that needs a territory database to import into.
        public let format: FuzzFormat
        /// Names the importer and what it lacks, for the fuzz driver's message.
        public var description: String { "the \(format.rawValue) importer needs a territory database" }
    }

    /// Hands one input to the reader, as the fuzz target does: in memory for the simulation's
    /// JSON files, otherwise written to `file` first (name it with ``fileExtension``), then
    /// imported into `database` (the territory formats) or loaded (scenarios).
    ///
    /// A thrown error is the reader refusing the input, the normal outcome for bad bytes
    /// (``MissingTerritory`` aside).
    @discardableResult
    public func feed(_ data: Data, file: URL, database: TerritoryDatabase?) throws -> FuzzOutcome {
        switch self {
        case .simParameters: return .parameters(try ParameterFile.parse(data))
        case .simEvents: return .events(try EventFile.parse(data, startDay: Self.eventStartDay, days: Self.eventDays))
        case .osrmTable: return try Self.readTable(data)
        default: break
        }
        try data.write(to: file)
        if self == .scenario { return .scenarios(try ScenarioLoader.load(file.path)) }
        if self == .calibrationSpec { return .calibration(try CalibrationSpec.load(file.path)) }
        if self == .sensitivityRanges { return .ranges(try SensitivityRanges.load(file.path)) }
        if self == .matrixRead { return .matrixEntries(try MatrixReadComparison.run(file.path)) }
        if self == .comparisonShard { return try Self.readShard(file.path) }
        if self == .calibrationShard {
            // As merge reads it: the file, its shares and every number.
            let (shard, known) = try CalibrationShard.merge([file.path])
            return .calibrationShard(shard, evaluations: known.count)
        }
        if self == .sensitivityShard {
            // As merge does: the shards put together, then the indices computed (no file written).
            let (plan, outputs) = try SensitivityShard.merge([file.path])
            return .sensitivityShard(try SensitivityAnalysis(plan: plan, outputs: outputs))
        }
        guard let database else { throw MissingTerritory(format: self) }
        if self == .geopackage { return try Self.writeGeoPackage(comparison: file, territory: database) }
        return .imported(try importFile(file.path, into: database))
    }

    /// Runs the importer of a territory format, with its options.
    private func importFile(_ path: String, into database: TerritoryDatabase) throws -> ImportReport {
        switch self {
        case .finess: try FinessImporter(fallback: .commune).run(file: path, into: database)
        case .actors: try ActorsImporter(kind: .hospital, crs: Self.projectedCRS).run(file: path, into: database)
        case .zonesCSV: try ZonesImporter(crs: Self.projectedCRS).run(file: path, into: database)
        case .zonesGeoJSON: try ZonesImporter().run(file: path, into: database)
        case .links: try LinksImporter().run(file: path, into: database)
        case .population: try PopulationImporter().run(file: path, into: database)
        case .supplyCounts: try SupplyCountsImporter(kind: .gp, column: "generaliste").run(file: path, into: database)
        case .matrix: try Self.matrixImporter.run(file: path, into: database)
        case .travelMatrix: try Self.travelMatrixImporter.run(file: path, into: database)
        case .emergency: try EmergencyImporter().run(file: path, into: database)
        // Read by `feed` before it gets here: no territory import for them.
        case .scenario, .simParameters, .simEvents, .matrixRead, .comparisonShard, .osrmTable, .calibrationSpec,
            .sensitivityRanges, .geopackage, .calibrationShard, .sensitivityShard:
            throw MissingTerritory(format: self)
        }
    }

    /// Reads a shard with the reader `merge` keeps open per shard, every job to the end.
    private static func readShard(_ path: String) throws -> FuzzOutcome {
        let reader = try ComparisonShardReader(path: path)
        var jobs: [ComparisonJob] = []
        while let result = try reader.next() { jobs.append(result.job) }
        return .shard(reader.header, jobs: jobs)
    }

    /// The block an OSRM answer is read for: 3 origins × 4 destinations.
    public static let tableShape = (origins: 3, destinations: 4)

    /// Reads a `/table` answer for a ``tableShape`` block, pairs over an hour left out (as `--max-minutes 60`).
    private static func readTable(_ data: Data) throws -> FuzzOutcome {
        let client = TableClient(server: URL(string: "http://127.0.0.1:5000")!)
        guard
            let table = try client.table(
                answer: data, status: 200, origins: tableShape.origins, destinations: tableShape.destinations,
                limitSeconds: 3600)
        else { return .osrmTable(pairs: [], unroutable: 0, overLimit: 0) }
        return .osrmTable(
            pairs: try table.pairs.array().map {
                .init(origin: Int($0.origin), destination: Int($0.destination), seconds: $0.seconds)
            },
            unroutable: table.unroutable, overLimit: table.overLimit)
    }

    /// Reads `file` as a comparison folder's `comparison.csv` and writes the territory's GeoPackage
    /// with its layers beside it, as `export geopackage --comparison` does (without the styles).
    private static func writeGeoPackage(comparison file: URL, territory database: TerritoryDatabase) throws
        -> FuzzOutcome
    {
        let folder = file.deletingLastPathComponent().appendingPathComponent("comparison")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("comparison.csv")
        try? FileManager.default.removeItem(at: csv)
        try FileManager.default.moveItem(at: file, to: csv)
        var package = TerritoryGeoPackage(territory: try database.loadTerritory())
        package.comparison = (folder.path, try TerritoryGeoPackage.comparisonRows(folder: folder.path))
        let (layers, _) = try package.layers()
        let out = file.deletingLastPathComponent().appendingPathComponent("territory.gpkg").path
        try GeoPackageWriter.write(layers: layers, styles: [], crs: .wgs84, to: out)
        return .geopackage(layers: layers.map { "\($0.name) (\($0.fields.count) fields, \($0.features.count) rows)" })
    }

    /// A file of `travel line`: minutes and straight-line kilometres, directed (zones to actors).
    static var travelMatrixImporter: MatrixImporter {
        var importer = MatrixImporter()
        importer.isDirected = true
        importer.distanceColumn = "straight_km"
        return importer
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

    /// Fills an empty database with the territory every input is imported into:
    /// `zones.csv` and `actors.csv` of `folder` (`Tests/FuzzCorpus/territory`), default options.
    public static func buildTerritory(_ database: TerritoryDatabase, from folder: URL) throws {
        _ = try ZonesImporter().run(file: folder.appendingPathComponent("zones.csv").path, into: database)
        _ = try ActorsImporter().run(file: folder.appendingPathComponent("actors.csv").path, into: database)
    }
}
